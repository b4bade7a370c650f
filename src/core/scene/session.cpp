#include "scene/session.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "error.hpp"
#include "io/atomic_file.hpp"

namespace atlas {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

const char* to_string(ChoroplethKind kind) {
    switch (kind) {
        case ChoroplethKind::ProvinceCoverage: return "province-coverage";
        case ChoroplethKind::UserData: return "data";
        case ChoroplethKind::None: break;
    }
    return "none";
}

ChoroplethKind parse_choropleth_kind(const std::string& name) {
    if (name == "none" || name.empty()) return ChoroplethKind::None;
    if (name == "province-coverage" || name == "coverage") return ChoroplethKind::ProvinceCoverage;
    if (name == "data") return ChoroplethKind::UserData;
    throw AtlasError(ErrorKind::Usage, "unknown choropleth '" + name + "' (use none, province-coverage or data)");
}

std::string session_json(const Session& s) {
    Json j;
    j["clusteratlas_session"] = 1;
    j["size"] = {s.width, s.height};
    j["projection"] = s.projection;
    j["language"] = s.english ? "en" : "zh";
    if (s.has_camera)
        j["camera"] = {{"lon", s.centre.lon}, {"lat", s.centre.lat}, {"metres_per_pixel", s.metres_per_pixel}};
    j["layers"] = {{"provinces", s.show_provinces}, {"prefectures", s.show_prefectures}, {"regions", s.show_regions},
                   {"hubs", s.show_hubs},         {"labels", s.show_labels},           {"legend", s.show_legend}};
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
    j["data"] = {{"path", s.data.path},       {"key_column", s.data.key_column}, {"column", s.data.column},
                 {"method", s.data.method},   {"classes", s.data.classes}};
    j["figure"] = s.figure == FigureKind::Matrix ? "matrix" : "map";
    j["matrix_sort"] = s.matrix_sort;
    j["windows"] = {{"compare", s.show_compare_window}, {"matrix", s.show_matrix_window}, {"split_view", s.split_view}};
    return j.dump(2) + "\n";
}

namespace {

/// Reads `key` of `object` into `value` when present; a wrong type names the origin and the key.
template <typename T>
void take(const Json& object, const char* key, T& value, const std::string& origin, const std::string& where = "") {
    if (!object.is_object() || !object.contains(key)) return;
    try {
        value = object.at(key).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw AtlasError(ErrorKind::Input, origin + ": '" + where + key + "' has the wrong type (" +
                                               object.at(key).dump() + ")");
    }
}

void read_layers(const Json& j, Session& s, const std::string& origin) {
    const Json& l = j.contains("layers") ? j["layers"] : Json::object();
    take(l, "provinces", s.show_provinces, origin, "layers.");
    take(l, "prefectures", s.show_prefectures, origin, "layers.");
    take(l, "regions", s.show_regions, origin, "layers.");
    take(l, "hubs", s.show_hubs, origin, "layers.");
    take(l, "labels", s.show_labels, origin, "layers.");
    take(l, "legend", s.show_legend, origin, "layers.");
}

void read_camera(const Json& j, Session& s, const std::string& origin) {
    if (!j.contains("camera") || j["camera"].is_null()) return;
    const Json& c = j["camera"];
    take(c, "lon", s.centre.lon, origin, "camera.");
    take(c, "lat", s.centre.lat, origin, "camera.");
    take(c, "metres_per_pixel", s.metres_per_pixel, origin, "camera.");
    if (!(s.metres_per_pixel > 0) || s.centre.lat < -90 || s.centre.lat > 90 || s.centre.lon < -180 || s.centre.lon > 180)
        throw AtlasError(ErrorKind::Input, origin + ": 'camera' needs lon -180..180, lat -90..90 and metres_per_pixel > 0");
    s.has_camera = true;
}

void read_regions(const Json& j, Session& s, const std::string& origin) {
    if (!j.contains("regions")) return;
    if (!j["regions"].is_object()) throw AtlasError(ErrorKind::Input, origin + ": 'regions' must be an object keyed by region id");
    for (const auto& [id, value] : j["regions"].items()) {
        RegionSetting r;
        take(value, "visible", r.visible, origin, "regions." + id + ".");
        take(value, "opacity", r.opacity, origin, "regions." + id + ".");
        s.regions[id] = r;
    }
}

void read_data(const Json& j, Session& s, const std::string& origin) {
    const Json& d = j.contains("data") ? j["data"] : Json::object();
    take(d, "path", s.data.path, origin, "data.");
    take(d, "key_column", s.data.key_column, origin, "data.");
    take(d, "column", s.data.column, origin, "data.");
    take(d, "method", s.data.method, origin, "data.");
    take(d, "classes", s.data.classes, origin, "data.");
    // A session travels with its CSV: a relative path means beside the session file.
    if (!s.data.path.empty() && fs::path(s.data.path).is_relative() && !origin.empty() && fs::exists(origin))
        s.data.path = (fs::absolute(origin).parent_path() / s.data.path).lexically_normal().string();
}

}  // namespace

Session parse_session(const std::string& text, const std::string& origin) {
    Json j;
    try {
        j = Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw AtlasError(ErrorKind::Input, origin + ": not a session file (JSON error at byte " +
                                               std::to_string(e.byte) + ")");
    }
    if (!j.is_object() || !j.contains("clusteratlas_session"))
        throw AtlasError(ErrorKind::Input, origin + ": not a session file (no 'clusteratlas_session' key)");
    Session s;
    std::vector<int> size{s.width, s.height};
    take(j, "size", size, origin);
    if (size.size() != 2 || size[0] < 16 || size[1] < 16 || size[0] > 8192 || size[1] > 8192)
        throw AtlasError(ErrorKind::Input, origin + ": 'size' must be [width, height], 16 to 8192 pixels");
    s.width = size[0], s.height = size[1];
    take(j, "projection", s.projection, origin);
    std::string language = "en", choropleth = "none", figure = "map";
    take(j, "language", language, origin);
    if (language != "en" && language != "zh") throw AtlasError(ErrorKind::Input, origin + ": 'language' must be en or zh");
    s.english = language == "en";
    read_camera(j, s, origin);
    read_layers(j, s, origin);
    read_regions(j, s, origin);
    take(j, "selected_region", s.selected_region, origin);
    take(j, "selected_prefecture", s.selected_prefecture, origin);
    take(j, "industries", s.industries, origin);
    take(j, "compare", s.compare, origin);
    take(j, "choropleth", choropleth, origin);
    try {
        s.choropleth = parse_choropleth_kind(choropleth);
    } catch (const AtlasError& e) {
        throw AtlasError(ErrorKind::Input, origin + ": " + e.what());
    }
    read_data(j, s, origin);
    take(j, "figure", figure, origin);
    if (figure != "map" && figure != "matrix") throw AtlasError(ErrorKind::Input, origin + ": 'figure' must be map or matrix");
    s.figure = figure == "matrix" ? FigureKind::Matrix : FigureKind::Map;
    take(j, "matrix_sort", s.matrix_sort, origin);
    const Json& w = j.contains("windows") ? j["windows"] : Json::object();
    take(w, "compare", s.show_compare_window, origin, "windows.");
    take(w, "matrix", s.show_matrix_window, origin, "windows.");
    take(w, "split_view", s.split_view, origin, "windows.");
    return s;
}

Session read_session(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw AtlasError(ErrorKind::Input, path + ": cannot read the session (" + std::strerror(errno) + ")");
    std::stringstream text;
    text << in.rdbuf();
    return parse_session(text.str(), path);
}

void write_session(const std::string& path, const Session& session, bool force) {
    write_atomically(path, force, "session", [&](const std::string& temp) {
        std::ofstream out(temp, std::ios::binary);
        out << session_json(session);
        return static_cast<bool>(out.flush());
    });
}

}  // namespace atlas
