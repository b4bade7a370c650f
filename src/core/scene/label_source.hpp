#pragma once
/// The labels a map can show (regions, wider areas, hub cities, provinces, prefecture seats) with their
/// anchors projected once, turned into candidates for a view. Text is measured by the caller's font.
/// A hierarchy: regions are placed first and largest, then hubs, wider areas, provinces, and, once
/// zoomed in past kCityLabelsBelowMpp, the prefecture seats; hub dots are obstacles no label covers.

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

enum LabelKind {
    kProvinceLabel = 0,
    kRegionLabel = 1,
    kHubLabel = 2,
    kWideAreaLabel = 3,  ///< economic belts and region groups
    kCityLabel = 4,      ///< prefecture seats
    kHubDot = 5,         ///< an empty box over a hub marker: keeps labels off it, draws nothing
    kCountyLabel = 6,    ///< county-level units (with a county layer), the lowest priority
    kPlaceLabel = 7,     ///< national new districts, when shown
};

/// Text size of a kind of label relative to the label font (the hierarchy in size).
double label_scale(int kind);

/// Prefecture seats are labelled at scales finer than this (metres per pixel).
inline constexpr double kCityLabelsBelowMpp = 1800;
/// County-level names show from this zoom in (metres per pixel), larger counties first.
inline constexpr double kCountyLabelsBelowMpp = 450;

using MeasureText = std::function<std::pair<double, double>(const std::string&)>;

class LabelSource {
  public:
    LabelSource(Document& doc, const Scene& scene);
    /// Candidates for the camera (device pixels) and style (hidden layers and regions give none).
    /// `scale`: device pixels per figure pixel (300/96 for a 300 dpi print): hub markers grow with
    /// it, and the zooms at which cities and counties are named are read in figure pixels.
    std::vector<LabelCandidate> candidates(const Camera& camera, const MapStyle& style, const MeasureText& measure,
                                           double scale = 1) const;
    /// Every distinct string any label may show (to bake font glyphs).
    std::vector<std::string> all_texts() const;

  private:
    struct Anchor {
        std::string en, zh;
        SceneXY at;
        double area_km2;                     ///< larger first among equals
        int index;                           ///< region index for regions
        std::vector<std::uint32_t> regions;  ///< for hubs: the regions naming them
    };
    std::vector<Anchor> provinces_, regions_, hubs_, cities_, counties_, districts_;
};

}  // namespace atlas
