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

bool ascii(const std::string& v) {
    return std::all_of(v.begin(), v.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

/// How many Chinese names (the first value of each feature) carry CJK text when decoded with
/// `encoding`; nothing when a value does not decode at all.
std::optional<std::size_t> cjk_count(const std::vector<FeatureText>& features, const std::string& encoding) {
    std::size_t count = 0;
    for (const FeatureText& f : features)
        for (std::size_t i = 0; i < f.values.size(); ++i) {
            std::optional<std::string> text = to_utf8(f.values[i], encoding);
            if (!text) return std::nullopt;
            count += i == 0 && has_cjk(*text);
        }
    return count;
}

/// The first feature with a value that is not UTF-8, or null.
const FeatureText* first_not_utf8(const std::vector<FeatureText>& features, const std::string** value) {
    for (const FeatureText& f : features)
        for (const std::string& v : f.values)
            if (!valid_utf8(v)) {
                *value = &v;
                return &f;
            }
    return nullptr;
}

std::string all_bytes(const std::vector<FeatureText>& features) {
    std::string out;
    for (const FeatureText& f : features)
        for (const std::string& v : f.values) out += v + '\n';
    return out;
}

}  // namespace

LayerTextEncoding decide_layer_encoding(const std::vector<FeatureText>& features, const std::string& declared,
                                        const std::string& declared_how, const std::string& where) {
    std::string said = is_utf8_name(declared) ? "" : quote_value(declared, 40) + " (" + declared_how + ")";
    const std::string* bad_value = nullptr;
    const FeatureText* bad = first_not_utf8(features, &bad_value);
    if (bad == nullptr) {
        bool all_ascii = std::all_of(features.begin(), features.end(), [](const FeatureText& f) {
            return std::all_of(f.values.begin(), f.values.end(), ascii);
        });
        if (said.empty() || all_ascii) return {};
        return {"", where + ": declares " + said + ", but its text is valid UTF-8; read as UTF-8"};
    }
    // Other features with Chinese names in UTF-8: the layer mixes encodings (one name pasted from
    // GBK). Decoding the whole layer in one legacy encoding would garble those, so it is refused
    // below. Valid UTF-8 alone is no witness: some GBK names are valid UTF-8 by chance (太原 is
    // CC AB D4 AD, read as UTF-8 a combining mark and a Cyrillic letter), so a GBK .dbf whose
    // .cpg says GBK was refused as mixed.
    bool others_utf8 = std::any_of(features.begin(), features.end(), [](const FeatureText& f) {
        return std::all_of(f.values.begin(), f.values.end(), valid_utf8) &&
               std::any_of(f.values.begin(), f.values.end(), [](const std::string& v) { return has_cjk(v); });
    });
    std::optional<std::size_t> as_declared;
    if (!said.empty()) as_declared = cjk_count(features, declared);
    // GB18030 decodes nearly any bytes: it counts only when the text is plausibly Chinese.
    std::optional<std::size_t> as_gb;
    if (plausible_gbk(all_bytes(features))) as_gb = cjk_count(features, "GB18030");
    // The declaration stands unless GB18030 reads more of the Chinese names as Chinese: a .dbf
    // written on Chinese Windows often carries a Western language driver id or no .cpg at all.
    // Big5 (Taiwan, Hong Kong) behind a Western declaration reads as Latin letters with accents:
    // plausible text, silently wrong. Refused with the remedy rather than guessed.
    if (as_declared.value_or(1) == 0 && !as_gb) {
        std::optional<std::size_t> as_big5 = cjk_count(features, "BIG5");
        std::size_t non_ascii =
            static_cast<std::size_t>(std::count_if(features.begin(), features.end(), [](const FeatureText& f) {
                return !f.values.empty() && !ascii(f.values[0]);
            }));
        if (as_big5 && *as_big5 > 0 && *as_big5 == non_ascii)
            fail_input(where + ": declares " + said +
                       ", but its names have no Chinese in it and read as Chinese in Big5 (" +
                       std::to_string(*as_big5) + " of " + std::to_string(features.size()) +
                       "); refused rather than guessed: a .cpg file holding 'BIG5' (or 950) beside a Shapefile says "
                       "which it is");
    }
    if (!others_utf8 && as_declared && (!as_gb || as_gb.value_or(0) <= as_declared.value_or(0))) return {declared, ""};
    if (!others_utf8 && as_gb && *as_gb > 0) {
        std::string why = said.empty() ? "is not UTF-8, and" : "declares " + said + ", but";
        return {"GB18030", where + ": " + why + " its names read as Chinese in GB18030 (GBK) (" +
                               std::to_string(*as_gb) + " of " + std::to_string(features.size()) +
                               "); decoded as GB18030 (a .cpg file holding 'GBK' beside a Shapefile says so)"};
    }
    if (!others_utf8 && as_declared) return {declared, ""};
    // In a mixed layer the one value may still read as Chinese in GBK: say so, it is the clue.
    std::optional<std::string> as_gbk = to_utf8(*bad_value, "GB18030");
    std::string reads = others_utf8 && as_gbk && has_cjk(*as_gbk) && plausible_gbk(*bad_value)
                            ? " (it reads as " + quote_value(*as_gbk, 40) + " in GBK)"
                            : "";
    // "nor 'GBK' (its .cpg)" only when the value does not read in the declared encoding either.
    std::optional<std::string> as_said = said.empty() ? std::nullopt : to_utf8(*bad_value, declared);
    bool reads_as_said = as_said && has_cjk(*as_said);
    fail_input(where + ": " + bad->label + ": text " + quote_value(*bad_value, 40) + " is not UTF-8" +
               (others_utf8 ? " like the rest of the layer (the layer mixes encodings)" + reads : "") +
               (said.empty() || reads_as_said ? "" : ", nor " + said) +
               (reads.empty() ? ", nor plausibly GB18030" : "") +
               "; re-encode the source as UTF-8 (ogr2ogr -lco ENCODING=UTF-8)");
}

std::string decode_layer_text(const std::string& raw, const LayerTextEncoding& decision) {
    if (decision.encoding.empty()) return raw;
    std::optional<std::string> text = to_utf8(raw, decision.encoding);
    return text ? *text : raw;
}

}  // namespace atlas
