// Independent tasks on every core (store/parallel_tasks.hpp): every task runs once, progress is told
// from the calling thread up to the last part, and a task's failure reaches the caller.
#include "store/parallel_tasks.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "error.hpp"

using namespace atlas;

TEST_CASE("parallel tasks: each runs once, progress is told from the caller's thread up to the last part", "[store]") {
    std::vector<int> ran(50, 0);
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
            CHECK(parts == 100);
            if (std::this_thread::get_id() != caller) other_thread = true;
            told.push_back(done);
        });
    CHECK(std::all_of(ran.begin(), ran.end(), [](int n) { return n == 1; }));
    REQUIRE_FALSE(told.empty());
    CHECK(told.back() == 100);
    CHECK(std::is_sorted(told.begin(), told.end()));
    CHECK_FALSE(other_thread);
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
