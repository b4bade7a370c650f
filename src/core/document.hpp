#pragma once
/// The facade the CLI and the viewer share: the boundary layers, the plan and everything derived
/// from them, each loaded or computed on first use and kept. Not thread-safe.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/region_shapes.hpp"
#include "analysis/search.hpp"
#include "io/region_reader.hpp"
#include "model/plan.hpp"

namespace atlas {

struct DocumentSources {
    LayerSpec provinces;
    LayerSpec prefectures;
    std::string plan_path;
};

/// Sources of the bundled data (geodata/china.gpkg and geodata/plan.json).
DocumentSources bundled_sources();

class Document {
  public:
    explicit Document(DocumentSources sources) : sources_(std::move(sources)) {}

    const DocumentSources& sources() const { return sources_; }

    /// Loaded on first use; per-feature repairs are added to warnings(). Throws AtlasError.
    const RegionLayer& provinces();
    const RegionLayer& prefectures();
    /// The plan file, validated against the layers.
    const Plan& plan();
    /// The shape of one region (built on first use) or of all of them, in plan order.
    const RegionShape& shape(const PlanRegion& region);
    std::vector<const RegionShape*> shapes();
    /// Search over provinces, prefectures, regions and industries.
    const SearchIndex& search();
    /// What the user typed, as a region or industry; AtlasError(NotFound) with suggestions otherwise.
    const PlanRegion& region(const std::string& query);
    const Industry& industry(const std::string& query);
    /// Warnings gathered while loading (repaired geometries, assumed CRS).
    const std::vector<std::string>& warnings() const { return warnings_; }

  private:
    RegionShape build_shape(const PlanRegion& region);

    DocumentSources sources_;
    std::optional<RegionLayer> provinces_;
    std::optional<RegionLayer> prefectures_;
    std::optional<Plan> plan_;
    std::map<std::string, RegionShape> shapes_;
    std::optional<SearchIndex> search_;
    std::vector<std::string> warnings_;
};

}  // namespace atlas
