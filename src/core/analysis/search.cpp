#include "analysis/search.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include "io/county_build.hpp"
#include "text/utf8.hpp"

namespace atlas {

const char* to_string(EntityKind kind) {
    switch (kind) {
        case EntityKind::Province:
            return "province";
        case EntityKind::Prefecture:
            return "prefecture";
        case EntityKind::Region:
            return "region";
        case EntityKind::County:
            return "county-level unit";
        case EntityKind::Place:
            return "place";
        case EntityKind::Industry:
            return "industry";
    }
    return "?";
}

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// The thirty autonomous prefectures (自治州) by GB/T 2260 code: the layers name them short (延边), and
/// nothing in a unit's row says it is one.
bool is_autonomous_prefecture(const std::string& code) {
    static const char* const codes[] = {"222400", "422800", "433100", "513200", "513300", "513400", "522300", "522600",
                                        "522700", "532300", "532500", "532600", "532800", "532900", "533100", "533300",
                                        "533400", "622900", "623000", "632200", "632300", "632500", "632600", "632700",
                                        "632800", "652300", "652700", "652800", "653000", "654000"};
    return std::any_of(std::begin(codes), std::end(codes), [&](const char* c) { return code == c; });
}

/// 广西壮族自治区 -> 广西, 新疆维吾尔自治区 -> 新疆, 恩施土家族苗族自治州 -> 恩施, 北京市 -> 北京: the short
/// forms people write.
std::string strip_admin_suffix(std::string s) {
    bool autonomous = false;
    for (const char* suffix :
         {"特别行政区", "自治区", "自治州", "自治县", "地区", "城市群", "城市圈", "省", "市", "盟", "县"})
        if (ends_with(s, suffix)) {
            s.resize(s.size() - std::string(suffix).size());
            autonomous = std::string(suffix).rfind("自治", 0) == 0;
            break;
        }
    // The peoples named in autonomous areas ("壮族", "土家族苗族", "维吾尔"), cut from the end one at a
    // time; without 族 only after an autonomous suffix, and never leaving less than two characters
    // (内蒙古 keeps its 蒙古).
    static const char* const peoples[] = {"维吾尔", "哈萨克", "柯尔克孜", "蒙古", "朝鲜", "土家", "景颇",
                                          "傈僳",   "哈尼",   "布依",     "壮",   "回",   "藏",   "羌",
                                          "彝",     "傣",     "白",       "苗",   "侗",   "黎",   "水"};
    for (bool cut = true; cut;) {
        cut = false;
        for (const char* people : peoples)
            for (std::string tail : {std::string(people) + "族", std::string(autonomous ? people : "")}) {
                if (tail.empty() || !ends_with(s, tail) || s.size() - tail.size() < 6) continue;
                s.resize(s.size() - tail.size());
                cut = true;
                break;
            }
    }
    return s;
}

/// "Beijing Municipality", "Guangdong Province", "Guangxi Zhuang Autonomous Region", "Yanbian Korean
/// Autonomous Prefecture" -> the name without the trailing words.
std::string strip_english_suffix(std::string s) {
    auto lower_of = [](const std::string& text) {
        std::string out;
        for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    bool autonomous = false;
    for (const char* suffix :
         {" special administrative region", " autonomous region", " autonomous prefecture", " autonomous county",
          " autonomous banner", " forestry district", " special district", " municipality", " province", " prefecture",
          " district", " county", " banner", " city", " shi", " sheng", " sar"})
        if (ends_with(lower_of(s), suffix)) {
            s = s.substr(0, s.size() - std::string(suffix).size());
            autonomous = std::string(suffix).find("autonomous") != std::string::npos;
            break;
        }
    static const char* const peoples[] = {" zhuang", " uygur",     " uyghur", " uighur", " hui",  " tibetan", " korean",
                                          " mongol", " mongolian", " kazak",  " kazakh", " yi",   " bai",     " dai",
                                          " miao",   " tujia",     " dong",   " li",     " hani", " bouyei",  " qiang",
                                          " jingpo", " lisu",      " kirgiz", " kyrgyz"};
    for (bool cut = autonomous; cut;) {
        cut = false;
        for (const char* people : peoples)
            if (ends_with(lower_of(s), people) && s.size() > std::string(people).size()) {
                s = s.substr(0, s.size() - std::string(people).size());
                cut = true;
                break;
            }
    }
    return s;
}

/// Spellings of the same place that normalising cannot join (pinyin variants, old romanisations).
std::string canonical_spelling(const std::string& normalised) {
    static const std::pair<const char*, const char*> variants[] = {{"macao", "macau"},
                                                                   {"xizang", "tibet"},
                                                                   {"neimongol", "innermongolia"},
                                                                   {"neimenggu", "innermongolia"},
                                                                   {"wulumuqi", "urumqi"}};
    for (const auto& [from, to] : variants)
        if (normalised == from) return to;
    return normalised;
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c))
            word += static_cast<char>(std::tolower(c));
        else if (c == '\'')
            continue;  // Xi'an is one word
        else if (!word.empty())
            words.push_back(word), word.clear();
    }
    if (!word.empty()) words.push_back(word);
    return words;
}

/// Full-width forms as typed with a Chinese input method: letters and digits as ASCII (１４１０２５ is
/// 141025), the ideographic space and full-width punctuation as a space, so "长三角　" is 长三角 and
/// "吉林省　" still ends in 省; a no-break space pasted from a web page is a space too.
std::string fold_full_width(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        auto c0 = static_cast<unsigned char>(text[i]);
        if (c0 == 0xE3 && i + 2 < text.size() && text[i + 1] == '\x80' &&
            (text[i + 2] == '\x80' || text[i + 2] == '\x81' || text[i + 2] == '\x82')) {  // U+3000-3002
            out += ' ';
            i += 3;
            continue;
        }
        if (c0 == 0xC2 && i + 1 < text.size() && text[i + 1] == '\xA0') {  // U+00A0, a pasted no-break space
            out += ' ';
            i += 2;
            continue;
        }
        if (c0 == 0xEF && i + 2 < text.size() && (text[i + 1] == '\xBC' || text[i + 1] == '\xBD')) {
            // U+FF01..U+FF7F: EF BC 81..BF, EF BD 80..BF.
            char32_t cp = 0xFF00 + ((static_cast<unsigned char>(text[i + 1]) & 0x03) << 6) +
                          (static_cast<unsigned char>(text[i + 2]) & 0x3F);
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                auto ascii = static_cast<char>(cp - 0xFF01 + 0x21);
                out += std::isalnum(static_cast<unsigned char>(ascii)) ? ascii : ' ';
                i += 3;
                continue;
            }
        }
        out += text[i++];
    }
    std::size_t first = out.find_first_not_of(" \t"), last = out.find_last_not_of(" \t");
    return first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
}

bool is_prefix(const std::string& prefix, const std::string& s) { return s.compare(0, prefix.size(), prefix) == 0; }

int typo_budget(std::size_t length) { return length <= 4 ? 0 : length <= 8 ? 1 : 2; }

}  // namespace

std::string normalize_name(const std::string& name) {
    std::string text = fold_full_width(name);
    for (const char* umlaut : {"\xC3\xBC", "\xC3\x9C"})  // ü, Ü: Ürümqi is Urumqi
        for (std::size_t at; (at = text.find(umlaut)) != std::string::npos;) text.replace(at, 2, "u");
    std::string out;
    for (char ch : strip_admin_suffix(strip_english_suffix(text))) {
        auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80)
            out += ch;
        else if (std::isalnum(c))
            out += static_cast<char>(std::tolower(c));
    }
    return canonical_spelling(out);
}

LevelHint level_hint(const std::string& name) {
    std::string lower;
    for (char c : fold_full_width(name)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* p :
         {"省", "自治区", "特别行政区", " province", " autonomous region", " sar", " special administrative region"})
        if (ends_with(lower, p)) return LevelHint::Province;
    for (const char* p : {"市", " city", " shi"})
        if (ends_with(lower, p)) return LevelHint::CityOrMunicipality;
    for (const char* p : {"自治州", "地区", "盟", " prefecture", " league", " autonomous prefecture"})
        if (ends_with(lower, p)) return LevelHint::Prefecture;
    for (const char* p : {"区", "县", "旗", " district", " county", " banner"})
        if (ends_with(lower, p)) return LevelHint::County;
    return LevelHint::None;
}

std::string county_kind_suffix(const std::string& name) {
    std::string lower;
    for (char c : fold_full_width(name)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto [en, zh] : {std::pair{" district", "区"}, {" county", "县"}, {" banner", "旗"}})
        if (ends_with(lower, en) || ends_with(lower, zh)) return zh;
    return {};
}

bool too_short_to_guess(const std::string& query) {
    std::string q = normalize_name(query);
    bool cjk = std::any_of(q.begin(), q.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    return utf8_code_points(q).size() < (cjk ? 2u : 3u);
}

bool too_vague_to_guess(const std::string& query) {
    if (too_short_to_guess(query)) return true;
    // Words every region's name shares: "China" read as the Urban agglomerations of Northeast China,
    // "s s n" or "Mountains" as the North Slope of the Tianshan Mountains.
    static const std::set<std::string> generic = {
        "china", "chinese", "urban",        "agglomeration", "agglomerations", "region",   "regions",
        "area",  "areas",   "metropolitan", "economic",      "belt",           "zone",     "the",
        "of",    "and",     "city",         "cities",        "province",       "mountain", "mountains",
        "plain", "river",   "delta",        "side",          "west",           "north",    "south",
        "east",  "slope",   "new",          "district",      "peninsula",      "industry", "industries",
        "group", "hub",     "hubs",         "strait",        "taiwan"};
    bool cjk = std::any_of(query.begin(), query.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (cjk) return false;  // too_short_to_guess holds Chinese to two characters
    for (const std::string& w : words_of(query))
        if (w.size() >= 3 && generic.count(w) == 0) return false;
    return true;
}

int edit_distance(const std::string& a, const std::string& b, int limit) {
    auto x = utf8_code_points(a), y = utf8_code_points(b);
    std::size_t n = x.size(), m = y.size();
    // Lengths further apart than the limit are further apart than it: a 2,000-character name was
    // measured against every unit's name in full (`show xxx...` took 30 s).
    if ((n > m ? n - m : m - n) > static_cast<std::size_t>(limit)) return limit + 1;
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = 1; j <= m; ++j) {
            int cost = x[i - 1] == y[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[n][m];
}

SearchIndex::SearchIndex(const RegionLayer* provinces, const RegionLayer* prefectures, const Plan* plan,
                         const RegionLayer* counties, const PlaceSet* places) {
    if (provinces != nullptr)
        for (const Region& r : provinces->regions) add(EntityKind::Province, r.code, r.name_en, r.name_zh, {r.code});
    if (plan != nullptr)
        for (const PlanRegion& r : plan->regions) {
            std::vector<std::string> aliases = r.aliases;
            aliases.push_back(r.id);
            add(EntityKind::Region, r.id, r.name_en, r.name_zh, aliases);
            // A region's id and aliases are its names ("Zhongyuan", 京津冀): they score as names do, so
            // that an exact one ties with a unit of that name (Zhongyuan District's, once "District" is
            // cut) and the region, indexed first, wins as `show` has it (the district won by 100 to 95).
            Entry& e = entries_.back();
            e.names.insert(e.names.end(), e.aliases.begin(), e.aliases.end());
        }
    if (prefectures != nullptr)
        for (const Region& r : prefectures->regions) {
            if (provinces != nullptr && provinces->find(r.code) != nullptr) continue;  // municipalities once
            add(EntityKind::Prefecture, r.code, r.name_en, r.name_zh, {r.code, r.source_code});
            if (const Region* province = provinces != nullptr ? provinces->find(r.parent_code) : nullptr)
                entries_.back().hit.parent_zh = province->name_zh;
            // "Fuzhou (Fujian)" and "Fuzhou (Jiangxi)" are both named Fuzhou: the name without the
            // province that tells them apart is theirs (so "Fuzhou" asks which, not a place named after one).
            if (std::size_t open = r.name_en.find(" ("); open != std::string::npos && open > 0)
                entries_.back().names.push_back(normalize_name(r.name_en.substr(0, open)));
            // 延边州 for 延边朝鲜族自治州, as autonomous prefectures are written (the layers hold 延边).
            if (is_autonomous_prefecture(r.code) && !ends_with(r.name_zh, "州"))
                entries_.back().aliases.push_back(normalize_name(r.name_zh + "州"));
        }
    if (plan != nullptr)
        for (const Industry& i : plan->industries) add(EntityKind::Industry, i.id, i.name_en, i.name_zh, {i.id});
    if (places != nullptr)
        for (const Place& p : places->places) {
            // "Xixian" finds the Shaanxi Xixian New Area: its name without the province's.
            std::vector<std::string> aliases{p.id};
            std::vector<std::string> words = words_of(p.name_en);
            std::size_t space = p.name_en.find(' ');
            if (p.kind == PlaceKind::NewDistrict && words.size() >= 4) {
                std::string short_en = p.name_en.substr(space + 1);  // Xixian New Area, then Xixian
                aliases.push_back(short_en);
                const std::string new_area = " New Area";
                if (short_en.size() > new_area.size() &&
                    short_en.compare(short_en.size() - new_area.size(), new_area.size(), new_area) == 0)
                    aliases.push_back(short_en.substr(0, short_en.size() - new_area.size()));
            }
            // 西咸新区 and 西咸 for 陕西西咸新区: without the province's short name, and without 新区.
            std::string zh = p.name_zh;
            std::string province = p.province.substr(0, std::min<std::size_t>(p.province.size(), 6));  // two characters
            if (!province.empty() && zh.rfind(province, 0) == 0 && zh.size() > province.size())
                zh = zh.substr(province.size());
            aliases.push_back(zh);
            const std::string suffix = "新区";
            if (zh.size() > suffix.size() && zh.compare(zh.size() - suffix.size(), suffix.size(), suffix) == 0)
                aliases.push_back(zh.substr(0, zh.size() - suffix.size()));
            // Five pilot zones share their names with a region or a unit (jingjinji, Shanghai, Wuhan,
            // Xi'an, Shenyang), which wins: "pilot-zone:shanghai" (kind and id, as `list places`
            // gives them), "Shanghai pilot zone" and 上海试验区 reach the zone itself.
            std::string kind = to_string(p.kind);
            aliases.push_back(kind + ":" + p.id);
            if (p.kind == PlaceKind::PilotZone) {
                for (const std::string& name : {p.id, p.name_en}) {
                    aliases.push_back(name + " pilot zone");
                    aliases.push_back("pilot zone " + name);
                }
                aliases.push_back(p.name_zh + "试验区");
                aliases.push_back(p.name_zh + "创新改革试验区");
            }
            add(EntityKind::Place, p.id, p.name_en, p.name_zh, aliases);
        }
    // Last, so that on a tie the prefecture-level city wins over its district of the same name.
    if (counties != nullptr)
        for (const Region& r : counties->regions) {
            // 东莞 is a prefecture and its own county: both are indexed, the prefecture wins a tie.
            std::vector<std::string> aliases{r.code, r.source_code};
            for (const auto& [old_code, code] : county_code_changes_2016())
                if (code == r.code) aliases.push_back(old_code);  // 500234 开县 -> 500154 开州区
            // 郫都 for 郫都区, 阿荣 for 阿荣旗, 神农架 for 神农架林区, as people write them (县 is cut by
            // normalising already); never leaving one character (城区, 郊区 stay whole).
            // As much a name as 和平 is of 和平县 (whose 县 normalising cuts): 和平 asks which of 和平县 and
            // the two 和平区 is meant, rather than answering the county.
            add(EntityKind::County, r.code, r.name_en, r.name_zh, aliases);
            if (const Region* prefecture = prefectures != nullptr ? prefectures->find(r.parent_code) : nullptr)
                entries_.back().hit.parent_zh = prefecture->name_zh;
            for (const char* suffix : {"林区", "区", "旗"})
                if (ends_with(r.name_zh, suffix) && r.name_zh.size() - std::string(suffix).size() >= 6) {
                    entries_.back().names.push_back(
                        normalize_name(r.name_zh.substr(0, r.name_zh.size() - std::string(suffix).size())));
                    break;
                }
        }
}

void SearchIndex::add(EntityKind kind, const std::string& id, const std::string& en, const std::string& zh,
                      const std::vector<std::string>& aliases) {
    Entry e;
    e.hit = {kind, id, en, zh, 0};
    e.names = {normalize_name(en), normalize_name(zh)};
    e.words.push_back(words_of(en));
    for (const std::string& a : aliases) {
        if (a.empty()) continue;
        e.aliases.push_back(normalize_name(a));
        e.words.push_back(words_of(a));
    }
    entries_.push_back(std::move(e));
}

int SearchIndex::score(const Entry& e, const std::string& query, const std::vector<std::string>& words) const {
    if (query.empty()) return 0;
    int best = 0;
    for (const std::string& n : e.names) {
        if (n.empty()) continue;
        if (n == query) return 100;
        if (is_prefix(query, n))
            best = std::max(best, 80);
        else if (n.find(query) != std::string::npos)
            best = std::max(best, 60);
        int d = edit_distance(query, n, typo_budget(n.size()));
        if (d <= typo_budget(n.size())) best = std::max(best, 50 - 5 * d);
    }
    for (const std::string& a : e.aliases) {
        if (a == query)
            best = std::max(best, 95);
        else if (a.size() > 4 && edit_distance(query, a, typo_budget(a.size())) <= typo_budget(a.size()))
            best = std::max(best, 45);
    }
    for (const auto& name_words : e.words) {
        auto all_words_within = [&](int (*budget)(std::size_t)) {
            return !words.empty() && std::all_of(words.begin(), words.end(), [&](const std::string& w) {
                return std::any_of(name_words.begin(), name_words.end(), [&](const std::string& nw) {
                    return is_prefix(w, nw) || edit_distance(w, nw, budget(w.size())) <= budget(w.size());
                });
            });
        };
        if (all_words_within([](std::size_t n) { return n > 4 ? 1 : 0; }))
            best = std::max(best, 70);
        else if (all_words_within([](std::size_t n) { return n > 4 ? 2 : 0; }))
            best = std::max(best, 40);
    }
    return best;
}

std::vector<SearchHit> SearchIndex::find(const std::string& query, std::size_t limit) const {
    // No name is near a text many times its length: a 30,000-character query was scored against every
    // name for 14 s to find nothing.
    if (query.size() > kLongestQueryBytes) return {};
    std::string q = normalize_name(query);
    std::vector<std::string> words = words_of(query);
    std::vector<SearchHit> hits;
    for (const Entry& e : entries_) {
        int s = score(e, q, words);
        if (s < 40) continue;
        SearchHit hit = e.hit;
        hit.score = s;
        hits.push_back(hit);
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
    if (hits.size() > limit) hits.resize(limit);
    return hits;
}

std::vector<SearchHit> SearchIndex::find(const std::string& query, EntityKind kind, std::size_t limit) const {
    std::vector<SearchHit> all = find(query, entries_.size());
    std::vector<SearchHit> out;
    for (const SearchHit& h : all)
        if (h.kind == kind && out.size() < limit) out.push_back(h);
    return out;
}

}  // namespace atlas
