#include "io/geojson_writer.hpp"

#include <charconv>
#include <cmath>

namespace atlas {

namespace {

/// Fixed notation with `precision` decimals, trailing zeros (and a trailing dot) removed.
void put_fixed(std::ostream& out, double value, int precision) {
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, precision);
    char* end = result.ptr;
    if (precision > 0) {
        while (end > buffer && end[-1] == '0') --end;
        if (end > buffer && end[-1] == '.') --end;
    }
    if (end - buffer == 2 && buffer[0] == '-' && buffer[1] == '0') {  // -0 after rounding
        out << '0';
        return;
    }
    out.write(buffer, end - buffer);
}

/// Shortest representation that reads back exactly (attribute values).
void put_number(std::ostream& out, double value) {
    if (!std::isfinite(value)) {
        out << "null";
        return;
    }
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.write(buffer, result.ptr - buffer);
}

void put_value(std::ostream& out, const FieldValue& value) {
    if (std::holds_alternative<std::string>(value)) {
        out << json_string(std::get<std::string>(value));
    } else if (std::holds_alternative<double>(value)) {
        put_number(out, std::get<double>(value));
    } else if (std::holds_alternative<std::int64_t>(value)) {
        out << std::get<std::int64_t>(value);
    } else if (std::holds_alternative<std::vector<std::string>>(value)) {
        out << '[';
        const auto& items = std::get<std::vector<std::string>>(value);
        for (std::size_t i = 0; i < items.size(); ++i) out << (i ? "," : "") << json_string(items[i]);
        out << ']';
    } else {
        out << "null";
    }
}

void put_point(std::ostream& out, const LonLat& p, int precision) {
    out << '[';
    put_fixed(out, p.lon, precision);
    out << ',';
    put_fixed(out, p.lat, precision);
    out << ']';
}

void put_ring(std::ostream& out, const Ring& ring, int precision) {
    out << '[';
    for (std::size_t i = 0; i < ring.size(); ++i) {
        if (i) out << ',';
        put_point(out, ring[i], precision);
    }
    out << ']';
}

void put_geometry(std::ostream& out, const OutLayer& layer, const OutFeature& f, int precision) {
    if (layer.points) {
        out << "{\"type\":\"Point\",\"coordinates\":";
        put_point(out, f.point, precision);
        out << '}';
        return;
    }
    out << "{\"type\":\"MultiPolygon\",\"coordinates\":[";
    for (std::size_t p = 0; p < f.polygons.size(); ++p) {
        out << (p ? ",[" : "[");
        put_ring(out, f.polygons[p].outer, precision);
        for (const Ring& hole : f.polygons[p].holes) {
            out << ',';
            put_ring(out, hole, precision);
        }
        out << ']';
    }
    out << "]}";
}

Bounds feature_bounds(const OutLayer& layer, const OutFeature& f) {
    if (!layer.points) return bounds_of(f.polygons);
    Bounds b;
    b.extend(f.point);
    return b;
}

void put_bbox(std::ostream& out, const Bounds& b, int precision) {
    out << "\"bbox\":[";
    put_fixed(out, b.min_lon, precision);
    out << ',';
    put_fixed(out, b.min_lat, precision);
    out << ',';
    put_fixed(out, b.max_lon, precision);
    out << ',';
    put_fixed(out, b.max_lat, precision);
    out << ']';
}

int field_index(const OutLayer& layer, const std::string& name) {
    for (std::size_t i = 0; i < layer.fields.size(); ++i)
        if (layer.fields[i].name == name) return static_cast<int>(i);
    return -1;
}

void put_feature(std::ostream& out, const OutLayer& layer, const OutFeature& f, int id_index, int precision) {
    out << "{\"type\":\"Feature\",";
    if (id_index >= 0) {
        out << "\"id\":";
        put_value(out, f.values[static_cast<std::size_t>(id_index)]);
        out << ',';
    }
    put_bbox(out, feature_bounds(layer, f), precision);
    out << ",\"properties\":{";
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        out << (i ? "," : "") << json_string(layer.fields[i].name) << ':';
        put_value(out, f.values[i]);
    }
    out << "},\"geometry\":";
    put_geometry(out, layer, f, precision);
    out << '}';
}

}  // namespace

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                    out += buffer;
                } else {
                    out += ch;
                }
        }
    }
    return out + "\"";
}

bool write_geojson(std::ostream& out, const OutLayer& layer, const GeoJsonOptions& options) {
    int id_index = options.id_field.empty() ? -1 : field_index(layer, options.id_field);
    auto keep_going = [&](std::size_t written) { return !options.after_feature || options.after_feature(written); };
    if (options.sequence) {
        for (std::size_t i = 0; i < layer.features.size(); ++i) {
            put_feature(out, layer, layer.features[i], id_index, options.precision);
            out << '\n';
            if (!keep_going(i + 1)) return false;
        }
        return true;
    }
    Bounds all;
    for (const OutFeature& f : layer.features) all.extend(feature_bounds(layer, f));
    // No "name" member: GDAL would read it as the layer's name, where users (and their SQL) know the
    // layer by the file's name.
    out << "{\"type\":\"FeatureCollection\",";
    // The layer's sources (a GeoPackage keeps them as layer metadata) as a foreign member (RFC 7946
    // section 6.1): a GeoJSON export of the provinces said nothing of where they came from.
    if (!layer.metadata.empty()) {
        out << "\"metadata\":{";
        for (std::size_t i = 0; i < layer.metadata.size(); ++i)
            out << (i ? "," : "") << json_string(layer.metadata[i].first) << ':'
                << json_string(layer.metadata[i].second);
        out << "},";
    }
    if (!all.empty()) {
        put_bbox(out, all, options.precision);
        out << ',';
    }
    out << "\"features\":[\n";
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        put_feature(out, layer, layer.features[i], id_index, options.precision);
        out << (i + 1 < layer.features.size() ? ",\n" : "\n");
        if (!keep_going(i + 1)) return false;
    }
    out << "]}\n";
    return true;
}

}  // namespace atlas
