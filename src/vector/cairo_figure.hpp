#pragma once
/// Figures drawn by cairo: the map of a session into SVG or PDF, or into a PNG raster, in the same
/// order and style as the GL PNG (scene/map_paint.hpp, scene/label_paint.hpp, scene/furniture.hpp),
/// with text set in Noto Sans CJK SC (as text, embedded as a subset, in SVG and PDF). Needs no GL: a
/// build without the viewer writes these too, and a PNG drawn so starts no GL driver.

#include <string>
#include <vector>

#include "document.hpp"
#include "io/user_data.hpp"
#include "scene/figure_page.hpp"
#include "scene/furniture.hpp"
#include "scene/session.hpp"

namespace atlas::vector {

/// Writes the session's map as the PNG `output`, `page`'s device pixels (the session's size when
/// null), drawn by cairo's image backend (analytic antialiasing, no multisampled targets): RGB, 8 bits
/// a channel (the figure is opaque, so cairo writes no alpha channel). Throws as write_vector_figure
/// does; Usage for a matrix figure (drawn by GL only). Returns where the legend did not fit the map
/// even in small type and what it and the scale block hide (scene/furniture.hpp paint_furniture). `cut_texts`, when
/// given, receives the texts cut to three lines (scene/furniture.hpp cut_figure_texts).
FurnitureFit write_raster_figure(Document& doc, const Session& session, const UserTable* data,
                                 const std::string& output, bool force, const FigurePage* page = nullptr,
                                 std::vector<std::string>* cut_texts = nullptr);

/// Writes the session's map as the SVG or PDF `output` names (its extension), on `page` (the
/// session's size at 96 dpi when null): written whole into memory, then into a new file renamed into
/// place (existing files are kept unless `force`). Throws AtlasError as prepare_figure does, Usage
/// for a matrix figure (drawn as PNG only), Output when the file cannot be written. Returns as
/// write_raster_figure does.
FurnitureFit write_vector_figure(Document& doc, const Session& session, const UserTable* data,
                                 const std::string& output, bool force, const FigurePage* page = nullptr,
                                 std::vector<std::string>* cut_texts = nullptr);

}  // namespace atlas::vector
