#include "analysis/point_count.hpp"

#include <cmath>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "error.hpp"
#include "text/escape.hpp"

namespace atlas {

std::unique_ptr<PointUnitSet> point_units(Document& doc, PointLevel level, const std::string& by_option) {
    auto set = std::make_unique<PointUnitSet>();
    const Plan& plan = doc.plan();
    const RegionLayer* counties = nullptr;
    if (level == PointLevel::County) {
        counties = doc.counties();
        if (counties == nullptr)
            throw AtlasError(ErrorKind::Usage, by_option +
                                                   " county needs the county layer (scripts/fetch-counties "
                                                   "builds it, or --counties FILE)");
    } else {  // only the partial members' counties decide anything: read just those
        set->county_subset = doc.county_subset(doc.partial_member_prefectures());
        if (!set->county_subset.regions.empty()) counties = &set->county_subset;
    }
    std::vector<const PlanRegion*> regions;
    for (const PlanRegion& r : plan.regions) regions.push_back(&r);
    set->units = std::make_unique<PointUnits>(doc.provinces(), doc.prefectures(), counties, regions,
                                              level == PointLevel::County);
    return set;
}

namespace {

/// One batch handed from the reading thread to the counting thread, and back when counted.
class BatchHandoff {
  public:
    /// Waits until the counter has taken the previous batch, then hands this one over (copied).
    void put(const PointBatch& batch) {
        std::unique_lock<std::mutex> lock(m_);
        cv_.wait(lock, [&] { return !full_; });
        slot_ = batch;
        full_ = true;
        cv_.notify_all();
    }
    /// The next batch, or false once the reader is done and nothing is left.
    bool take(PointBatch& out) {
        std::unique_lock<std::mutex> lock(m_);
        cv_.wait(lock, [&] { return full_ || done_; });
        if (!full_) return false;
        std::swap(out, slot_);
        full_ = false;
        cv_.notify_all();
        return true;
    }
    void finish() {
        std::lock_guard<std::mutex> lock(m_);
        done_ = true;
        cv_.notify_all();
    }

  private:
    std::mutex m_;
    std::condition_variable cv_;
    PointBatch slot_;
    bool full_ = false, done_ = false;
};

}  // namespace

PointSourceInfo read_and_tally(const std::string& path, const PointSourceOptions& options, const PointUnits& units,
                               PointTally& tally) {
    BatchHandoff handoff;
    // A fault while counting (a --value sum past the largest double) is the reader's to raise: thrown
    // out of the thread, it ended the process with std::terminate (exit 134). The batches still to
    // come are taken and dropped, so that the reader never waits on a full slot.
    std::exception_ptr fault;
    std::thread counter([&] {
        PointBatch batch;
        while (handoff.take(batch)) {
            if (fault) continue;
            try {
                tally_points(units, batch, tally);
            } catch (...) {
                fault = std::current_exception();
            }
        }
    });
    try {
        PointSourceInfo info = read_points(path, options, [&](const PointBatch& b) { handoff.put(b); });
        handoff.finish();
        counter.join();
        if (fault) std::rethrow_exception(fault);
        return info;
    } catch (...) {
        handoff.finish();
        if (counter.joinable()) counter.join();
        throw;
    }
}

std::vector<std::string> point_table_columns(const std::string& value_column) {
    std::vector<std::string> columns = {"points", "per_1000_km2", "share_pct", "in_regions_pct"};
    if (!value_column.empty()) columns.insert(columns.end(), {"sum_" + value_column, "mean_" + value_column});
    return columns;
}

std::unique_ptr<UserTable> point_table(const PointUnits& units, const PointTally& tally, PointLevel level,
                                       const std::string& path, const std::string& value_column) {
    if (level == PointLevel::Region || level == PointLevel::Industry)
        throw AtlasError(ErrorKind::Usage, "points on a map are counted per province, prefecture or county, not per " +
                                               std::string(to_string(level)));
    auto t = std::make_unique<UserTable>();
    t->path = path;
    t->key_column = "code";
    t->level = level == PointLevel::Province     ? UserDataLevel::Province
               : level == PointLevel::Prefecture ? UserDataLevel::Prefecture
                                                 : UserDataLevel::County;
    t->columns = point_table_columns(value_column);
    const bool values = !value_column.empty();
    t->values.assign(t->columns.size(), {});
    const double located = static_cast<double>(tally.points - tally.outside);
    const double none = std::nan("");
    for (const PointUnitRow& r : point_rows(units, tally, level)) {
        t->codes.push_back(r.code);
        const double n = static_cast<double>(r.points);
        std::vector<double> row = {n, r.density(), located > 0 ? n * 100 / located : none,
                                   r.points ? static_cast<double>(r.in_regions) * 100 / n : none};
        // Points there but none with a value: unknown ("no data" on the map), not a sum of 0. A unit
        // without points sums to 0 (no firm, no employee).
        if (values) row.insert(row.end(), {r.points > 0 && !r.valued ? none : r.sum, r.valued ? r.mean() : none});
        for (std::size_t k = 0; k < row.size(); ++k) t->values[k].push_back(row[k]);
    }
    t->points = tally.sample;
    t->points_total = tally.points;
    return t;
}

std::unique_ptr<UserTable> load_point_table(Document& doc, const std::string& path, PointLevel level,
                                            const PointSourceOptions& options, std::size_t dots) {
    std::unique_ptr<PointUnitSet> set = point_units(doc, level);
    PointTally tally = start_tally(*set->units, dots);
    PointSourceInfo info =
        read_points(path, options, [&](const PointBatch& b) { tally_points(*set->units, b, tally); });
    if (tally.points == 0) fail_input(escape_controls(path) + ": no points");
    std::unique_ptr<UserTable> table = point_table(*set->units, tally, level, path, info.value_column);
    table->notes = info.notes;
    if (tally.outside == 0) return table;
    std::string hint = outside_hint(*set->units, tally, options.datum);
    std::string text = escape_controls(path) + ": " + with_separators(tally.outside) + " of " +
                       with_separators(tally.points) + " points lie outside every unit" +
                       (hint.empty() ? "" : "; " + hint);
    // No point on the map is no map: refused, as `points` and `render --points` refuse it.
    if (tally.outside == tally.points)
        fail_input(text + (hint.empty() ? ": the sea, abroad, or coordinates that are not longitude/latitude" : "") +
                   " (no point lies in a unit)");
    table->notes.push_back(text);
    return table;
}

}  // namespace atlas
