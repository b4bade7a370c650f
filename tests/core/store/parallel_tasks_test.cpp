// Independent tasks on every core (store/parallel_tasks.hpp): every task runs once, progress is told
// from the calling thread up to the last part, and a task's failure reaches the caller.
#include "store/parallel_tasks.hpp"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "error.hpp"

using namespace atlas;

TEST_CASE("parallel tasks: each runs once, progress is told from the caller's thread up to the last part", "[store]") {
    // Tasks this short may all finish before the caller first waits (CI's failure on a loaded
    // machine: no progress told at all), so many runs are made, on cores kept busy as ctest -j does,
    // and every one must reach the last part.
    std::atomic<bool> stop{false};
    std::vector<std::thread> load;
    for (unsigned t = 0; t < 2 * std::max(1u, std::thread::hardware_concurrency()); ++t)
        load.emplace_back([&] {
            while (!stop) std::this_thread::yield();
        });
    struct Join {
        std::atomic<bool>& stop;
        std::vector<std::thread>& load;
        ~Join() {
            stop = true;
            for (std::thread& t : load) t.join();
        }
    } join{stop, load};
    for (int run = 0; run < 200; ++run) {
        std::vector<int> ran(run % 2 ? 50 : 1, 0);
        std::vector<std::size_t> told;
        bool other_thread = false;
        const std::thread::id caller = std::this_thread::get_id();
        run_parallel(
            ran.size(), 2 * ran.size(),
            [&](std::size_t i, const std::function<void()>& step) {
                ++ran[i];
                step();
                step();
            },
            [&](std::size_t done, std::size_t parts) {
                if (parts != 2 * ran.size()) FAIL("parts " << parts);
                if (std::this_thread::get_id() != caller) other_thread = true;
                told.push_back(done);
            });
        INFO("run " << run << " of " << ran.size() << " tasks");
        REQUIRE(std::all_of(ran.begin(), ran.end(), [](int n) { return n == 1; }));
        REQUIRE_FALSE(told.empty());
        REQUIRE(told.back() == 2 * ran.size());
        REQUIRE(std::is_sorted(told.begin(), told.end()));
        REQUIRE_FALSE(other_thread);
    }
}

TEST_CASE("parallel tasks: a task's failure is rethrown to the caller, and no task starts after it", "[store]") {
    std::size_t started = 0;
    std::mutex lock;
    auto failing = [&](std::size_t i, const std::function<void()>&) {
        {
            std::lock_guard<std::mutex> hold(lock);
            ++started;
        }
        if (i == 3) throw AtlasError(ErrorKind::Input, "region 'x': GEOS failed");
        std::this_thread::sleep_for(std::chrono::milliseconds(2));  // GEOS work takes a while
    };
    CHECK_THROWS_WITH(run_parallel(200, 200, failing, {}), "region 'x': GEOS failed");
    CHECK(started < 200);
    CHECK_NOTHROW(run_parallel(0, 0, failing, {}));
}
