#pragma once
/// The key column of a user's table and what its keys name: GB/T 2260 codes or unit names, matched
/// to the province and prefecture layers (io/user_data.hpp uses it; the viewer's CSV chooser too).

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "model/region.hpp"

namespace atlas {

/// The column picked as key and why, for messages.
struct KeyColumnChoice {
    std::size_t index = 0;
    /// How it was picked: "--data-key", "its header", or "the first column".
    std::string how;
};

/// Picks the key column among `headers` (see read_user_table). Nothing is thrown: an unknown
/// `wanted` gives index npos.
KeyColumnChoice choose_key_column(const std::vector<std::string>& headers, const std::string& wanted);

/// True when the key is a 6-digit code ("110000").
bool looks_like_code(const std::string& key);

/// The units a name can mean: provinces and prefectures whose Chinese or English name, normalised
/// (case, spaces, administrative suffixes such as 省/市/自治区/Province/City, the peoples of
/// autonomous areas, spelling variants such as Macao/Macau), equals the key's. A suffix that says the
/// level keeps the other level out: 吉林市 is the city, not the province; 吉林省 the province.
class UnitNameIndex {
  public:
    UnitNameIndex(const RegionLayer& provinces, const RegionLayer& prefectures);
    std::vector<const Region*> provinces(const std::string& name) const;
    std::vector<const Region*> prefectures(const std::string& name) const;

  private:
    std::map<std::string, std::vector<const Region*>> provinces_, prefectures_;
};

/// "320500 苏州, 341300 宿州" for a message.
std::string describe_units(const std::vector<const Region*>& units);

}  // namespace atlas
