#include "document.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <set>
#include <unordered_map>

#include "analysis/resolve.hpp"
#include "error.hpp"
#include "geo/bits_hash.hpp"
#include "io/county_build.hpp"
#include "io/data_paths.hpp"
#include "io/pg_connection.hpp"
#include "io/place_reader.hpp"
#include "io/plan_reader.hpp"
#include "io/postgis.hpp"
#include "store/cache_file.hpp"
#include "store/parallel_tasks.hpp"
#include "store/source_identity.hpp"
#include "store/units_memo.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"

namespace atlas {

DocumentSources bundled_sources() {
    std::string gpkg = bundled_geodata_path();
    LayerSpec provinces{gpkg, bundled_schema::kProvincesLayer};
    provinces.parent_field = "";  // a province has none
    DocumentSources sources{
        provinces, LayerSpec{gpkg, bundled_schema::kPrefecturesLayer}, bundled_plan_path(), {}, bundled_places_dir()};
    if (std::string counties = county_layer_path(); !counties.empty()) {
        sources.counties = LayerSpec{counties, "counties"};
        sources.counties->parent_field = "prefecture_code";
    }
    return sources;
}

namespace {

constexpr const char* kNotKept = "computed in memory, again next time";

/// One warning a process however many kinds of prepared data could not be kept: the cause is the
/// same. `line` names what and why, and ends with kNotKept.
void warn_not_kept(std::vector<std::string>& warnings, const std::string& line) {
    bool said = std::any_of(warnings.begin(), warnings.end(),
                            [](const std::string& w) { return w.find(kNotKept) != std::string::npos; });
    if (!said) warnings.push_back(line);
}

/// The warning for a store or memo at `path` that is not used: it is rebuilt in its place, unless a
/// folder stands there, which nothing replaces: then it says, once, that the data is computed in
/// memory (warn_not_kept says nothing more).
std::string not_used_line(const std::string& path, const std::string& problem) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return path + ": " + problem + "; it cannot be replaced, so prepared data is " + kNotKept;
    return path + ": " + problem + "; rebuilt";
}

/// Whether this user may not read `path` or a folder above it (EACCES, EPERM).
bool forbidden(const std::string& path) {
    return ::access(path.c_str(), R_OK) != 0 && (errno == EACCES || errno == EPERM);
}

void create_cache_dir(const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw AtlasError(ErrorKind::Output, dir + ": cannot create (" + ec.message() + ")");
}

/// Memos of one kind in the cache folder, found by key and kept when derived: `read` and `write` are
/// the kind's (store/layer_memo.hpp, store/rounding_memo.hpp). A damaged memo is one warning (it is
/// derived again); a cache that cannot be written is one warning a process.
template <typename Access, typename Read, typename Write>
Access cache_memo_access(std::vector<std::string>& warnings, std::string (*name)(const std::string&), Read read,
                         Write write, const std::string& what) {
    Access access;
    std::string dir = prepared_cache_dir();
    if (dir.empty()) return access;  // said once by the shapes' store, which every command reads
    access.find = [dir, name, read, &warnings](const std::string& key) {
        std::string path = dir + "/" + name(key), problem;
        auto found = read(path, key, problem);
        // One this user may not read (another user's cache) is not damaged, nor can it be rebuilt:
        // keeping it again says so where that matters (warn_not_kept).
        if (!problem.empty() && !forbidden(path)) warnings.push_back(not_used_line(path, problem));
        return found;
    };
    access.keep = [dir, name, write, what, &warnings](const std::string& key, const auto& value) {
        std::string path = dir + "/" + name(key);
        try {
            create_cache_dir(dir);
            write(path, key, value, true);
        } catch (const AtlasError& e) {
            warn_not_kept(warnings, "cannot keep " + what + " in the cache (" + e.message() + "): " + kNotKept);
        }
    };
    return access;
}

/// The layer memos of the cache folder (store/layer_memo.hpp).
LayerMemoAccess memo_access(std::vector<std::string>& warnings) {
    return cache_memo_access<LayerMemoAccess>(warnings, layer_memo_name, read_layer_memo, write_layer_memo,
                                              "a layer's validity, areas and label points");
}

bool without_geometry(const RegionLayer& layer) {
    return !layer.regions.empty() &&
           std::all_of(layer.regions.begin(), layer.regions.end(), [](const Region& r) { return r.geometry.empty(); });
}

/// Where attributes-only reads are kept (store/units_memo.hpp).
struct UnitsMemoAccess {
    std::function<std::optional<KeptUnits>(const std::string& key)> find;
    std::function<void(const std::string& key, const KeptUnits& units)> keep;
};

/// Where summaries of attributes-only reads are kept (store/units_memo.hpp UnitsSummary).
struct UnitsSummaryAccess {
    std::function<std::optional<UnitsSummary>(const std::string& key)> find;
    std::function<void(const std::string& key, const UnitsSummary& summary)> keep;
};

/// The identity of an attributes-only read of `spec` (store/units_memo.hpp): the source file as the
/// file system has it, the path as given (its warnings name it: a link or another spelling of the same
/// file gets a memo of its own) and every option of the read. Nothing for a source that is not a
/// local file.
std::optional<std::string> units_identity(const LayerSpec& spec, UnitLevel level) {
    IdentitySources id;
    id.files.push_back(spec.source);
    id.options = "units " + std::to_string(kUnitsMemoVersion) + " " + to_string(level);
    for (const std::string* text : {&spec.source, &spec.layer, &spec.code_field, &spec.name_field, &spec.name_en_field,
                                    &spec.parent_field, &spec.where})
        id.options += "\n" + std::to_string(text->size()) + ":" + *text;
    id.options += "\n" + std::to_string(static_cast<int>(spec.datum)) + std::to_string(spec.name_en_field_named) +
                  std::to_string(spec.parent_field_named);
    return source_identity(id);
}

/// Writes a memo into the cache folder (`write` is given its path there), quietly: what it keeps was
/// computed already, and a cache that cannot be written only costs the next process the same work.
template <typename Write>
void keep_quietly(const std::string& name, Write write) {
    std::string dir = prepared_cache_dir();
    if (dir.empty()) return;
    try {
        create_cache_dir(dir);
        write(dir + "/" + name);
    } catch (const AtlasError&) {
    }
}

void keep_units_quietly(const std::string& key, const KeptUnits& units) {
    keep_quietly(units_memo_name(key), [&](const std::string& path) { write_units_memo(path, key, units, true); });
}

/// Keeps the units' summary (store/units_memo.hpp UnitsSummary) unless it is there already: memos kept
/// before summaries were gain theirs at the next read.
void keep_summary_quietly(const std::string& key, const KeptUnits& units) {
    std::string dir = prepared_cache_dir();
    std::error_code ec;
    if (dir.empty() || std::filesystem::exists(dir + "/" + units_summary_name(key), ec)) return;
    keep_quietly(units_summary_name(key),
                 [&](const std::string& path) { write_units_summary(path, key, summary_of(units), false); });
}

void add_once(std::vector<std::string>& warnings, const std::vector<std::string>& more) {
    // A layer read twice (its attributes, then whole) says the same things once.
    for (const std::string& w : more)
        if (std::find(warnings.begin(), warnings.end(), w) == warnings.end()) warnings.push_back(w);
}

RegionLayer load(const LayerSpec& spec, UnitLevel level, std::vector<std::string>& warnings) {
    // An attributes-only read of an unchanged file is served from the cache, without GDAL.
    std::optional<std::string> key = spec.attributes_only ? units_identity(spec, level) : std::nullopt;
    if (key) {
        UnitsMemoAccess units = cache_memo_access<UnitsMemoAccess>(warnings, units_memo_name, read_units_memo,
                                                                   write_units_memo, "a layer's units");
        if (units.find)
            if (std::optional<KeptUnits> kept = units.find(*key)) {
                add_once(warnings, kept->warnings);
                keep_summary_quietly(*key, *kept);
                return std::move(kept->layer);
            }
    }
    ReadReport report;
    LayerMemoAccess memo = memo_access(warnings);
    RegionLayer layer = read_regions(spec, level, report, &memo);
    add_once(warnings, report.warnings);
    if (key && without_geometry(layer)) {
        KeptUnits kept{layer, report.warnings};
        keep_units_quietly(*key, kept);
        keep_summary_quietly(*key, kept);
    }
    return layer;
}
}  // namespace

RoundingMemoAccess Document::rounding_memo_access() {
    return cache_memo_access<RoundingMemoAccess>(warnings_, rounding_memo_name, read_rounding_memo, write_rounding_memo,
                                                 "an export's rounded polygons");
}

namespace {

/// Moves the geometry read whole into the units read as attributes, unit by unit (by code), so that
/// pointers to them stay valid. The two reads of one source disagree only when a layer was changed
/// after its attribute table was written.
void fill_in(RegionLayer& units, RegionLayer&& whole, const LayerSpec& spec) {
    std::unordered_map<std::string, Region*> by_code;
    for (Region& r : whole.regions) by_code.emplace(r.code, &r);
    for (Region& r : units.regions) {
        auto found = by_code.find(r.code);
        if (found == by_code.end() || units.regions.size() != whole.regions.size())
            throw AtlasError(ErrorKind::Input, escape_controls(spec.source) + ": layer '" +
                                                   escape_controls(spec.layer) +
                                                   "' and its attribute table disagree on unit " + r.code +
                                                   "; rebuild the data (scripts/build-geodata)");
        r = std::move(*found->second);
    }
    units.validated = whole.validated;
}

}  // namespace

const RegionLayer& Document::read_layer(LayerSlot& slot, const LayerSpec& spec, UnitLevel level, bool geometry) {
    if (slot.layer && (slot.whole || !geometry)) return *slot.layer;
    if (!geometry) {
        LayerSpec attributes = spec;
        attributes.attributes_only = true;
        slot.layer = load(attributes, level, warnings_);
        slot.whole = !without_geometry(*slot.layer);  // a layer whose stored values cannot be trusted is read whole
        return *slot.layer;
    }
    RegionLayer whole = load(spec, level, warnings_);
    if (slot.layer)
        fill_in(*slot.layer, std::move(whole), spec);
    else
        slot.layer = std::move(whole);
    slot.whole = true;
    return *slot.layer;
}

const RegionLayer& Document::provinces() {
    return read_layer(provinces_, sources_.provinces, UnitLevel::Province, true);
}

const RegionLayer& Document::prefectures() {
    return read_layer(prefectures_, sources_.prefectures, UnitLevel::Prefecture, true);
}

const RegionLayer& Document::province_units() {
    return read_layer(provinces_, sources_.provinces, UnitLevel::Province, false);
}

const RegionLayer& Document::prefecture_units() {
    return read_layer(prefectures_, sources_.prefectures, UnitLevel::Prefecture, false);
}

const RegionLayer* Document::counties() {
    if (!sources_.counties) return nullptr;
    if (!counties_) counties_ = load(*sources_.counties, UnitLevel::County, warnings_);
    return &*counties_;
}

std::vector<std::string> Document::partial_member_prefectures() {
    std::vector<std::string> codes;
    for (const PlanRegion& r : plan().regions)
        for (const Member& m : r.members)
            if (m.counties)
                for (const Region* u : member_units(m.code, province_units(), prefecture_units()))
                    codes.push_back(u->code);
    return codes;
}

const RegionLayer* Document::county_attributes() {
    if (!sources_.counties) return nullptr;
    if (counties_) return &*counties_;
    if (!county_attributes_) {
        LayerSpec spec = *sources_.counties;
        spec.attributes_only = true;
        county_attributes_ = load(spec, UnitLevel::County, warnings_);
    }
    return &*county_attributes_;
}

std::optional<UnitsSummary> Document::county_summary() {
    if (!sources_.counties) return std::nullopt;
    LayerSpec spec = *sources_.counties;
    spec.attributes_only = true;
    std::optional<std::string> key = units_identity(spec, UnitLevel::County);
    if (key && !counties_ && !county_attributes_) {
        auto access = cache_memo_access<UnitsSummaryAccess>(warnings_, units_summary_name, read_units_summary,
                                                            write_units_summary, "a layer's summary");
        if (access.find) {
            if (std::optional<UnitsSummary> kept = access.find(*key)) {
                add_once(warnings_, kept->warnings);
                return kept;
            }
            // A damaged one (said by find) goes, so that the read below keeps a new one.
            std::error_code ec;
            std::filesystem::remove(prepared_cache_dir() + "/" + units_summary_name(*key), ec);
        }
    }
    const RegionLayer* layer = county_attributes();  // its warnings said by the read
    return summary_of(KeptUnits{RegionLayer{layer->source, layer->layer, layer->regions}, {}});
}

const RegionLayer* Document::membership_counties() {
    if (!sources_.counties) return nullptr;
    if (counties_) return &*counties_;
    if (county_attributes_) return &*county_attributes_;
    if (membership_counties_) return &*membership_counties_;
    LayerSpec spec = *sources_.counties;
    if (spec.parent_field.empty()) return county_attributes();
    auto digits = [](const std::string& code) {
        return !code.empty() && std::all_of(code.begin(), code.end(), ::isdigit);  // safe in SQL
    };
    std::string prefectures, counties;
    for (const std::string& code : partial_member_prefectures())
        if (digits(code)) prefectures += (prefectures.empty() ? "'" : ",'") + code + "'";
    for (const PlanRegion& r : plan().regions)
        for (const Member& m : r.members)
            if (m.counties)
                for (const auto* list : {&m.counties->included, &m.counties->partly_included, &m.counties->excluded})
                    for (const std::string& code : *list)
                        if (digits(code)) counties += (counties.empty() ? "'" : ",'") + code + "'";
    if (prefectures.empty() && counties.empty()) return county_attributes();
    std::string filter = "\"" + spec.parent_field + "\" IN (" + prefectures + ")";
    if (!counties.empty()) filter += " OR \"" + spec.code_field + "\" IN (" + counties + ")";
    spec.where = spec.where.empty() ? filter : "(" + spec.where + ") AND (" + filter + ")";
    spec.attributes_only = true;
    try {
        std::vector<std::string> ignored;  // the whole layer's warnings are said where it is read whole
        membership_counties_ = load(spec, UnitLevel::County, ignored);
    } catch (const AtlasError&) {
        return county_attributes();  // a filter the source cannot run, or that keeps nothing: the whole
    }
    return &*membership_counties_;
}

const RegionLayer* Document::shaping_counties() {
    if (!sources_.counties) return nullptr;
    if (counties_) return &*counties_;
    if (!shaping_counties_)
        shaping_counties_ = county_subset(partial_member_prefectures(), district_county_codes(places()));
    return &*shaping_counties_;
}

RegionLayer Document::county_subset(const std::vector<std::string>& prefecture_codes,
                                    const std::vector<std::string>& county_codes) {
    RegionLayer out;
    if (!sources_.counties || (prefecture_codes.empty() && county_codes.empty())) return out;
    auto listed = [](const std::vector<std::string>& list, const std::string& code) {
        return std::find(list.begin(), list.end(), code) != list.end();
    };
    auto wanted = [&](const Region& c) {
        return listed(prefecture_codes, c.parent_code) || listed(county_codes, c.code);
    };
    if (counties_) {
        out = RegionLayer{counties_->source, counties_->layer, {}, counties_->validated};
        for (const Region& c : counties_->regions)
            if (wanted(c)) out.regions.push_back(c);
        return out;
    }
    // The wanted codes from the attributes (read without geometry where the layer allows), then only
    // those features with geometry: a user's layer may have no prefecture field to filter on.
    std::string codes;
    if (const RegionLayer* attributes = county_attributes())
        for (const Region& c : attributes->regions)
            if (wanted(c) && std::all_of(c.code.begin(), c.code.end(), ::isdigit))  // digits only: safe in SQL
                codes += (codes.empty() ? "'" : ",'") + c.code + "'";
    if (codes.empty()) return out;
    LayerSpec spec = *sources_.counties;
    spec.where = "\"" + spec.code_field + "\" IN (" + codes + ")";
    out = load(spec, UnitLevel::County, warnings_);
    return out;
}

const RegionLayer* Document::county_display() {
    const RegionLayer* exact = county_attributes();  // one entry a county: only counted
    if (exact == nullptr) return nullptr;
    if (county_display_) return county_display_->regions.size() == exact->regions.size() ? &*county_display_ : exact;
    LayerSpec spec = *sources_.counties;
    spec.layer = kCountyDisplayLayer;
    spec.parent_field = "";
    spec.name_en_field = "";
    try {
        std::vector<std::string> ignored;
        county_display_ = load(spec, UnitLevel::County, ignored);
    } catch (const AtlasError&) {
        county_display_ = RegionLayer{};  // a layer built before the display layer existed: draw the exact one
    }
    return county_display_->regions.size() == exact->regions.size() ? &*county_display_ : exact;
}

const PlaceSet& Document::places() {
    if (places_) return *places_;
    PlaceSet set;
    std::error_code ec;
    // A data folder without places (CLUSTERATLAS_DATA naming a copy of china.gpkg and plan.json) has none.
    if (!sources_.places_dir.empty() && std::filesystem::is_directory(sources_.places_dir, ec)) {
        set = read_places(sources_.places_dir);
        // A layer other than the bundled one may lack some of their units: said, not fatal.
        // One warning, however many places: a county layer of one province lacks most of them.
        std::vector<std::string> problems =
            check_places(set, province_units(), prefecture_units(), county_attributes());
        if (problems.size() == 1) warnings_.push_back("place " + problems[0] + " (not drawn there)");
        if (problems.size() > 1)
            warnings_.push_back(std::to_string(problems.size()) + " of " + std::to_string(set.places.size()) +
                                " places name units the layers lack, not drawn there: " +
                                join_first(problems, "; ", 2, [](std::size_t n) {
                                    return "; and " + std::to_string(n) +
                                           " more places (list places gives their codes)";
                                }));
    }
    return *(places_ = std::move(set));
}

const PlaceShape& Document::place_shape(const Place& place) {
    auto it = place_shapes_.find(place.id);
    if (it != place_shapes_.end()) return it->second;
    const ShapesById& stored = prepared().places;
    auto united = stored.find(place.id);
    // From the store, the units are only looked up; computed (a place the store lacks), their geometry
    // counts. One that cannot be drawn (a new district without a county layer) needs none either.
    bool found = united != stored.end();
    PlaceShape shape = found || !place_drawable(place, shaping_counties())
                           ? assemble_place_shape(place, province_units(), prefecture_units(), county_attributes(),
                                                  found ? &united->second : nullptr)
                           : build_place_shape(place, provinces(), prefectures(), shaping_counties());
    return place_shapes_.emplace(place.id, std::move(shape)).first->second;
}

namespace {

/// Names and ids of an edited plan's regions and industries that hold control characters: shown
/// escaped wherever they are printed, said once (a name holding ESC and BEL went by without a word,
/// where the same in a boundary layer is said).
void warn_plan_controls(const Plan& plan, const std::string& path, std::vector<std::string>& warnings) {
    std::size_t count = 0;
    std::string first;
    auto look = [&](const std::string& where, const std::string& text) {
        if (has_controls(text) && count++ == 0) first = where + " " + quote_value(text);
    };
    for (std::size_t i = 0; i < plan.regions.size(); ++i)
        for (const auto& [key, text] : {std::pair{"id", &plan.regions[i].id},
                                        {"name_en", &plan.regions[i].name_en},
                                        {"name_zh", &plan.regions[i].name_zh}})
            look("regions[" + std::to_string(i) + "]." + key, *text);
    for (std::size_t i = 0; i < plan.industries.size(); ++i)
        for (const auto& [key, text] : {std::pair{"id", &plan.industries[i].id},
                                        {"name_en", &plan.industries[i].name_en},
                                        {"name_zh", &plan.industries[i].name_zh}})
            look("industries[" + std::to_string(i) + "]." + key, *text);
    if (count > 0)
        warnings.push_back(escape_controls(path) + ": " + std::to_string(count) +
                           (count == 1 ? " name holds" : " names hold") +
                           " a control character, shown escaped: " + first + (count > 1 ? " and more" : ""));
}

}  // namespace

const Plan& Document::plan() {
    if (!plan_) {
        Plan loaded = read_plan(sources_.plan_path);
        // The bundled boundaries hold every code of the bundled plan: a code missing from a user's
        // boundaries is theirs to supply, and the message names them.
        bool own_boundaries = sources_.prefectures.source != bundled_geodata_path();
        validate_plan(loaded, province_units(), prefecture_units(), sources_.plan_path,
                      !own_boundaries                                 ? ""
                      : is_pg_connection(sources_.prefectures.source) ? describe_connection(sources_.prefectures.source)
                                                                      : escape_controls(sources_.prefectures.source));
        warn_plan_controls(loaded, sources_.plan_path, warnings_);
        plan_ = std::move(loaded);
    }
    return *plan_;
}

namespace {

/// What the sources' identity covers: their files, the places' folder, and how the layers are read.
IdentitySources identity_of(const DocumentSources& sources) {
    IdentitySources id;
    id.options = "shape store " + std::to_string(kShapeStoreVersion);
    std::vector<const LayerSpec*> specs{&sources.provinces, &sources.prefectures};
    if (sources.counties) specs.push_back(&*sources.counties);
    for (const LayerSpec* s : specs) {
        id.files.push_back(s->source);
        for (const std::string* text :
             {&s->layer, &s->code_field, &s->name_field, &s->name_en_field, &s->parent_field, &s->where})
            id.options += "\n" + *text;
        id.options += "\n" + std::to_string(static_cast<int>(s->datum));
    }
    id.files.push_back(sources.plan_path);
    id.options += "\nplaces " + std::to_string(!sources.places_dir.empty());
    if (!sources.places_dir.empty()) id.folders.push_back(sources.places_dir);
    return id;
}

/// Kept quietly: a cache that cannot be written is said once by the prepared data itself, and with
/// the shipped store (nothing else to keep) this would be a warning at every command.
void keep_identity_quietly(const std::string& identity, const std::string& fingerprint) {
    keep_quietly(identity_memo_name(identity),
                 [&](const std::string& path) { write_identity_memo(path, identity, fingerprint, true); });
}

}  // namespace

std::string Document::shapes_fingerprint() {
    if (!fingerprint_.empty()) return fingerprint_;
    // Known by the files' identity, the fingerprint needs none of their coordinates read.
    std::optional<std::string> identity = source_identity(identity_of(sources_));
    IdentityMemoAccess memo;
    if (identity)
        memo = cache_memo_access<IdentityMemoAccess>(warnings_, identity_memo_name, read_identity_memo,
                                                     write_identity_memo, "the inputs' fingerprint");
    if (memo.find)
        if (std::optional<std::string> known = memo.find(*identity)) return fingerprint_ = *known;
    fingerprint_ = atlas::shapes_fingerprint(provinces(), prefectures(), plan(), shaping_counties(), &places());
    if (identity) keep_identity_quietly(*identity, fingerprint_);
    return fingerprint_;
}

PreparedShapes Document::compute_prepared_shapes() {
    // Every input loaded here, before the threads: the document loads on first use and is not thread-safe.
    const Plan& p = plan();
    const RegionLayer &pr = provinces(), &pf = prefectures();
    const RegionLayer* counties = shaping_counties();
    const std::vector<Place>& all = places().places;
    // The unions on every core, each into its own slot.
    std::vector<PreparedShape> regions(p.regions.size());
    run_parallel(
        regions.size(), regions.size(),
        [&](std::size_t i, const std::function<void()>& step) {
            const PlanRegion& region = p.regions[i];
            try {  // a GEOS failure while uniting the members says which region it was building
                regions[i] = unite_members(region, pr, pf, counties);
            } catch (const AtlasError& e) {
                throw AtlasError(e.kind(), "region '" + region.id + "' (" + region.name_en + "): " + e.message());
            }
            step();
        },
        [this](std::size_t done, std::size_t total) {
            if (progress_) progress_("region shapes", done, total);
        });
    std::vector<std::optional<PreparedShape>> places(all.size());
    run_parallel(
        places.size(), places.size(),
        [&](std::size_t i, const std::function<void()>& step) {
            try {
                places[i] = unite_place(all[i], pr, pf, counties);
            } catch (const AtlasError& e) {
                throw AtlasError(e.kind(), "place " + all[i].id + " (" + all[i].name_en + "): " + e.message());
            }
            step();
        },
        [this](std::size_t done, std::size_t total) {
            if (progress_) progress_("place shapes", done, total);
        });
    PreparedShapes out;
    out.neighbours = compute_region_neighbours();
    for (std::size_t i = 0; i < regions.size(); ++i) out.regions[p.regions[i].id] = std::move(regions[i]);
    for (std::size_t i = 0; i < places.size(); ++i)
        if (places[i]) out.places[all[i].id] = std::move(*places[i]);
    return out;
}

namespace {

/// How one kind of prepared data is read, computed and kept.
template <typename T>
struct StoreAccess {
    std::string what;  ///< "region shapes", "levels of detail"
    std::function<std::optional<T>(const std::string& path, std::string& problem)> read;
    std::function<T()> compute;
    std::function<void(const std::string& path, const T& data)> write;
};

/// Kept in the cache folder as `name`; one warning when it cannot be.
template <typename T>
void keep_in_cache(const StoreAccess<T>& access, const std::string& name, const T& data,
                   std::vector<std::string>& warnings, std::string& origin) {
    std::string dir = prepared_cache_dir();
    if (dir.empty()) {
        warn_not_kept(warnings,
                      "no cache folder (neither XDG_CACHE_HOME nor HOME is set): " + access.what + " " + kNotKept);
        return;
    }
    std::string path = dir + "/" + name;
    try {
        create_cache_dir(dir);
        // Replacing: a damaged store of the same name, or one another process has just written.
        access.write(path, data);
        origin = "computed, kept in " + path;
    } catch (const AtlasError& e) {
        warn_not_kept(warnings,
                      "cannot keep prepared " + access.what + " in the cache (" + e.message() + "): " + kNotKept);
    }
}

/// The store shipped with the bundled data (it serves any source with the same content), else the
/// cache's, else computed and kept in the cache. A store that is not usable is a warning.
template <typename T>
T through_store(const StoreAccess<T>& access, const std::string& shipped, const std::string& cache_name,
                std::vector<std::string>& warnings, std::string& origin) {
    std::string problem;
    if (std::optional<T> s = access.read(shipped, problem)) {
        origin = shipped;
        return std::move(*s);
    }
    if (!problem.empty() && problem != kStoreOfOtherData) warnings.push_back(shipped + ": not used: " + problem);
    std::string dir = prepared_cache_dir();
    std::string cached = dir.empty() ? "" : dir + "/" + cache_name;
    if (!cached.empty()) {
        if (std::optional<T> s = access.read(cached, problem)) {
            origin = cached;
            return std::move(*s);
        }
        if (!problem.empty() && !forbidden(cached)) warnings.push_back(not_used_line(cached, problem));
    }
    T data = access.compute();
    origin = "computed";
    keep_in_cache(access, cache_name, data, warnings, origin);
    return data;
}

}  // namespace

const PreparedShapes& Document::prepared() {
    if (prepared_) return *prepared_;
    std::string fingerprint = shapes_fingerprint();
    StoreAccess<PreparedShapes> access{
        "region shapes",
        [&](const std::string& path, std::string& problem) {
            std::optional<PreparedShapes> s = read_shape_store(path, fingerprint, problem);
            // A store whose fingerprint matches was made from this plan: it has every region. Checked anyway.
            for (const PlanRegion& r : plan().regions)
                if (s && s->regions.count(r.id) == 0) problem = "region '" + r.id + "' missing", s.reset();
            return s;
        },
        [&] { return compute_prepared_shapes(); },
        [&](const std::string& path, const PreparedShapes& s) { write_shape_store(path, fingerprint, s, true); }};
    prepared_ = through_store(access, bundled_data_dir() + "/" + kBundledShapeStore, shape_store_name(fingerprint),
                              warnings_, store_origin_);
    return *prepared_;
}

DetailSources Document::detail_sources() {
    DetailSources sources;
    for (const Region& r : provinces().regions) sources.provinces.push_back(&r.geometry);
    for (const Region& r : prefectures().regions) sources.prefectures.push_back(&r.geometry);
    for (const RegionShape* s : shapes()) sources.regions.push_back(&s->geometry);
    return sources;
}

DetailLevels Document::compute_detail_levels() {
    DetailSources sources = detail_sources();  // region shapes first: they report their own progress
    auto told = [this](std::size_t done, std::size_t total) {
        if (progress_) progress_("levels of detail", done, total);
    };
    return atlas::compute_detail_levels(sources, told);
}

namespace {

/// One level from a levels store, when it has it for this data.
std::optional<DetailLevel> read_one_level(const std::string& path, const std::string& fingerprint, double tolerance_m,
                                          std::string& problem) {
    problem.clear();
    OpenCacheFile file(path, std::numeric_limits<std::uintmax_t>::max());
    if (!file.exists()) return std::nullopt;
    if (!file.problem().empty()) return problem = file.problem(), std::nullopt;
    std::ifstream in(file.name(), std::ios::binary);  // the file checked, whatever the path holds by now
    if (!in) return std::nullopt;
    std::optional<std::vector<LevelEntry>> index = read_level_index(in, fingerprint, problem);
    if (!index) return std::nullopt;
    for (const LevelEntry& entry : *index)
        if (entry.tolerance_m == tolerance_m) return read_level(in, entry, problem);
    problem = "no level of " + std::to_string(tolerance_m) + " m";
    return std::nullopt;
}

}  // namespace

bool Document::fits_layers(const DetailLevel& level) {
    auto fits = [](const LayerDetail& layer, std::size_t features) {
        return layer.triangles.size() == features && (layer.features.empty() || layer.features.size() == features);
    };
    return fits(level.provinces, province_units().regions.size()) &&
           fits(level.prefectures, prefecture_units().regions.size()) && fits(level.regions, plan().regions.size());
}

const DetailLevel& Document::detail_level(double tolerance_m) {
    double chosen = kDetailTolerances[0];
    for (double t : kDetailTolerances)
        if (t <= tolerance_m) chosen = t;
    if (auto known = levels_.find(chosen); known != levels_.end()) return known->second;
    std::string fingerprint = shapes_fingerprint();
    DetailLevels computed;  // every level, when the stores have none: all are kept
    StoreAccess<DetailLevel> access{
        "levels of detail",
        [&](const std::string& path, std::string& problem) {
            std::optional<DetailLevel> level = read_one_level(path, fingerprint, chosen, problem);
            // Made for these inputs, so one entry a feature; checked anyway, as the renderer indexes by it.
            if (level && !fits_layers(*level)) problem = "its feature counts do not match the layers", level.reset();
            return level;
        },
        [&] {
            computed = compute_detail_levels();
            for (const DetailLevel& level : computed)
                if (level.tolerance_m == chosen) return level;
            throw AtlasError(ErrorKind::Input, "no level of detail of " + std::to_string(chosen) + " m computed");
        },
        [&](const std::string& path, const DetailLevel&) { write_detail_levels(path, fingerprint, computed, true); }};
    DetailLevel level = through_store(access, levels_path_for(bundled_data_dir() + "/" + kBundledShapeStore),
                                      levels_path_for(shape_store_name(fingerprint)), warnings_, levels_origin_);
    for (DetailLevel& other : computed) levels_.emplace(other.tolerance_m, std::move(other));
    return levels_.emplace(chosen, std::move(level)).first->second;
}

namespace {

/// Where a store for `fingerprint` may be: shipped with the bundled data, then in the cache (as
/// through_store looks), for the reads of a part of one (read_store_areas, read_store_region).
std::vector<std::string> store_paths(const std::string& fingerprint) {
    std::vector<std::string> paths{bundled_data_dir() + "/" + kBundledShapeStore};
    if (std::string dir = prepared_cache_dir(); !dir.empty())
        paths.push_back(dir + "/" + shape_store_name(fingerprint));
    return paths;
}

}  // namespace

const RegionShape& Document::shape(const PlanRegion& region) {
    auto it = shapes_.find(region.id);
    if (it != shapes_.end()) return it->second;
    // Membership needs codes, parents and areas: no geometry is read for it.
    RegionShape shape = region_membership(region, province_units(), prefecture_units(), membership_counties());
    // One region's row alone while the whole store is not read (compare reads two of 19); the whole
    // store otherwise, which says why a store is not used.
    std::optional<PreparedShape> alone;
    if (!prepared_)
        for (const std::string& path : store_paths(shapes_fingerprint()))
            if ((alone = read_store_region(path, shapes_fingerprint(), region.id))) {
                if (store_origin_.empty()) store_origin_ = path;
                break;
            }
    const PreparedShape& united = alone ? *alone : prepared().regions.at(region.id);
    shape.geometry = united.geometry;
    shape.label = united.label;
    shape.area_km2 = united.area_km2;
    shape.gaps_km2 = united.gaps_km2;
    return shapes_.emplace(region.id, std::move(shape)).first->second;
}

double Document::region_area_km2(const PlanRegion& region) { return region_areas(region).area_km2; }

StoredArea Document::region_areas(const PlanRegion& region) {
    if (auto it = shapes_.find(region.id); it != shapes_.end()) return {it->second.area_km2, it->second.gaps_km2};
    if (!prepared_ && !store_areas_tried_) {
        store_areas_tried_ = true;
        const std::string fingerprint = shapes_fingerprint();
        for (const std::string& path : store_paths(fingerprint))
            if ((store_areas_ = read_store_areas(path, fingerprint))) break;
    }
    if (!prepared_ && store_areas_)
        if (auto it = store_areas_->find(region.id); it != store_areas_->end()) return it->second;
    // The whole store, which says why its areas were not used (damaged: rebuilt with a warning), not
    // a region's row alone, which is checked by its own checksum and would hide a damaged table.
    prepared();
    const RegionShape& s = shape(region);
    return {s.area_km2, s.gaps_km2};
}

const RegionShape& Document::membership(const PlanRegion& region) {
    if (auto it = shapes_.find(region.id); it != shapes_.end()) return it->second;
    if (auto it = memberships_.find(region.id); it != memberships_.end()) return it->second;
    RegionShape m = region_membership(region, province_units(), prefecture_units(), membership_counties());
    return memberships_.emplace(region.id, std::move(m)).first->second;
}

std::vector<const RegionShape*> Document::memberships() {
    std::vector<const RegionShape*> out;
    for (const PlanRegion& r : plan().regions) out.push_back(&membership(r));
    return out;
}

std::vector<const RegionShape*> Document::shapes() {
    prepared();  // every region: the whole store in one read, not row by row
    std::vector<const RegionShape*> out;
    for (const PlanRegion& r : plan().regions) out.push_back(&shape(r));
    return out;
}

namespace {

/// Document::region_neighbours computed from the units' coordinates: `regions` in plan order, their
/// units pointing into `units`.
std::vector<std::pair<std::size_t, std::size_t>> neighbour_pairs(const RegionLayer& units,
                                                                 const std::vector<const RegionShape*>& regions) {
    // Prefecture-level units are neighbours when they have vertices in one cell of a 0.02 degree grid
    // (about 2 km: shared borders, and generalised ones that nearly meet); regions are neighbours when
    // they share a unit or have neighbouring units. Linear in the vertices, where GEOS distances
    // between the regions' unions took seconds.
    std::unordered_map<VertexKey, std::vector<std::uint32_t>, VertexKeyHash> cells;
    for (std::size_t u = 0; u < units.regions.size(); ++u)
        for (const Polygon& polygon : units.regions[u].geometry)
            for (const LonLat& p : polygon.outer) {
                std::vector<std::uint32_t>& in = cells[vertex_key(std::round(p.lon * 50), std::round(p.lat * 50))];
                if (in.empty() || in.back() != u) in.push_back(static_cast<std::uint32_t>(u));
            }
    std::vector<std::set<std::uint32_t>> touching(units.regions.size());
    for (const auto& [cell, list] : cells)
        for (std::uint32_t a : list)
            for (std::uint32_t b : list)
                if (a != b) touching[a].insert(b);
    std::vector<std::vector<bool>> reach(regions.size(), std::vector<bool>(units.regions.size(), false));
    for (std::size_t r = 0; r < regions.size(); ++r)
        for (const Region* u : regions[r]->units) {
            auto i = static_cast<std::size_t>(u - units.regions.data());
            reach[r][i] = true;
            for (std::uint32_t n : touching[i]) reach[r][n] = true;
        }
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < regions.size(); ++i)
        for (std::size_t j = i + 1; j < regions.size(); ++j)
            if (std::any_of(regions[j]->units.begin(), regions[j]->units.end(), [&](const Region* u) {
                    return reach[i][static_cast<std::size_t>(u - units.regions.data())];
                }))
                pairs.emplace_back(i, j);
    return pairs;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> Document::compute_region_neighbours() {
    const RegionLayer& units = prefectures();  // the coordinates, into the units the memberships point to
    return neighbour_pairs(units, memberships());
}

const std::vector<std::pair<std::size_t, std::size_t>>& Document::region_neighbours() {
    if (neighbours_) return *neighbours_;
    // Kept with the region shapes (computed with them), so that drawing needs no unit's coordinates.
    std::vector<std::pair<std::size_t, std::size_t>> pairs = prepared().neighbours;
    const std::size_t n = plan().regions.size();
    if (std::any_of(pairs.begin(), pairs.end(), [n](const auto& p) { return p.first >= p.second || p.second >= n; }))
        pairs = compute_region_neighbours();  // a store of this fingerprint has the plan's regions; checked anyway
    neighbours_ = std::move(pairs);
    return *neighbours_;
}

const SearchIndex& Document::search() {
    if (!search_) search_.emplace(&province_units(), &prefecture_units(), &plan(), county_attributes(), &places());
    return *search_;
}

// An id or exact name needs no search index (a tenth of `show`'s time is building it).
const PlanRegion& Document::region(const std::string& query) {
    if (const PlanRegion* r = plan().region(query)) return *r;
    std::string note;
    const PlanRegion& r = resolve_region(plan(), search(), query, &note);
    if (!note.empty()) warnings_.push_back(note);
    return r;
}

const Industry& Document::industry(const std::string& query) {
    if (const Industry* i = plan().industry(query)) return *i;
    std::string note;
    const Industry& i = resolve_industry(plan(), search(), query, &note);
    if (!note.empty()) warnings_.push_back(note);
    return i;
}

void Document::add_warnings(const std::vector<std::string>& more) { add_once(warnings_, more); }

}  // namespace atlas
