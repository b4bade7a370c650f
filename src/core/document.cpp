#include "document.hpp"

#include "analysis/resolve.hpp"
#include "error.hpp"
#include "io/data_paths.hpp"
#include "io/plan_reader.hpp"

namespace atlas {

DocumentSources bundled_sources() {
    std::string gpkg = bundled_geodata_path();
    LayerSpec provinces{gpkg, bundled_schema::kProvincesLayer};
    provinces.parent_field = "";  // a province has none
    return {provinces, LayerSpec{gpkg, bundled_schema::kPrefecturesLayer}, bundled_plan_path()};
}

namespace {
RegionLayer load(const LayerSpec& spec, UnitLevel level, std::vector<std::string>& warnings) {
    ReadReport report;
    RegionLayer layer = read_regions(spec, level, report);
    warnings.insert(warnings.end(), report.warnings.begin(), report.warnings.end());
    return layer;
}
}  // namespace

const RegionLayer& Document::provinces() {
    if (!provinces_) provinces_ = load(sources_.provinces, UnitLevel::Province, warnings_);
    return *provinces_;
}

const RegionLayer& Document::prefectures() {
    if (!prefectures_) prefectures_ = load(sources_.prefectures, UnitLevel::Prefecture, warnings_);
    return *prefectures_;
}

const Plan& Document::plan() {
    if (!plan_) {
        Plan loaded = read_plan(sources_.plan_path);
        validate_plan(loaded, provinces(), prefectures(), sources_.plan_path);
        plan_ = std::move(loaded);
    }
    return *plan_;
}

RegionShape Document::build_shape(const PlanRegion& region) {
    // A GEOS failure while uniting the members says which region it was building.
    try {
        return build_region_shape(region, provinces(), prefectures());
    } catch (const AtlasError& e) {
        throw AtlasError(e.kind(), "region '" + region.id + "' (" + region.name_en + "): " + e.message());
    }
}

const RegionShape& Document::shape(const PlanRegion& region) {
    auto it = shapes_.find(region.id);
    if (it == shapes_.end()) it = shapes_.emplace(region.id, build_shape(region)).first;
    return it->second;
}

std::vector<const RegionShape*> Document::shapes() {
    std::vector<const RegionShape*> out;
    for (const PlanRegion& r : plan().regions) out.push_back(&shape(r));
    return out;
}

const SearchIndex& Document::search() {
    if (!search_) search_.emplace(&provinces(), &prefectures(), &plan());
    return *search_;
}

const PlanRegion& Document::region(const std::string& query) { return resolve_region(plan(), search(), query); }

const Industry& Document::industry(const std::string& query) { return resolve_industry(plan(), search(), query); }

}  // namespace atlas
