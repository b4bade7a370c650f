#include "io/layer_text.hpp"

#include <algorithm>
#include <optional>

#include "error.hpp"
#include "text/encoding.hpp"
#include "text/escape.hpp"
#include "text/utf8.hpp"

namespace atlas {

namespace {

bool is_utf8_name(std::string encoding) {
    std::transform(encoding.begin(), encoding.end(), encoding.begin(), [](unsigned char c) { return std::toupper(c); });
    return encoding.empty() || encoding == "UTF-8" || encoding == "UTF8";
}

bool ascii_only(const std::vector<std::string>& values) {
    return std::all_of(values.begin(), values.end(), [](const std::string& v) {
        return std::all_of(v.begin(), v.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    });
}

/// How many Chinese names carry CJK text when decoded with `encoding`; nothing when a value does not
/// decode at all.
std::optional<std::size_t> cjk_count(const std::vector<std::string>& chinese, const std::vector<std::string>& other,
                                     const std::string& encoding) {
    std::size_t count = 0;
    for (const std::string& v : chinese) {
        std::optional<std::string> text = to_utf8(v, encoding);
        if (!text) return std::nullopt;
        count += has_cjk(*text);
    }
    for (const std::string& v : other)
        if (!to_utf8(v, encoding)) return std::nullopt;
    return count;
}

/// The first value that is not UTF-8, for the refusal.
std::string first_invalid(const std::vector<std::string>& chinese, const std::vector<std::string>& other) {
    for (const auto* values : {&chinese, &other})
        for (const std::string& v : *values)
            if (!valid_utf8(v)) return v;
    return "";
}

}  // namespace

LayerTextEncoding decide_layer_encoding(const std::vector<std::string>& chinese_names,
                                        const std::vector<std::string>& other_text, const std::string& declared,
                                        const std::string& declared_how, const std::string& where) {
    std::string said = is_utf8_name(declared) ? "" : declared + " (" + declared_how + ")";
    bool all_utf8 = first_invalid(chinese_names, other_text).empty();
    if (all_utf8) {
        if (said.empty() || (ascii_only(chinese_names) && ascii_only(other_text))) return {};
        return {"", where + ": declares " + said + ", but its text is valid UTF-8; read as UTF-8"};
    }
    std::optional<std::size_t> as_declared = said.empty() ? std::nullopt : cjk_count(chinese_names, other_text, declared);
    std::optional<std::size_t> as_gb = cjk_count(chinese_names, other_text, "GB18030");
    std::size_t names = chinese_names.size();
    // The declaration stands unless GB18030 reads more of the Chinese names as Chinese: a .dbf
    // written on Chinese Windows often carries a Western language driver id or no .cpg at all.
    if (as_declared && (!as_gb || *as_gb <= *as_declared)) return {declared, ""};
    if (as_gb && *as_gb > 0) {
        std::string why = said.empty() ? "is not UTF-8" : "declares " + said + ", but";
        return {"GB18030", where + ": " + why + " its names read as Chinese in GB18030 (GBK) (" +
                               std::to_string(*as_gb) + " of " + std::to_string(names) +
                               "); decoded as GB18030 (a .cpg file holding 'GBK' beside a Shapefile says so)"};
    }
    if (as_declared) return {declared, ""};
    fail_input(where + ": text is neither UTF-8" + (said.empty() ? "" : ", " + said) + " nor GB18030, e.g. " +
               quoted(first_invalid(chinese_names, other_text), 40) + "; re-encode the source as UTF-8 (ogr2ogr -lco ENCODING=UTF-8)");
}

std::string decode_layer_text(const std::string& raw, const LayerTextEncoding& decision) {
    if (decision.encoding.empty()) return raw;
    std::optional<std::string> text = to_utf8(raw, decision.encoding);
    return text ? *text : raw;
}

}  // namespace atlas
