#pragma once
/// The viewer's view state, kept apart from everything derived from it (as tangram-es and MapLibre
/// Native keep their view state apart from the render state): the session (what the map shows:
/// layers, projection, selection, colouring, compare set, language) and the camera.
///
/// Each input has a generation counter that grows by one at every change. What is derived (the
/// scene at a level of detail, the style and legend, the cached map image, the GPU's copy of the
/// scene) records the generations it was built from and is rebuilt exactly when they differ: one
/// number per input instead of a dirty flag per pair of producer and consumer, so that no consumer
/// can clear a change another has not seen yet.

#include <cstdint>
#include <string>

#include "scene/camera.hpp"
#include "scene/session.hpp"

namespace atlas {

/// How many changes an input has had (0: never seen). Derived state stores the value it was built
/// from; equal values mean up to date.
using Generation = std::uint64_t;

struct ViewState {
    Session session;  ///< panels edit it in place; note_changes then raises the generations
    Camera camera;    ///< scene metres and framebuffer pixels; moves are compared, not counted

    Generation projection_generation = 0;  ///< session.projection
    Generation figure_generation = 0;      ///< what the style and legend are composed from (figure_key)
    Generation selection_generation = 0;   ///< session.selected_region and selected_prefecture

    /// Compares the session with what was last noted and raises the generation of each part that
    /// changed (the first call raises all three). Called once a frame before derived state is
    /// brought up to date; cheap (the figure key is the session's JSON without camera and selection).
    void note_changes();
    /// Forces the next recomposition of the figure although the session did not change (a file the
    /// session names was edited on disk and must be read again).
    void touch_figure() { ++figure_generation; }

  private:
    std::string seen_projection_, seen_figure_, seen_selection_;
    bool noted_ = false;
};

/// The session's settings that the style and legend depend on, as one string: everything but the
/// camera, window size, projection, open windows and selection (a click must not recompute a
/// choropleth; the selection is applied on its own).
std::string figure_key(const Session& session);

}  // namespace atlas
