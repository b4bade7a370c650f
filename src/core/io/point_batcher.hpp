#pragma once
/// What the point readers (CSV and GDAL) share: problems gathered into one error, coordinates
/// checked, converted and batched, categories interned, MultiPoints tallied. Internal to the readers
/// (io/point_source.cpp, io/point_csv.cpp, io/point_postgis.cpp).

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/point_source.hpp"

namespace atlas::points_detail {

/// Problems with the rows, raised as one AtlasError(Input) with at most kMost lines.
class PointProblems {
  public:
    static constexpr std::size_t kMost = 20;
    explicit PointProblems(std::string path) : path_(std::move(path)) {}
    /// "PATH:WHERE: what"; raises at once when this is one more than kMost. A problem of a `kind`
    /// already reported is counted on its first line instead ("(and 9,999 more lines like it)"), so a
    /// file with swapped columns gives one line, not millions.
    void add(const std::string& where, const std::string& what, const std::string& kind);
    /// "PATH: what", or "PATH:WHERE: what" with a line; raised at once with the lines before it.
    [[noreturn]] void fatal(const std::string& what, const std::string& where = "");
    void raise_if_any() const;
    bool any() const { return !lines_.empty(); }

  private:
    std::string path_;
    std::vector<std::string> lines_;
    std::vector<std::string> kinds_;      ///< of each line
    std::vector<std::uint64_t> repeats_;  ///< further problems of each line's kind
};

/// A number as a coordinate or value cell writes it ("116.39", "-1.5e3", " 3 "); false otherwise
/// (empty, text, "1,5", inf, nan).
bool parse_number(std::string_view cell, double& out);

/// MultiPoints of several points, whose points are each counted as one point: said in one note, as
/// a count of points over the features read ("4 points" from 3 features) said nothing of them.
struct MultiPointTally {
    std::string first;  ///< where the first is: "feature 3", "row 7"
    std::uint64_t features = 0, points = 0;
    /// Counts a MultiPoint of `parts` points read at `where` (one of a single point changes no count).
    void add(const std::string& where, std::uint64_t parts) {
        if (parts < 2) return;
        if (features++ == 0) first = where;
        points += parts;
    }
    /// "feature 3 is a MultiPoint of 2 points, each counted as a point"; "2 rows are MultiPoints of 5
    /// points in all (row 7 the first), each counted as a point". `noun` is "feature" or "row".
    std::string note(const std::string& noun) const;
};

/// Collects points into batches of kPointBatch and hands them on.
class PointBatcher {
  public:
    PointBatcher(const PointSourceOptions& options, PointSourceInfo& info, PointProblems& problems,
                 const std::function<void(const PointBatch&)>& sink)
        : options_(options), info_(info), problems_(problems), sink_(sink) {}
    /// Checks the range, converts the datum, keeps the point. `where` names it in problems
    /// ("5" for a line, "feature 12"); `lon_name`/`lat_name` the columns ("" for a vector source).
    void add(double lon, double lat, double value, std::int32_t category, std::uint64_t line, const std::string& where,
             const std::string& lon_name, const std::string& lat_name, std::string_view code = {});
    /// The category index of a cell's text (raw bytes; decoded when listed), -1 when empty.
    std::int32_t category(std::string_view raw);
    /// Hands on what is left and lists the categories, decoded with `decode`.
    void finish(const std::function<std::string(const std::string&)>& decode);

  private:
    const PointSourceOptions& options_;
    PointSourceInfo& info_;
    PointProblems& problems_;
    const std::function<void(const PointBatch&)>& sink_;
    PointBatch batch_;
    std::unordered_map<std::string, std::int32_t> categories_;
    std::vector<std::string> raw_categories_;
};

/// Reads a CSV file of points (io/point_csv.cpp).
void read_csv_points(const std::string& path, const PointSourceOptions& options, PointSourceInfo& info,
                     PointProblems& problems, PointBatcher& batcher);

}  // namespace atlas::points_detail
