#include "scene/figure_page.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "error.hpp"
#include "io/output_file.hpp"
#include "text/escape.hpp"
#include "text/number.hpp"
#include "text/utf8.hpp"

namespace atlas {

namespace {

std::string number(double v) { return short_number(v); }

/// Paper sizes in millimetres, portrait (ISO 216; US Letter is 8.5 x 11 in).
bool paper_mm(const std::string& name, double& w, double& h) {
    if (name == "a4")
        w = 210, h = 297;
    else if (name == "a3")
        w = 297, h = 420;
    else if (name == "letter")
        w = 215.9, h = 279.4;
    else
        return false;
    return true;
}

}  // namespace

FigureFormat figure_format(const std::string& output) {
    if (output == "-")
        throw AtlasError(ErrorKind::Usage, "a figure is written to a file, not to stdout: give -o NAME.png");
    refuse_folder(output, "figure", "map.png");
    std::string extension = ascii_lower(std::filesystem::path(output).extension().string());
    if (extension == ".png") return FigureFormat::Png;
    if (extension == ".svg") return FigureFormat::Svg;
    if (extension == ".pdf") return FigureFormat::Pdf;
    throw AtlasError(ErrorKind::Usage,
                     quote_value(output) + ": a figure is written as PNG, SVG or PDF; name it .png, .svg or .pdf");
}

FigurePage figure_page(FigureFormat format, const PageRequest& r) {
    FigurePage page;
    page.format = format;
    std::string paper = ascii_lower(r.paper);
    const bool width_given = r.width_mm.has_value(), dpi_given = r.dpi.has_value();
    double w_mm = 0, h_mm = 0;
    if (!paper.empty() && width_given)
        throw AtlasError(ErrorKind::Usage, "--paper and --width-mm both set the width: give one");
    if (!paper.empty() && !paper_mm(paper, w_mm, h_mm))
        throw AtlasError(ErrorKind::Usage, "--paper " + quote_value(r.paper) + ": not a paper size (a4, a3, letter)");
    if (width_given && !(*r.width_mm >= 20 && *r.width_mm <= 2000))
        throw AtlasError(ErrorKind::Usage, "--width-mm " + number(*r.width_mm) + ": must be 20 to 2000 millimetres");
    if (dpi_given && !(*r.dpi >= 72 && *r.dpi <= 1200))
        throw AtlasError(ErrorKind::Usage, "--dpi " + number(*r.dpi) + ": must be 72 to 1200");
    if (r.landscape && paper.empty())
        throw AtlasError(ErrorKind::Usage, "--landscape turns a --paper; a page of --width-mm takes --size's shape");
    if (r.width_px < 16 || r.height_px < 16 || r.width_px > 8192 || r.height_px > 8192)
        throw AtlasError(ErrorKind::Usage, "image size " + std::to_string(r.width_px) + "x" +
                                               std::to_string(r.height_px) + ": must be 16 to 8192 pixels a side");
    if (paper.empty() && !width_given) {
        if (dpi_given)
            throw AtlasError(ErrorKind::Usage,
                             "--dpi needs --paper or --width-mm (with --size alone the PNG is that many pixels)");
        page.width = page.device_width = r.width_px;
        page.height = page.device_height = r.height_px;
        page.width_pt = r.width_px * 0.75, page.height_pt = r.height_px * 0.75;
        return page;
    }
    if (width_given) w_mm = *r.width_mm, h_mm = *r.width_mm * r.height_px / r.width_px;
    if (r.landscape) std::swap(w_mm, h_mm);
    page.dpi = dpi_given ? *r.dpi : (format == FigureFormat::Png ? 300 : kPrintPixelsPerInch);
    page.scale = page.dpi / kPrintPixelsPerInch;
    page.width = static_cast<int>(std::lround(w_mm / 25.4 * kPrintPixelsPerInch));
    page.height = static_cast<int>(std::lround(h_mm / 25.4 * kPrintPixelsPerInch));
    page.device_width = static_cast<int>(std::lround(w_mm / 25.4 * page.dpi));
    page.device_height = static_cast<int>(std::lround(h_mm / 25.4 * page.dpi));
    page.width_pt = w_mm / 25.4 * 72, page.height_pt = h_mm / 25.4 * 72;
    // The page's layout, not --size, is what is drawn: said in the options the user gave ("image
    // size 945x2" named a size no one typed).
    if (page.width < 16 || page.height < 16)
        throw AtlasError(ErrorKind::Usage,
                         (width_given ? "--width-mm " + number(*r.width_mm) + " with --size " +
                                            std::to_string(r.width_px) + "x" + std::to_string(r.height_px) + "'s shape"
                                      : "--paper " + quote_value(r.paper)) +
                             " gives a " + number(w_mm) + " x " + number(h_mm) + " mm page laid out at " +
                             std::to_string(page.width) + " x " + std::to_string(page.height) +
                             " pixels; each side needs 16: give a --size nearer the page's shape");
    if (format == FigureFormat::Png && (page.device_width > 8192 || page.device_height > 8192)) {
        auto most = static_cast<int>(std::floor(8192 / (std::max(w_mm, h_mm) / 25.4)));
        throw AtlasError(ErrorKind::Usage,
                         "a " + number(w_mm) + " x " + number(h_mm) + " mm PNG at " + number(page.dpi) + " dpi is " +
                             std::to_string(page.device_width) + " x " + std::to_string(page.device_height) +
                             " pixels; the most is 8192 a side: --dpi " + std::to_string(most) + " at most");
    }
    return page;
}

}  // namespace atlas
