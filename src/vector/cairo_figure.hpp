#pragma once
/// Figures as vectors: the map of a session drawn through cairo into SVG or PDF, in the same order
/// and style as the PNG (scene/map_paint.hpp, scene/label_paint.hpp, scene/furniture.hpp), with text
/// set as text in Noto Sans CJK SC (embedded as a subset in PDF). Needs no GL: a build without the
/// viewer writes these too.

#include <string>

#include "document.hpp"
#include "io/user_data.hpp"
#include "scene/figure_page.hpp"
#include "scene/session.hpp"

namespace atlas::vector {

/// Writes the session's map as the SVG or PDF `output` names (its extension), on `page` (the
/// session's size at 96 dpi when null): written whole into memory, then into a new file renamed into
/// place (existing files are kept unless `force`). Throws AtlasError as prepare_figure does, Usage
/// for a matrix figure (drawn as PNG only), Output when the file cannot be written.
void write_vector_figure(Document& doc, const Session& session, const UserTable* data, const std::string& output,
                         bool force, const FigurePage* page = nullptr);

}  // namespace atlas::vector
