#pragma once
/// Independent tasks on every core: what preparing data does with GEOS (region unions, levels of
/// detail), each task reading shared, read-only inputs and writing only its own result.

#include <cstddef>
#include <functional>

namespace atlas {

/// Runs task(i, step) for every i in [0, count), one task at a time per thread, on as many threads
/// as there are cores (at most `count`). A task calls step() as it completes each of its parts;
/// `progress` (may be empty) is told (parts done, `parts`) from the calling thread as they complete.
/// A task must use its own GEOS context (geo/geos_handle.hpp). The first exception a task throws is
/// rethrown here once every thread has stopped; no task starts after it.
void run_parallel(std::size_t count, std::size_t parts,
                  const std::function<void(std::size_t index, const std::function<void()>& step)>& task,
                  const std::function<void(std::size_t done, std::size_t parts)>& progress);

}  // namespace atlas
