# The two commands a user needs (see README.md):
#   make run    install what is missing, build, run the main job on the bundled data
#   make test   install what is missing, build, run every test
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)

.PHONY: run test deps build configure clean geodata

# The viewer on the bundled data; without a display, the same map rendered headless to map.png.
run: build
	@if [ -n "$$DISPLAY" ] || [ -n "$$WAYLAND_DISPLAY" ]; then ./$(BUILD_DIR)/clusteratlas view; \
	else ./$(BUILD_DIR)/clusteratlas render -o map.png --force && echo "no display: wrote map.png"; fi

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)

deps:
	@scripts/install-deps

configure: deps
	@[ -f $(BUILD_DIR)/CMakeCache.txt ] || cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: configure
	cmake --build $(BUILD_DIR) -j$(JOBS)

geodata: build
	scripts/build-geodata

clean:
	rm -rf $(BUILD_DIR)
