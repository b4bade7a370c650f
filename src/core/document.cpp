#include "document.hpp"

#include <filesystem>

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

std::string Document::shapes_fingerprint() { return atlas::shapes_fingerprint(provinces(), prefectures(), plan()); }

PreparedShapes Document::compute_prepared_shapes() {
    PreparedShapes out;
    const Plan& p = plan();
    for (std::size_t i = 0; i < p.regions.size(); ++i) {
        const PlanRegion& region = p.regions[i];
        // A GEOS failure while uniting the members says which region it was building.
        try {
            out[region.id] = unite_members(region, provinces(), prefectures());
        } catch (const AtlasError& e) {
            throw AtlasError(e.kind(), "region '" + region.id + "' (" + region.name_en + "): " + e.message());
        }
        if (progress_) progress_(i + 1, p.regions.size());
    }
    return out;
}

const PreparedShapes& Document::prepared() {
    if (prepared_) return *prepared_;
    std::string fingerprint = shapes_fingerprint();
    std::string problem;
    // The store shipped with the bundled data serves any source with the same content.
    std::string shipped = bundled_data_dir() + "/" + kBundledShapeStore;
    // A store whose fingerprint matches was made from this plan: it has every region. Checked anyway.
    auto complete = [&](const PreparedShapes& s) {
        for (const PlanRegion& r : plan().regions)
            if (s.count(r.id) == 0) return problem = "region '" + r.id + "' missing", false;
        return true;
    };
    if (auto s = read_shape_store(shipped, fingerprint, problem); s && complete(*s)) {
        store_origin_ = shipped;
        return *(prepared_ = std::move(s));
    }
    if (!problem.empty() && problem != kStoreOfOtherData) warnings_.push_back(shipped + ": not used: " + problem);
    std::string dir = prepared_cache_dir();
    std::string cached = dir.empty() ? "" : dir + "/" + shape_store_name(fingerprint);
    if (!cached.empty()) {
        if (auto s = read_shape_store(cached, fingerprint, problem); s && complete(*s)) {
            store_origin_ = cached;
            return *(prepared_ = std::move(s));
        }
        if (!problem.empty()) warnings_.push_back(cached + ": " + problem + "; rebuilt");
    }
    prepared_ = compute_prepared_shapes();
    store_origin_ = "computed";
    keep_in_cache(fingerprint, *prepared_);
    return *prepared_;
}

void Document::keep_in_cache(const std::string& fingerprint, const PreparedShapes& shapes) {
    std::string dir = prepared_cache_dir();
    if (dir.empty()) {
        warnings_.push_back(
            "no cache folder (neither XDG_CACHE_HOME nor HOME is set): region shapes computed in "
            "memory, again next time");
        return;
    }
    std::string path = dir + "/" + shape_store_name(fingerprint);
    try {
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        if (ec) throw AtlasError(ErrorKind::Output, dir + ": cannot create (" + ec.message() + ")");
        // Replacing: a damaged store of the same name, or one another process has just written.
        write_shape_store(path, fingerprint, shapes, true);
        store_origin_ = "computed, kept in " + path;
    } catch (const AtlasError& e) {
        warnings_.push_back("cannot keep prepared region shapes in the cache (" + e.message() +
                            "): computed in memory, again next time");
    }
}

const RegionShape& Document::shape(const PlanRegion& region) {
    auto it = shapes_.find(region.id);
    if (it != shapes_.end()) return it->second;
    RegionShape shape = region_membership(region, provinces(), prefectures());
    const PreparedShape& united = prepared().at(region.id);
    shape.geometry = united.geometry;
    shape.label = united.label;
    shape.area_km2 = united.area_km2;
    return shapes_.emplace(region.id, std::move(shape)).first->second;
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
