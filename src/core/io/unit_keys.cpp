#include "io/unit_keys.hpp"

#include <algorithm>
#include <cctype>

#include "analysis/search.hpp"
#include "text/join.hpp"
#include "text/utf8.hpp"

namespace atlas {

namespace {

// Headers of key columns, as written in English tables and in Chinese statistical yearbooks.
const char* const kCodeHeaders[] = {"code",    "adcode", "region_code",  "province_code", "prefecture_code",
                                    "gb_code", "代码",   "行政区划代码", "区划代码",      "地区代码",
                                    "编码"};
const char* const kNameHeaders[] = {"name", "province", "city",   "prefecture", "region", "地区", "省份",
                                    "省",   "城市",     "地级市", "名称",       "地名",   "省市"};

template <std::size_t N>
std::size_t first_header_in(const std::vector<std::string>& headers, const char* const (&names)[N]) {
    for (std::size_t i = 0; i < headers.size(); ++i)
        for (const char* name : names)
            if (ascii_lower(headers[i]) == name) return i;
    return std::string::npos;
}

void add(std::map<std::string, std::vector<const Region*>>& index, const Region& r) {
    // "Suzhou (Jiangsu)" is what the data calls it to tell it apart; "Suzhou" is what users write.
    const std::string plain_en = r.name_en.substr(0, r.name_en.find(" ("));
    for (const std::string* name : {&r.name_zh, &r.name_en, &plain_en}) {
        std::string key = normalize_name(*name);
        if (key.empty()) continue;
        auto& units = index[key];
        if (std::find(units.begin(), units.end(), &r) == units.end()) units.push_back(&r);
    }
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<const Region*> lookup(const std::map<std::string, std::vector<const Region*>>& index,
                                  const std::string& name) {
    auto it = index.find(normalize_name(name));
    if (it != index.end()) return it->second;
    // 延边州, 湘西州: the short form with 州 kept.
    if (ends_with(name, "州") && name.size() > 6) return lookup(index, name.substr(0, name.size() - 3));
    return {};
}

bool municipality(const Region* r) {
    return r->code == "110000" || r->code == "120000" || r->code == "310000" || r->code == "500000";
}

}  // namespace

KeyColumnChoice choose_key_column(const std::vector<std::string>& headers, const std::string& wanted) {
    if (!wanted.empty()) {
        for (std::size_t i = 0; i < headers.size(); ++i)
            if (headers[i] == wanted) return {i, "--data-key"};
        for (std::size_t i = 0; i < headers.size(); ++i)
            if (ascii_lower(headers[i]) == ascii_lower(wanted)) return {i, "--data-key"};
        return {std::string::npos, "--data-key"};
    }
    std::size_t code = first_header_in(headers, kCodeHeaders);
    if (code != std::string::npos) return {code, "its header"};
    std::size_t name = first_header_in(headers, kNameHeaders);
    if (name != std::string::npos) return {name, "its header"};
    return {0, "the first column"};
}

bool looks_like_code(const std::string& key) {
    return key.size() == 6 && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
}

UnitNameIndex::UnitNameIndex(const RegionLayer& provinces, const RegionLayer& prefectures) {
    for (const Region& r : provinces.regions) add(provinces_, r);
    for (const Region& r : prefectures.regions) add(prefectures_, r);
}

std::vector<const Region*> UnitNameIndex::provinces(const std::string& name) const {
    LevelHint hint = level_hint(name);
    if (hint == LevelHint::Prefecture) return {};  // a County hint is left to the lookup: no such key matches
    std::vector<const Region*> out = lookup(provinces_, name);
    if (hint == LevelHint::CityOrMunicipality)
        out.erase(std::remove_if(out.begin(), out.end(), [](const Region* r) { return !municipality(r); }), out.end());
    return out;
}

std::vector<const Region*> UnitNameIndex::prefectures(const std::string& name) const {
    return level_hint(name) == LevelHint::Province ? std::vector<const Region*>{} : lookup(prefectures_, name);
}

std::string describe_units(const std::vector<const Region*>& units) {
    return join_mapped(
        units, [](const Region* r) { return r->code + " " + r->name_zh; }, ", ");
}

}  // namespace atlas
