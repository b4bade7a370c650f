#pragma once
/// The labels a map can show (provinces, regions, hub cities) with their anchors projected once,
/// turned into candidates for a view. Text is measured by the caller's font.

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "document.hpp"
#include "scene/camera.hpp"
#include "scene/labels.hpp"
#include "scene/scene.hpp"
#include "scene/style.hpp"

namespace atlas {

enum LabelKind { kProvinceLabel = 0, kRegionLabel = 1, kHubLabel = 2 };

using MeasureText = std::function<std::pair<double, double>(const std::string&)>;

class LabelSource {
  public:
    LabelSource(Document& doc, const Scene& scene);
    /// Candidates for the camera and style (hidden layers and regions give none).
    std::vector<LabelCandidate> candidates(const Camera& camera, const MapStyle& style,
                                           const MeasureText& measure) const;
    /// Every distinct string any label may show (to bake font glyphs).
    std::vector<std::string> all_texts() const;

  private:
    struct Anchor {
        std::string en, zh;
        double x, y;                         ///< metres, relative to the scene origin
        double area_km2;                     ///< larger first among equals
        int index;                           ///< region index for regions
        std::vector<std::uint32_t> regions;  ///< for hubs: the regions naming them
    };
    std::vector<Anchor> provinces_, regions_, hubs_;
};

}  // namespace atlas
