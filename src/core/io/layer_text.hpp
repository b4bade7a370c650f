#pragma once
/// The text encoding of a vector layer's attributes, decided once from the raw bytes of all its
/// values (text/encoding.hpp gives the rule), against what the layer declares (a Shapefile's .cpg or
/// its .dbf language driver id; nothing for formats that are UTF-8 by definition).

#include <string>
#include <vector>

namespace atlas {

struct LayerTextEncoding {
    std::string encoding;  ///< iconv name to decode with; empty: the bytes are UTF-8 already
    std::string note;      ///< one line when the decision differs from the declaration; else empty
};

/// The raw text of one feature: values[0] its Chinese name (which should hold CJK text), then every
/// other text value read; `label` names it in messages ("feature 3 (code '110000')").
struct FeatureText {
    std::string label;
    std::vector<std::string> values;
};

/// Decides from every feature's text. `declared` is the layer's declared encoding (GDAL's name, e.g.
/// "ISO-8859-1", "CP936"; empty when none or UTF-8), `declared_how` says where it came from (".cpg",
/// "the .dbf's language driver id"), `where` names the layer in messages. GB18030 is a candidate only
/// when the bytes are plausibly Chinese (text/encoding.hpp).
/// Throws AtlasError(Input) naming `where`, the first feature whose text no candidate decodes and the
/// value, and saying when the layer mixes encodings.
LayerTextEncoding decide_layer_encoding(const std::vector<FeatureText>& features, const std::string& declared,
                                        const std::string& declared_how, const std::string& where);

/// A raw value decoded with the decision (valid UTF-8 guaranteed by decide_layer_encoding).
std::string decode_layer_text(const std::string& raw, const LayerTextEncoding& decision);

}  // namespace atlas
