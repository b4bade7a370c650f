#pragma once
/// What the point readers (CSV and GDAL) share: problems gathered into one error, coordinates
/// checked, converted and batched, categories interned. Internal to io/point_source.cpp and
/// io/point_csv.cpp.

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
