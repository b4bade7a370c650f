#include "scene/session.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/classify.hpp"
#include "analysis/search.hpp"
#include "error.hpp"
#include "geo/datum.hpp"
#include "io/input_file.hpp"
#include "io/output_file.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"
#include "text/json_text.hpp"

namespace atlas {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

const char* to_string(ChoroplethKind kind) {
    switch (kind) {
        case ChoroplethKind::ProvinceCoverage:
            return "province-coverage";
        case ChoroplethKind::UserData:
            return "data";
        case ChoroplethKind::None:
            break;
    }
    return "none";
}

ChoroplethKind parse_choropleth_kind(const std::string& name) {
    if (name == "none" || name.empty()) return ChoroplethKind::None;
    if (name == "province-coverage" || name == "coverage") return ChoroplethKind::ProvinceCoverage;
    if (name == "data") return ChoroplethKind::UserData;
    throw AtlasError(ErrorKind::Usage,
                     "unknown choropleth " + quote_value(name, 40) + " (use none, province-coverage or data)");
}

const std::vector<LayerSwitch>& map_layers() {
    static const std::vector<LayerSwitch> layers = {
        {"provinces", &Session::show_provinces},     {"prefectures", &Session::show_prefectures},
        {"regions", &Session::show_regions},         {"hubs", &Session::show_hubs},
        {"labels", &Session::show_labels},           {"counties", &Session::show_counties},
        {"pilot_zones", &Session::show_pilot_zones}, {"new_districts", &Session::show_new_districts}};
    return layers;
}

void show_only_layers(Session& s, const std::vector<std::string>& names) {
    std::vector<std::string> known;
    for (const LayerSwitch& l : map_layers()) known.push_back(l.name);
    for (const std::string& name : names)
        if (std::find(known.begin(), known.end(), name) == known.end())
            throw AtlasError(ErrorKind::Usage,
                             "unknown layer " + quote_value(name, 40) + " (use " + join(known, ", ") + ")");
    for (const LayerSwitch& l : map_layers()) s.*l.shown = std::find(names.begin(), names.end(), l.name) != names.end();
}

std::string session_json(const Session& s) {
    Json j;
    j["clusteratlas_session"] = 1;
    j["size"] = {s.width, s.height};
    if (s.window_width > 0 && s.window_height > 0) j["window"] = {s.window_width, s.window_height};
    j["projection"] = s.projection;
    j["language"] = s.english ? "en" : "zh";
    if (s.has_camera)
        j["camera"] = {{"lon", s.centre.lon}, {"lat", s.centre.lat}, {"metres_per_pixel", s.metres_per_pixel}};
    Json layers = Json::object();
    for (const LayerSwitch& l : map_layers()) layers[l.name] = s.*l.shown;
    layers["legend"] = s.show_legend;
    j["layers"] = layers;
    Json regions = Json::object();
    for (const auto& [id, r] : s.regions) {
        Json one = {{"visible", r.visible}};
        if (r.opacity >= 0) one["opacity"] = r.opacity;
        regions[id] = one;
    }
    j["regions"] = regions;
    j["selected_region"] = s.selected_region;
    j["selected_prefecture"] = s.selected_prefecture;
    j["industries"] = s.industries;
    j["compare"] = s.compare;
    j["choropleth"] = to_string(s.choropleth);
    j["data"] = {{"path", s.data.path},
                 {"key_column", s.data.key_column},
                 {"column", s.data.column},
                 {"method", s.data.method},
                 {"classes", s.data.classes}};
    if (!s.data.separator.empty()) j["data"]["separator"] = s.data.separator;
    if (!s.data.points_by.empty()) {
        j["data"]["points_by"] = s.data.points_by;
        j["data"]["points_datum"] = s.data.points_datum;
        if (!s.data.points_value.empty()) j["data"]["points_value"] = s.data.points_value;
    }
    j["figure"] = s.figure == FigureKind::Matrix ? "matrix" : "map";
    j["matrix_sort"] = s.matrix_sort;
    j["windows"] = {{"compare", s.show_compare_window}, {"matrix", s.show_matrix_window}, {"split_view", s.split_view}};
    j["layout"] = {{"sidebar", {{"open", s.panels.sidebar_open}, {"width", s.panels.sidebar_width}}},
                   {"inspector", {{"open", s.panels.inspector_open}, {"width", s.panels.inspector_width}}},
                   {"legend_corner", s.legend_corner},
                   {"tab", s.sidebar_tab}};
    const FurnitureSettings& f = s.furniture;
    j["furniture"] = {{"title", f.title},
                      {"subtitle", f.subtitle},
                      {"credit", f.credit},
                      {"show_title", f.show_title},
                      {"show_subtitle", f.show_subtitle},
                      {"show_credit", f.show_credit},
                      {"scale_bar", f.show_scale_bar},
                      {"north_arrow", f.show_north_arrow},
                      {"inset", f.inset}};
    return j.dump(2) + "\n";
}

namespace {

constexpr int kMaxDepth = 16;              // a session is 3 levels deep; anything far deeper is not one
constexpr std::size_t kMaxListItems = 64;  // industries, compare

/// "an array of 5,600,000 items", "a string", ...: what a value is, never the value itself.
std::string describe(const Json& v) {
    if (v.is_array()) return "an array of " + with_separators(v.size()) + (v.size() == 1 ? " item" : " items");
    if (v.is_object()) return "an object";
    if (v.is_string()) return "the string " + quote_value(v.get_ref<const std::string&>(), 40);
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_number()) return "the number " + v.dump();
    return "null";
}

/// Reads one session file: every key checked for type and range before it is narrowed, every error
/// naming the file and the key, unknown keys reported with the nearest known one.
class Reader {
  public:
    Reader(std::string origin, std::vector<std::string>* warnings) : origin_(std::move(origin)), warnings_(warnings) {}

    [[noreturn]] void fail(const std::string& key, const std::string& what) const {
        throw AtlasError(ErrorKind::Input, origin_ + ": " + quote_value(key, 40) + " " + what);
    }

    /// The member `key` of `object`, or null when absent; `prefix` ("data.") names it in messages.
    const Json* member(const Json& object, const char* key) const {
        auto it = object.find(key);
        return it == object.end() ? nullptr : &*it;
    }

    const Json& object(const Json& parent, const char* key, const std::string& prefix) const {
        static const Json empty = Json::object();
        const Json* v = member(parent, key);
        if (v == nullptr || v->is_null()) return empty;
        if (!v->is_object()) fail(prefix + key, "has the wrong type (" + describe(*v) + "; expected an object)");
        return *v;
    }

    void boolean(const Json& o, const char* key, bool& out, const std::string& prefix = "") const {
        if (const Json* v = member(o, key)) {
            if (!v->is_boolean())
                fail(prefix + key, "has the wrong type (" + describe(*v) + "; expected true or false)");
            out = v->get<bool>();
        }
    }

    void text(const Json& o, const char* key, std::string& out, const std::string& prefix = "") const {
        if (const Json* v = member(o, key)) {
            if (!v->is_string()) fail(prefix + key, "has the wrong type (" + describe(*v) + "; expected a string)");
            out = v->get<std::string>();
            if (out.size() > 4096)
                fail(prefix + key, "is " + with_separators(out.size()) + " bytes long (at most 4,096)");
        }
    }

    /// A number within [lo, hi]; `integer` also requires a whole number. Checked as a double before
    /// any narrowing, so 1e300 is refused rather than cast.
    double number(const Json& o, const char* key, double fallback, double lo, double hi, bool integer,
                  const std::string& prefix = "") const {
        const Json* v = member(o, key);
        if (v == nullptr) return fallback;
        if (!v->is_number()) fail(prefix + key, "has the wrong type (" + describe(*v) + "; expected a number)");
        double x = v->get<double>();
        if (!std::isfinite(x) || x < lo || x > hi || (integer && x != std::floor(x)))
            fail(prefix + key,
                 "must be " + std::string(integer ? "a whole number " : "") + range(lo, hi) + ", not " + v->dump());
        return x;
    }

    void strings(const Json& o, const char* key, std::vector<std::string>& out) const {
        const Json* v = member(o, key);
        if (v == nullptr) return;
        if (!v->is_array()) fail(key, "has the wrong type (" + describe(*v) + "; expected an array of strings)");
        if (v->size() > kMaxListItems) fail(key, "has " + with_separators(v->size()) + " items (at most 64)");
        out.clear();
        for (const Json& item : *v) {
            if (!item.is_string()) fail(key, "holds " + describe(item) + " (expected strings)");
            out.push_back(item.get<std::string>());
        }
    }

    /// Warns about each key of `o` not in `known` ("unknown key 'lang' (did you mean 'language'?)").
    void unknown_keys(const Json& o, const std::vector<std::string>& known, const std::string& prefix = "") const {
        for (const auto& item : o.items()) {
            const std::string& key = item.key();
            if (std::any_of(known.begin(), known.end(), [&](const std::string& k) { return key == k; })) continue;
            // The nearest known key: a typo (edit distance 1-2) or a shortening ("lang" for "language").
            std::string nearest;
            int best = 3;
            for (const std::string& k : known) {
                int d = edit_distance(key, k);
                if (key.size() >= 3 && k.rfind(key, 0) == 0) d = std::min(d, 1);
                if (d < best) best = d, nearest = k;
            }
            if (warnings_ != nullptr)
                warnings_->push_back(origin_ + ": unknown key " + quote_value(prefix + key, 60) + " ignored" +
                                     (nearest.empty() ? "" : " (did you mean '" + prefix + nearest + "'?)"));
        }
    }

    const std::string& origin() const { return origin_; }

  private:
    static std::string range(double lo, double hi) {
        auto n = [](double x) {
            std::string s = std::to_string(x);
            s.erase(s.find_last_not_of('0') + 1);
            if (!s.empty() && s.back() == '.') s.pop_back();
            return s;
        };
        return n(lo) + " to " + n(hi);
    }

    std::string origin_;
    std::vector<std::string>* warnings_;
};

/// [width, height] at `key`, 16 to 8192 pixels each; false when the key is absent.
bool read_pixels(const Reader& in, const Json& j, const char* key, int& width, int& height) {
    const Json* v = in.member(j, key);
    if (v == nullptr) return false;
    if (!v->is_array() || v->size() != 2 || !(*v)[0].is_number() || !(*v)[1].is_number())
        in.fail(key, "has the wrong type (" + describe(*v) + "; expected [width, height])");
    auto pixels = [](const Json& n) {
        double x = n.get<double>();
        return std::isfinite(x) && x == std::floor(x) && x >= 16 && x <= 8192;
    };
    if (!pixels((*v)[0]) || !pixels((*v)[1]))
        in.fail(key, "must be [width, height], 16 to 8192 pixels, not " + (*v)[0].dump() + " x " + (*v)[1].dump());
    width = static_cast<int>((*v)[0].get<double>()), height = static_cast<int>((*v)[1].get<double>());
    return true;
}

void read_size(const Reader& in, const Json& j, Session& s) {
    s.size_given = read_pixels(in, j, "size", s.width, s.height);
    read_pixels(in, j, "window", s.window_width, s.window_height);
}

void read_layers(const Reader& in, const Json& j, Session& s) {
    const Json& l = in.object(j, "layers", "");
    std::vector<std::string> known;
    for (const LayerSwitch& layer : map_layers()) known.push_back(layer.name);
    known.push_back("legend");
    in.unknown_keys(l, known, "layers.");
    for (const LayerSwitch& layer : map_layers()) in.boolean(l, layer.name, s.*layer.shown, "layers.");
    in.boolean(l, "legend", s.show_legend, "layers.");
}

void read_camera(const Reader& in, const Json& j, Session& s) {
    const Json* c = in.member(j, "camera");
    if (c == nullptr || c->is_null()) return;
    if (!c->is_object()) in.fail("camera", "has the wrong type (" + describe(*c) + "; expected an object)");
    in.unknown_keys(*c, {"lon", "lat", "metres_per_pixel"}, "camera.");
    const char* needs = "needs lon -180..180, lat -90..90 and metres_per_pixel > 0";
    if (!c->contains("lon") || !c->contains("lat") || !c->contains("metres_per_pixel")) {
        // The keys it has instead ("center", "zoom": another tool's camera) are what to rename.
        std::vector<std::string> other;
        for (const auto& item : c->items())
            if (item.key() != "lon" && item.key() != "lat" && item.key() != "metres_per_pixel")
                other.push_back(quote_value(item.key(), 30));
        std::vector<std::string> missing;
        for (const char* key : {"lon", "lat", "metres_per_pixel"})
            if (!c->contains(key)) missing.push_back(std::string("'") + key + "'");
        in.fail("camera", std::string(needs) + " (" + join(missing, ", ") + " missing)" +
                              (other.empty() ? "" : "; it has " + join_first(other, ", ", 4, [](std::size_t n) {
                                                        return ", and " + std::to_string(n) + " more";
                                                    }) + ", which a camera does not"));
    }
    try {
        s.centre.lon = in.number(*c, "lon", 0, -180, 180, false, "camera.");
        s.centre.lat = in.number(*c, "lat", 0, -90, 90, false, "camera.");
        s.metres_per_pixel = in.number(*c, "metres_per_pixel", 0, 1e-3, 1e8, false, "camera.");
    } catch (const AtlasError& e) {
        in.fail("camera", std::string(needs) + " (" + e.message().substr(in.origin().size() + 2) + ")");
    }
    s.has_camera = true;
}

void read_regions(const Reader& in, const Json& j, Session& s) {
    const Json& regions = in.object(j, "regions", "");
    if (regions.size() > 256) in.fail("regions", "has " + with_separators(regions.size()) + " entries (at most 256)");
    for (const auto& [id, value] : regions.items()) {
        std::string prefix = "regions." + id + ".";
        if (!value.is_object())
            in.fail("regions." + id, "has the wrong type (" + describe(value) + "; expected an object)");
        in.unknown_keys(value, {"visible", "opacity"}, prefix);
        RegionSetting r;
        in.boolean(value, "visible", r.visible, prefix);
        r.opacity = static_cast<float>(in.number(value, "opacity", -1, 0, 1, false, prefix));  // -1 inside: unset
        s.regions[id] = r;
    }
}

/// A file a session names is a file on this machine: sessions are shared, and GDAL reads
/// "/vsicurl/http://...", "/vsis3/...", a bare URL or a connection string ("WFS:http://...") from the
/// network, so opening one would make whoever opens the session contact any host. Checked after a
/// relative path is taken beside the session file.
void check_local_path(const Reader& in, const char* key, const std::string& path) {
    std::size_t colon = path.find(':');
    bool scheme = colon != std::string::npos && colon >= 2 && fs::path(path).is_relative() &&
                  std::all_of(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(colon),
                              [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
    if (path.rfind("/vsi", 0) == 0 || path.find("://") != std::string::npos || scheme)
        in.fail(key, "must name a file on this machine, not a GDAL virtual file, URL or connection string: " +
                         quote_value(path, 60));
    // A GDAL VRT is a local file that names other sources, the network and FIFOs among them: GDAL
    // follows it whatever its name says, so its first bytes decide.
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return;
    std::ifstream file(path, std::ios::binary);
    std::string head(4096, '\0');
    file.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(file.gcount()));
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (head.find("<ogrvrtdatasource") != std::string::npos || head.find("<vrtdataset") != std::string::npos)
        in.fail(key,
                "names a GDAL VRT, which reads other files or the network on whoever opens the session: "
                "give the data itself, not " +
                    quote_value(path, 60));
}

void read_data(const Reader& in, const Json& j, Session& s) {
    const Json& d = in.object(j, "data", "");
    in.unknown_keys(
        d,
        {"path", "key_column", "column", "method", "classes", "separator", "points_by", "points_datum", "points_value"},
        "data.");
    in.text(d, "path", s.data.path, "data.");
    in.text(d, "key_column", s.data.key_column, "data.");
    in.text(d, "column", s.data.column, "data.");
    in.text(d, "method", s.data.method, "data.");
    try {
        s.data.method = to_string(parse_class_method(s.data.method));
    } catch (const AtlasError&) {
        in.fail("data.method", "must be quantile, equal or natural, not " + quote_value(s.data.method, 40));
    }
    s.data.classes = static_cast<int>(in.number(d, "classes", s.data.classes, 2, 9, true, "data."));
    in.text(d, "separator", s.data.separator, "data.");
    if (!s.data.separator.empty() && s.data.separator != "," && s.data.separator != ";" && s.data.separator != "tab")
        in.fail("data.separator", "must be \",\", \";\" or \"tab\", not " + quote_value(s.data.separator, 20));
    in.text(d, "points_by", s.data.points_by, "data.");
    if (!s.data.points_by.empty() && s.data.points_by != "province" && s.data.points_by != "prefecture" &&
        s.data.points_by != "county")
        in.fail("data.points_by",
                "must be \"province\", \"prefecture\" or \"county\", not " + quote_value(s.data.points_by, 20));
    in.text(d, "points_datum", s.data.points_datum, "data.");
    try {
        s.data.points_datum = to_string(parse_datum(s.data.points_datum));
    } catch (const AtlasError&) {
        in.fail("data.points_datum", "must be wgs84, gcj02 or bd09, not " + quote_value(s.data.points_datum, 20));
    }
    in.text(d, "points_value", s.data.points_value, "data.");
    if (!s.data.points_value.empty() && s.data.points_by.empty())
        in.fail("data.points_value",
                "is a column of points: it needs 'data.points_by' (province, prefecture or county)");
    // A table's options on points: accepted and never used (the points name their own columns and
    // their separator is found in the file), so the session would not mean what it says.
    for (const auto& [key, value] : {std::pair{"key_column", &s.data.key_column}, {"separator", &s.data.separator}})
        if (!value->empty() && !s.data.points_by.empty())
            in.fail(std::string("data.") + key,
                    "is a table's (--data) option: the points ('data.points_by') have none; "
                    "remove it");
    // The value was asked for: its sum is the map, as `render --points-value` draws it.
    if (!s.data.points_value.empty() && s.data.column.empty()) s.data.column = "sum_" + s.data.points_value;
    if (s.data.path.empty()) return;
    // A session travels with its CSV: a relative path means beside the session file. Sessions are
    // shared, so the file is marked as named by the session (its content stays out of messages).
    const std::string& origin = in.origin();
    std::error_code ec;
    // A URL as written: joining it to the session's folder folds "https://" into "https:/".
    if (s.data.path.find("://") != std::string::npos) check_local_path(in, "data.path", s.data.path);
    if (fs::path(s.data.path).is_relative() && !origin.empty() && fs::exists(origin, ec))
        s.data.path = (fs::absolute(origin, ec).parent_path() / s.data.path).lexically_normal().string();
    check_local_path(in, "data.path", s.data.path);
    s.data.named_by = origin;
}

void read_windows(const Reader& in, const Json& j, Session& s) {
    const Json& w = in.object(j, "windows", "");
    in.unknown_keys(w, {"compare", "matrix", "split_view"}, "windows.");
    in.boolean(w, "compare", s.show_compare_window, "windows.");
    in.boolean(w, "matrix", s.show_matrix_window, "windows.");
    in.boolean(w, "split_view", s.split_view, "windows.");
}

/// One docked panel: {"open": bool, "width": UI points}.
void read_panel(const Reader& in, const Json& layout, const char* key, bool& open, float& width) {
    std::string prefix = std::string("layout.") + key + ".";
    const Json& p = in.object(layout, key, "layout.");
    in.unknown_keys(p, {"open", "width"}, prefix);
    in.boolean(p, "open", open, prefix);
    width = static_cast<float>(in.number(p, "width", width, 180, 2000, false, prefix));
}

/// A string key that must be one of `allowed`.
std::string one_of(const Reader& in, const Json& j, const char* key, std::string value,
                   std::initializer_list<const char*> allowed) {
    in.text(j, key, value);
    for (const char* a : allowed)
        if (value == a) return value;
    in.fail(key, "must be " + join_or({allowed.begin(), allowed.end()}) + ", not " + quote_value(value, 40));
}

void read_layout(const Reader& in, const Json& j, Session& s) {
    const Json& l = in.object(j, "layout", "");
    in.unknown_keys(l, {"sidebar", "inspector", "legend_corner", "tab"}, "layout.");
    read_panel(in, l, "sidebar", s.panels.sidebar_open, s.panels.sidebar_width);
    read_panel(in, l, "inspector", s.panels.inspector_open, s.panels.inspector_width);
    in.text(l, "legend_corner", s.legend_corner, "layout.");
    in.text(l, "tab", s.sidebar_tab, "layout.");
    auto known = [](const std::string& v, const auto& list) {
        return std::find(std::begin(list), std::end(list), v) != std::end(list);
    };
    if (s.legend_corner != "auto" && !known(s.legend_corner, kLegendCorners)) {
        std::vector<std::string> corners{"auto"};
        corners.insert(corners.end(), std::begin(kLegendCorners), std::end(kLegendCorners));
        in.fail("layout.legend_corner", "must be " + join_or(corners) + ", not " + quote_value(s.legend_corner, 40));
    }
    if (!known(s.sidebar_tab, kSidebarTabs))
        in.fail("layout.tab", "must be " + join_or({std::begin(kSidebarTabs), std::end(kSidebarTabs)}) + ", not " +
                                  quote_value(s.sidebar_tab, 40));
}

void read_furniture(const Reader& in, const Json& j, Session& s) {
    const Json& f = in.object(j, "furniture", "");
    in.unknown_keys(f,
                    {"title", "subtitle", "credit", "show_title", "show_subtitle", "show_credit", "scale_bar",
                     "north_arrow", "inset"},
                    "furniture.");
    FurnitureSettings& out = s.furniture;
    // Drawn on the figure as one line each: refused as the command line's --title is.
    for (auto [key, text] : {std::pair{"title", &out.title}, {"subtitle", &out.subtitle}, {"credit", &out.credit}}) {
        in.text(f, key, *text, "furniture.");
        if (has_controls(*text))
            in.fail(std::string("furniture.") + key,
                    "must be one line of text without control characters, not " + quote_value(*text, 40));
    }
    in.boolean(f, "show_title", out.show_title, "furniture.");
    in.boolean(f, "show_subtitle", out.show_subtitle, "furniture.");
    in.boolean(f, "show_credit", out.show_credit, "furniture.");
    in.boolean(f, "scale_bar", out.show_scale_bar, "furniture.");
    in.boolean(f, "north_arrow", out.show_north_arrow, "furniture.");
    in.text(f, "inset", out.inset, "furniture.");
    std::error_code ec;  // like the CSV, the inset's layer travels beside the session file
    if (out.inset.find("://") != std::string::npos) check_local_path(in, "furniture.inset", out.inset);  // as data.path
    if (!out.inset.empty() && fs::path(out.inset).is_relative() && !in.origin().empty() && fs::exists(in.origin(), ec))
        out.inset = (fs::absolute(in.origin(), ec).parent_path() / out.inset).lexically_normal().string();
    if (!out.inset.empty()) check_local_path(in, "furniture.inset", out.inset);
    if (!out.inset.empty()) out.inset_named_by = in.origin();
}

}  // namespace

Session parse_session(const std::string& text, const std::string& origin, std::vector<std::string>* warnings) {
    check_json_text(text, origin, "session file", kMaxDepth);
    Json j;
    std::string duplicate;
    // Duplicate keys: JSON leaves them undefined and the parser keeps the last; a session names each once.
    std::vector<std::vector<std::string>> keys;
    auto callback = [&](int, nlohmann::json::parse_event_t event, Json& parsed) {
        using E = nlohmann::json::parse_event_t;
        if (event == E::object_start)
            keys.emplace_back();
        else if (event == E::object_end && !keys.empty())
            keys.pop_back();
        else if (event == E::key && !keys.empty()) {
            const std::string& key = parsed.get_ref<const std::string&>();
            if (duplicate.empty() && std::find(keys.back().begin(), keys.back().end(), key) != keys.back().end())
                duplicate = key;
            keys.back().push_back(key);
        }
        return true;
    };
    try {
        j = Json::parse(text, callback);
    } catch (const nlohmann::json::parse_error& e) {
        throw AtlasError(ErrorKind::Input, origin + ": not a session file (" + json_error_words(text, e.byte) + ")");
    } catch (const nlohmann::json::exception&) {  // a number beyond double's range (1e999)
        // The key being read when the parser stopped: the last key of each object still open.
        std::string key;
        for (const std::vector<std::string>& level : keys)
            if (!level.empty()) key += (key.empty() ? "" : ".") + level.back();
        throw AtlasError(ErrorKind::Input, origin + ": not a session file (a number out of range" +
                                               (key.empty() ? std::string() : " in " + quote_value(key, 60)) + ")");
    }
    if (!duplicate.empty())
        throw AtlasError(ErrorKind::Input,
                         origin + ": key " + quote_value(duplicate, 60) + " appears twice in one object");
    if (!j.is_object() || !j.contains("clusteratlas_session"))
        throw AtlasError(ErrorKind::Input, origin + ": not a session file (no 'clusteratlas_session' key)");
    const Json& version = j["clusteratlas_session"];
    if (!version.is_number_integer() || version.get<long long>() != 1)
        throw AtlasError(ErrorKind::Input, origin + ": session format " + quote_value(version.dump(), 40) +
                                               " is not one this ClusterAtlas reads (1)");
    Reader in(origin, warnings);
    in.unknown_keys(j, {"clusteratlas_session", "size", "window", "projection", "language", "camera", "layers",
                        "regions", "selected_region", "selected_prefecture", "industries", "compare", "choropleth",
                        "data", "figure", "matrix_sort", "windows", "layout", "furniture"});
    Session s;
    read_size(in, j, s);
    in.text(j, "projection", s.projection);
    s.english = one_of(in, j, "language", "en", {"en", "zh"}) == "en";
    read_camera(in, j, s);
    read_layers(in, j, s);
    read_regions(in, j, s);
    in.text(j, "selected_region", s.selected_region);
    in.text(j, "selected_prefecture", s.selected_prefecture);
    in.strings(j, "industries", s.industries);
    in.strings(j, "compare", s.compare);
    std::string choropleth = "none";
    in.text(j, "choropleth", choropleth);
    try {
        s.choropleth = parse_choropleth_kind(choropleth);
    } catch (const AtlasError&) {
        in.fail("choropleth", "names an unknown choropleth " + quote_value(choropleth, 40) +
                                  " (use none, province-coverage or data)");
    }
    read_data(in, j, s);
    s.figure = one_of(in, j, "figure", "map", {"map", "matrix"}) == "matrix" ? FigureKind::Matrix : FigureKind::Map;
    s.matrix_sort = one_of(in, j, "matrix_sort", s.matrix_sort, {"plan", "name", "industries"});
    read_windows(in, j, s);
    read_layout(in, j, s);
    read_furniture(in, j, s);
    return s;
}

Session read_session(const std::string& path, std::vector<std::string>* warnings) {
    return parse_session(read_input_file(path, "session file", kMaxSessionBytes), path, warnings);
}

namespace {

/// A file in the session file's folder or below it, relative to that folder ("data/prov.csv"), as
/// QGIS keeps a project's layers: a session moved or shared with its data opens where it lands (it
/// named "/tmp/work/prov.csv" and failed beside its CSV elsewhere: helper-52). Anything else as given.
std::string relative_to_session(const std::string& file, const std::string& session_path) {
    if (file.empty() || file.find("://") != std::string::npos || !fs::path(file).is_absolute()) return file;
    std::error_code ec;
    fs::path folder = fs::absolute(session_path, ec).parent_path().lexically_normal();
    if (ec) return file;
    fs::path relative = fs::path(file).lexically_normal().lexically_relative(folder);
    if (relative.empty() || *relative.begin() == "..") return file;
    return relative.string();
}

}  // namespace

void write_session(const std::string& path, const Session& session, bool force) {
    forget_input_file(path, "session file");  // saving a session over itself updates it
    Session kept = session;
    kept.data.path = relative_to_session(session.data.path, path);
    kept.furniture.inset = relative_to_session(session.furniture.inset, path);
    write_atomically(path, force, "session",
                     [&](const std::string& temp) { write_new_file(temp, session_json(kept), path); });
}

}  // namespace atlas
