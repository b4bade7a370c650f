#pragma once
/// The interactive viewer: a GLFW window with an OpenGL 3.3 core context, the map, and ImGui panels.

#include "document.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

/// Runs until the window closes (or options.frames frames). Throws AtlasError(Usage) when no
/// window can be opened (no display, no OpenGL 3.3), naming the alternative (`render`).
void run_viewer(Document& doc, const ViewerOptions& options);

}  // namespace atlas::viewer
