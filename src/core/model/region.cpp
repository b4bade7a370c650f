#include "model/region.hpp"

#include <algorithm>

namespace atlas {

namespace {

bool province_prefix(int pp) {
    return (pp >= 11 && pp <= 15) || (pp >= 21 && pp <= 23) || (pp >= 31 && pp <= 37) || (pp >= 41 && pp <= 46) ||
           (pp >= 50 && pp <= 54) || (pp >= 61 && pp <= 65) || pp == 71 || pp == 81 || pp == 82;
}

}  // namespace

const char* to_string(UnitLevel level) {
    switch (level) {
        case UnitLevel::Province:
            return "province";
        case UnitLevel::Prefecture:
            return "prefecture-level unit";
        case UnitLevel::County:
            return "county-level unit";
    }
    return "unit";
}

std::string unit_code_problem(const std::string& code, UnitLevel level) {
    if (code.empty()) return "no code";
    if (code.size() != 6 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return "not a 6-digit GB/T 2260 code";
    if (!province_prefix(std::stoi(code.substr(0, 2)))) return "no province has the code prefix " + code.substr(0, 2);
    if (level == UnitLevel::Province && code.substr(2) != "0000") return "a province code ends in 0000";
    if (level == UnitLevel::County && code.substr(2) == "0000") return "a province's code, not a county-level unit's";
    if (level == UnitLevel::Prefecture && code.substr(4) != "00" && code.substr(2, 2) != "90")
        return "a prefecture-level code ends in 00 (or is PP90xx)";
    // In a prefecture layer, a PP0000 code is a province-level unit that is its own prefecture: the
    // four municipalities, Hong Kong, Macau and Taiwan; any other is a province, counted twice.
    static const char* const own_prefecture[] = {"11", "12", "31", "50", "71", "81", "82"};
    if (level == UnitLevel::Prefecture && code.substr(2) == "0000" &&
        std::find(std::begin(own_prefecture), std::end(own_prefecture), code.substr(0, 2)) == std::end(own_prefecture))
        return "a province's code, not a prefecture-level unit's";
    return "";
}

const Region* RegionLayer::find(const std::string& code) const {
    for (const Region& r : regions)
        if (r.code == code) return &r;
    return nullptr;
}

}  // namespace atlas
