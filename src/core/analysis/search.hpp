#pragma once
/// Name search over provinces, prefectures, counties, regions and industries, in Chinese, English and pinyin,
/// tolerant of case, spaces, hyphens, apostrophes, administrative suffixes and small typos.

#include <string>
#include <vector>

#include "model/place.hpp"
#include "model/plan.hpp"
#include "model/region.hpp"

namespace atlas {

enum class EntityKind { Province, Prefecture, Region, Industry, County, Place };

const char* to_string(EntityKind kind);

struct SearchHit {
    EntityKind kind;
    std::string id;  ///< code for provinces, prefectures and counties, id for regions, industries and places
    std::string name_en, name_zh;
    int score = 0;  ///< 100 exact, 95 alias, 80 prefix, 70 all words, 60 substring, 40-50 typo
    /// The Chinese name of the unit holding it (a county's prefecture, a prefecture's province), which
    /// tells apart units of one name (three 新华区); empty for others or where not indexed.
    std::string parent_zh;
};

/// Lower case, without spaces, hyphens, apostrophes, punctuation and Chinese administrative suffixes.
std::string normalize_name(const std::string& name);

/// What a name's own suffix says of its level: 吉林省 / "Jilin Province" a province, 吉林市 / "Jilin
/// City" a city (prefecture-level, county-level or one of the four municipalities), 延边自治州 / 阿里地区 /
/// 阿拉善盟 a prefecture-level unit, 郫都区 / 平陆县 / 阿荣旗 / "Pidu District" a county-level unit.
/// 自治区 and 地区 are read before 区. Nothing is thrown.
enum class LevelHint { None, Province, CityOrMunicipality, Prefecture, County };
LevelHint level_hint(const std::string& name);

/// The character that ends the county-level names a name's suffix asks for: "区" for 朝阳区 or
/// "Chaoyang District", "县" for "... County", "旗" for "... Banner"; empty for any other name.
std::string county_kind_suffix(const std::string& name);

/// Whether a query is too short to be read as the name it begins or resembles (one or two letters,
/// one Chinese character, as normalised): "x" is not the Xi'an pilot zone, "Wu" not Wuhan, 江 not the
/// Ganjiang New Area. Commands that answer one thing take only a whole name or alias then; a list
/// of suggestions as the user types (the viewer's search) still shows what such a query begins.
bool too_short_to_guess(const std::string& query);

/// too_short_to_guess, or a query in Latin letters with no word of three letters or more that is not
/// a word region names share ("China", "urban agglomeration", "s s n", "Mountains"): read only as a
/// whole name or alias, never guessed.
bool too_vague_to_guess(const std::string& query);

/// Queries longer than this (bytes) match nothing: no name or alias is near one (the longest is
/// about 80 bytes).
inline constexpr std::size_t kLongestQueryBytes = 400;

/// Edit distance (insert, delete, substitute, swap) over Unicode code points.
/// (Past `limit` it may stop early and return limit + 1: only whether it is within a budget counts.)
int edit_distance(const std::string& a, const std::string& b, int limit = 1 << 30);

class SearchIndex {
  public:
    /// Indexes everything given; any argument may be null to leave that kind out.
    SearchIndex(const RegionLayer* provinces, const RegionLayer* prefectures, const Plan* plan,
                const RegionLayer* counties = nullptr, const PlaceSet* places = nullptr);

    /// Best hits first (ties in index order), at most `limit`, only those scoring at least 40.
    std::vector<SearchHit> find(const std::string& query, std::size_t limit = 10) const;
    /// The same, restricted to one kind.
    std::vector<SearchHit> find(const std::string& query, EntityKind kind, std::size_t limit = 10) const;

  private:
    struct Entry {
        SearchHit hit;
        std::vector<std::string> names;               ///< normalized primary names
        std::vector<std::string> aliases;             ///< normalized aliases and ids
        std::vector<std::vector<std::string>> words;  ///< words of the English names, lower case
    };
    void add(EntityKind kind, const std::string& id, const std::string& en, const std::string& zh,
             const std::vector<std::string>& aliases);
    int score(const Entry& e, const std::string& query, const std::vector<std::string>& words) const;
    std::vector<Entry> entries_;
};

}  // namespace atlas
