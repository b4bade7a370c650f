#include "store/parallel_tasks.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace atlas {

void run_parallel(std::size_t count, std::size_t parts,
                  const std::function<void(std::size_t index, const std::function<void()>& step)>& task,
                  const std::function<void(std::size_t done, std::size_t parts)>& progress) {
    std::atomic<std::size_t> next{0};
    std::size_t done = 0, running = 0;
    std::exception_ptr failure;
    std::mutex lock;
    std::condition_variable changed;
    std::function<void()> step = [&] {
        std::lock_guard<std::mutex> hold(lock);
        ++done;
        changed.notify_one();
    };
    auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++) {
            try {
                task(i, step);
            } catch (...) {
                std::lock_guard<std::mutex> hold(lock);
                if (!failure) failure = std::current_exception();
                next = count;  // no task starts after a failure
            }
        }
        std::lock_guard<std::mutex> hold(lock);
        --running;
        changed.notify_one();
    };
    std::size_t threads =
        std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, std::max<std::size_t>(count, 1));
    std::vector<std::thread> pool;
    running = threads;
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(work);
    // Progress from the caller's thread (a terminal's progress bar is not thread-safe), as it changes,
    // and always up to the last part: the tasks may all finish before this thread first waits.
    std::size_t told = 0;
    {
        std::unique_lock<std::mutex> hold(lock);
        for (;;) {
            changed.wait(hold, [&] { return done != told || running == 0; });
            if (done == told) break;  // every thread stopped, and all its parts were told
            std::size_t now = told = done;
            if (!progress) continue;
            hold.unlock();
            progress(now, parts);
            hold.lock();
        }
    }
    for (std::thread& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace atlas
