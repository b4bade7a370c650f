#pragma once
/// The plan as data: industries (sections 2-7) with their 2020 targets, the regions of section 8
/// with their members, hubs and designations, and the macro-regional designations. Every designation
/// keeps the plan's own sentence and section.

#include <optional>
#include <string>
#include <vector>

namespace atlas {

struct Target {
    int year = 2020;
    std::string metric;
    double value = 0;
    std::optional<double> value_max;  ///< upper bound when the plan gives a range
    std::string unit, qualifier, quote, note;
};

struct Industry {
    std::string id, name_en, name_zh, section;
    std::string parent;          ///< empty for the six sectors and for cross-cutting themes
    bool cross_cutting = false;  ///< a theme the plan names across sectors (the marine economy)
    std::string quote, note;
    std::vector<Target> targets;
};

struct IndustryDesignation {
    std::string industry;   ///< industry id
    std::string plan_term;  ///< the words the plan uses ("biology", "oceans")
};

enum class DesignationType {
    Explicit,  ///< the plan names industries for the region
    General,   ///< designated for strategic emerging industries in general
    Context,   ///< a wider area the plan mentions around the clusters (Bohai rim, Yangtze belt)
};

struct Designation {
    DesignationType type = DesignationType::General;
    std::vector<IndustryDesignation> industries;
    std::string quote, note;
};

struct Hub {
    std::string name_en, name_zh, code;
};

struct SourceRef {
    std::string url, title;
};

/// The county-level units of a partial member as its defining plan lists them (2016 GB/T 2260
/// codes, geodata/source/partial-members.json). Only a list a source confirms is kept: a member whose
/// counties no source names has none and is drawn whole.
struct CountyScope {
    std::vector<std::string> included;  ///< in the region in full; empty when only exclusions are listed
    std::vector<std::string>
        partly_included;                ///< in the region in part (which part no source says): drawn whole, hatched
    std::vector<std::string> excluded;  ///< every other county of the member is in the region
    std::string confidence, note;
    std::vector<SourceRef> sources;  ///< title holds the quoted sentence
};

struct Member {
    std::string code, name_zh, name_en, note;
    bool partial = false;  ///< the defining plan includes only some of its counties
    std::optional<CountyScope> counties;
};

/// A planning area a source publishes for the region's extent.
struct PublishedArea {
    double km2 = 0;
    std::string text;                  ///< the source's words ("总面积18.5万平方公里")
    std::vector<std::string> sources;  ///< URLs
};

struct Extent {
    std::string source_plan;
    std::optional<int> year;
    bool provisional = false;
    std::string caveat, verification, note;
    bool after_plan = false;  ///< the defining plan was issued after the industry plan (Nov 2016)
    std::vector<SourceRef> sources;
    std::optional<PublishedArea> published_area;
};

struct PlanRegion {
    std::string id, name_en, name_zh;
    std::vector<std::string> aliases;
    std::string kind, tier, plan_section, quote;
    std::vector<Hub> hubs;
    Designation designation;
    std::vector<Member> members;
    Extent extent;
    std::vector<std::string> group_of;  ///< ids of the regions this one groups (northeast_china)

    bool has_partial_members() const;
};

struct MacroArea {
    std::string id, name_en, name_zh, source;
    std::vector<std::string> provinces;
};

struct MacroDesignation {
    std::string id, industry, plan_term, section, quote;
    std::vector<std::string> areas;  ///< macro area ids
};

struct PlanInfo {
    std::string title_en, title_zh, issuer_en, document_number, date, period, source_original, translation_credit,
        text_file;
};

struct Plan {
    PlanInfo info;
    std::vector<Industry> industries;
    std::vector<Target> plan_targets;
    std::vector<PlanRegion> regions;
    std::vector<MacroArea> macro_areas;
    std::vector<MacroDesignation> macro_designations;

    /// Null when there is no such id.
    const Industry* industry(const std::string& id) const;
    const PlanRegion* region(const std::string& id) const;
    const MacroArea* macro_area(const std::string& id) const;

    /// The industry and every industry below it in the tree.
    std::vector<std::string> industry_with_descendants(const std::string& id) const;
    /// True when the region's explicit designation names the industry or one below it.
    bool designates(const PlanRegion& region, const std::string& industry_id) const;
    /// The six top-level sectors, in plan order (cross-cutting themes excluded).
    std::vector<const Industry*> sectors() const;
};

const char* to_string(DesignationType type);

}  // namespace atlas
