#pragma once
/// The page of a figure: its format (from the file name), its size in figure pixels, and what each
/// format makes of it: a PNG of so many device pixels at a DPI, or an SVG or PDF page in points (72 to
/// the inch). A figure given in pixels (--size) is laid out at 96 figure pixels to the inch (CSS
/// pixels: the screen's); a print size at 120, so that the 15-pixel label font sets at 9 pt on paper,
/// the size of a map's text in print, and the map keeps its room on a column-wide figure.

#include <optional>
#include <string>

namespace atlas {

enum class FigureFormat { Png, Svg, Pdf };

/// The format a file name asks for, by its extension (.png, .svg, .pdf, any case). Throws
/// AtlasError(Usage) naming the file otherwise, and for "-" (a figure is a file).
FigureFormat figure_format(const std::string& output);

/// Figure pixels to the inch of a print size (--paper, --width-mm).
inline constexpr double kPrintPixelsPerInch = 120;

/// What the user asked for: a paper (a4, a3, letter), or a width in millimetres, or neither (the
/// size in pixels). Every value given is checked: -1 is a bad width, not "none".
struct PageRequest {
    std::string paper;  ///< "", "a4", "a3", "letter" (any case)
    bool landscape = false;
    std::optional<double> width_mm;
    std::optional<double> dpi;
    int width_px = 1600, height_px = 1200;  ///< --size (or the session's); the aspect for width_mm
};

struct FigurePage {
    FigureFormat format = FigureFormat::Png;
    int width = 1600, height = 1200;                ///< figure pixels (1/96 in): the layout's size
    int device_width = 1600, device_height = 1200;  ///< PNG pixels
    double scale = 1;                               ///< device pixels per figure pixel (dpi / 96)
    double width_pt = 1200, height_pt = 900;        ///< SVG and PDF page
    double dpi = 96;
};

/// The page for a request. Throws AtlasError(Usage) with one line naming the value for an unknown
/// paper, a width outside 20 to 2000 mm, a DPI outside 72 to 1200, --dpi without a paper or width
/// (with --size alone the PNG is that many pixels), both --paper and --width-mm, --landscape without
/// --paper (a width's page turns with --size), or a PNG over 8192 pixels a side (naming the highest
/// DPI that fits).
FigurePage figure_page(FigureFormat format, const PageRequest& request);

}  // namespace atlas
