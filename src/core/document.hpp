#pragma once
/// The facade the CLI and the viewer share: the boundary layers, the plan and everything derived
/// from them, each loaded or computed on first use and kept. Not thread-safe.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/place_shapes.hpp"
#include "analysis/region_shapes.hpp"
#include "analysis/search.hpp"
#include "io/region_reader.hpp"
#include "model/plan.hpp"
#include "store/detail_levels.hpp"
#include "store/rounding_memo.hpp"
#include "store/shape_store.hpp"
#include "store/units_memo.hpp"

namespace atlas {

struct DocumentSources {
    LayerSpec provinces;
    LayerSpec prefectures;
    std::string plan_path;
    std::optional<LayerSpec> counties;  ///< the county layer, when there is one
    std::string places_dir;             ///< the plan's places (io/place_reader.hpp); empty: none
};

/// Sources of the bundled data (geodata/china.gpkg and geodata/plan.json), with the county layer
/// built on this machine when there is one (io/data_paths.hpp county_layer_path).
DocumentSources bundled_sources();

class Document {
  public:
    explicit Document(DocumentSources sources) : sources_(std::move(sources)) {}

    const DocumentSources& sources() const { return sources_; }

    /// Loaded whole on first use; per-feature repairs are added to warnings(). Throws AtlasError.
    const RegionLayer& provinces();
    const RegionLayer& prefectures();
    /// The same layers' units with codes, names, parents, areas and label points, and their geometry
    /// only when it is loaded or the layer's stored values cannot be trusted (LayerSpec::attributes_only):
    /// what plan checks, listings, membership and search need, without reading every coordinate. One
    /// layer object either way: a later provinces() or prefectures() fills in the geometry of these very
    /// units, so pointers to them stay valid. Throws AtlasError, also when the layer and its attribute
    /// table disagree on the units.
    const RegionLayer& province_units();
    const RegionLayer& prefecture_units();
    /// The county layer, loaded on first use; null when the sources have none. Throws AtlasError.
    const RegionLayer* counties();
    /// The county layer's codes, names, parents, areas and label points without their geometry
    /// (LayerSpec::attributes_only; the whole layer when it is loaded, or when the layer's stored
    /// values cannot be trusted): what name search, code checks, labels and listings need, at a tenth
    /// of the cost. Null without a county layer. Throws AtlasError.
    const RegionLayer* county_attributes();
    /// The county layer's count of units, their total area and its name, from the summary kept with
    /// its units (store/units_memo.hpp) where there is one, else from county_attributes; nothing
    /// without a county layer. Throws AtlasError as county_attributes.
    std::optional<UnitsSummary> county_summary();
    /// The county-level units whose parent is one of `prefecture_codes`, or whose code is one of
    /// `county_codes` (six-digit codes), read alone when the whole county layer is not loaded (an
    /// attribute filter: a fraction of the cost); empty without a county layer. Throws AtlasError.
    RegionLayer county_subset(const std::vector<std::string>& prefecture_codes,
                              const std::vector<std::string>& county_codes = {});
    /// Whether the sources name a county layer (nothing is read).
    bool has_counties() const { return sources_.counties.has_value(); }
    /// The counties that shape the plan's regions and places: those of the prefectures a partial
    /// member with a county scope stands for, and those the new districts name. The whole layer when
    /// it is loaded, else just those (county_subset); null without a county layer. What region and
    /// place shapes and their store's fingerprint need, at a fraction of the whole layer's cost.
    const RegionLayer* shaping_counties();
    /// The attributes (no geometry) of the counties the partial members' county lists name or lie
    /// in: what region membership (`list`, `show`, `compare`) needs, a few dozen of 2,868 units. The
    /// whole layer (or all its attributes) when loaded already or when the layer has no parent field
    /// to filter on; null without a county layer. Throws AtlasError.
    const RegionLayer* membership_counties();
    /// The prefecture-level units (codes) of the partial members whose counties a source lists.
    std::vector<std::string> partial_member_prefectures();
    /// The counties simplified for drawing (io/county_build.hpp kCountyDisplayLayer), one per county
    /// in the same order; the exact layer when the source has no such layer; null without counties.
    const RegionLayer* county_display();
    /// The plan's pilot zones and new districts (AtlasError(Input) when their files are bad); a code no
    /// layer has is a warning. Empty when the sources name no folder or it does not exist.
    const PlaceSet& places();
    /// The shape of one of places(): its union, label and area from the prepared-data store (as
    /// shape()), its units looked up by code.
    const PlaceShape& place_shape(const Place& place);
    /// The plan file, validated against the layers.
    const Plan& plan();
    /// The shape of one region or of all of them, in plan order. The unions, label anchors and areas
    /// of every region come from the prepared-data store (store/shape_store.hpp) on first use: the
    /// one shipped with the bundled data, else the cache, else they are computed (reporting to
    /// set_progress) and kept in the cache; a damaged store or an unwritable cache is a warning.
    const RegionShape& shape(const PlanRegion& region);
    /// The region's ellipsoidal area (km²) as shape() gives it, read from the store's geometry-free
    /// table when no shape is loaded yet (store/shape_store.hpp read_store_areas): what `list regions`
    /// prints without reading 3.4 MB of region geometry. Throws AtlasError as shape() does.
    double region_area_km2(const PlanRegion& region);
    /// region_area_km2 with the part of it that is gaps between members filled by the union.
    StoredArea region_areas(const PlanRegion& region);
    std::vector<const RegionShape*> shapes();
    /// The membership part of one region's shape (analysis/region_shapes.hpp region_membership: member
    /// units, provinces, partial area, hub units), with its geometry, label and area left empty
    /// unless shape() has loaded them: what coverage shares and reports need without reading the
    /// prepared store's 3.4 MB of region geometry. Throws AtlasError as shape() does.
    const RegionShape& membership(const PlanRegion& region);
    /// membership() of every region, in plan order.
    std::vector<const RegionShape*> memberships();
    /// Pairs (i < j) of plan region indices that touch or overlap: they share a prefecture-level unit,
    /// or units of theirs have vertices within one 0.02 degree cell (about 2 km, allowing for
    /// generalised borders). Computed once, in time linear in the vertices: what the region palette
    /// keeps apart.
    const std::vector<std::pair<std::size_t, std::size_t>>& region_neighbours();
    /// The same computed from the prefecture-level units' coordinates (read whole), not the store.
    std::vector<std::pair<std::size_t, std::size_t>> compute_region_neighbours();
    /// Search over provinces, prefectures, regions and industries.
    const SearchIndex& search();
    /// What the user typed, as a region or industry; AtlasError(NotFound) with suggestions otherwise.
    /// A near miss (not an id, name or alias) is read as the best match and said in warnings().
    const PlanRegion& region(const std::string& query);
    const Industry& industry(const std::string& query);
    /// Where an export finds and keeps what rounding did to a layer's polygons (store/rounding_memo.hpp):
    /// the cache folder; a damaged memo or an unwritable cache is added to warnings().
    RoundingMemoAccess rounding_memo_access();
    /// Warnings gathered while loading (repaired geometries, assumed CRS, stores rebuilt).
    const std::vector<std::string>& warnings() const { return warnings_; }
    /// Adds warnings about an input read beside the document (an inset's layer), each said once.
    void add_warnings(const std::vector<std::string>& more);
    /// Called as prepared data is computed when no store has it: (what, "region shapes", "place shapes" or "levels of
    /// detail"; steps done; steps in all).
    using Progress = std::function<void(const std::string& what, std::size_t done, std::size_t total)>;
    void set_progress(Progress progress) { progress_ = std::move(progress); }
    /// The region shapes' store: where it was read from, or "computed" (and where it was kept).
    const std::string& store_origin() const { return store_origin_; }
    /// Computes every region's shape (no store read) and returns what a store holds.
    PreparedShapes compute_prepared_shapes();
    /// The fingerprint of this document's inputs (shapes_fingerprint).
    std::string shapes_fingerprint();
    /// The coarsest pyramid level whose tolerance (metres) is at most `tolerance_m`, with its triangles:
    /// from the levels store beside the shapes store (store/detail_levels.hpp), found, computed and
    /// kept as the shapes are. Its geometry at tolerance 0 is the layers' and shapes' own.
    const DetailLevel& detail_level(double tolerance_m);
    /// Where the levels were read from, or "computed" (and where they were kept).
    const std::string& levels_origin() const { return levels_origin_; }
    /// Computes every level (no store read), as a levels store holds them.
    DetailLevels compute_detail_levels();

  private:
    /// A boundary layer as far as it has been read (province_units, provinces).
    struct LayerSlot {
        std::optional<RegionLayer> layer;
        bool whole = false;  ///< its geometry is read
    };
    const RegionLayer& read_layer(LayerSlot& slot, const LayerSpec& spec, UnitLevel level, bool geometry);
    const PreparedShapes& prepared();
    DetailSources detail_sources();
    /// One entry a feature of each layer (a level read from a store).
    bool fits_layers(const DetailLevel& level);

    DocumentSources sources_;
    LayerSlot provinces_, prefectures_;
    std::optional<RegionLayer> counties_, county_display_, shaping_counties_, county_attributes_, membership_counties_;
    std::optional<PlaceSet> places_;
    std::map<std::string, PlaceShape> place_shapes_;
    std::optional<Plan> plan_;
    std::optional<PreparedShapes> prepared_;
    std::optional<AreasById> store_areas_;  ///< read_store_areas, once tried
    bool store_areas_tried_ = false;
    std::map<std::string, RegionShape> shapes_;
    std::map<std::string, RegionShape> memberships_;  ///< regions whose shape is not loaded
    Progress progress_;
    std::string store_origin_;
    std::map<double, DetailLevel> levels_;  ///< by tolerance, as read or computed
    std::string fingerprint_;
    std::string levels_origin_;
    std::optional<SearchIndex> search_;
    std::optional<std::vector<std::pair<std::size_t, std::size_t>>> neighbours_;
    std::vector<std::string> warnings_;
};

}  // namespace atlas
