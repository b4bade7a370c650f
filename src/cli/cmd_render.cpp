// `clusteratlas render -o map.png|svg|pdf`: the map drawn headless, by GL (EGL) into a PNG or by
// cairo into SVG and PDF.
#include <cairo.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>

#include "cairo_figure.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "error.hpp"
#include "io/input_file.hpp"
#include "io/interrupt.hpp"
#include "io/output_file.hpp"
#include "io/pg_connection.hpp"
#include "option_values.hpp"
#include "points_run.hpp"
#include "render_backend.hpp"
#include "scene/figure.hpp"
#include "scene/figure_page.hpp"
#include "session_options.hpp"
#include "text/escape.hpp"
#include "text/i18n.hpp"
#include "text/join.hpp"
#include "text/utf8.hpp"

namespace atlas::cli {

namespace {

struct RenderArgs {
    std::string output, size = "1600x1200", layers, lang = "en";
    std::vector<std::string> regions;
    bool force = false;
    FigureArgs figure;
    PageRequest page;
    std::string title, subtitle, credit, inset;
    std::string save_session;  ///< --save-session FILE: the figure's session, to reopen or redraw
    PointsRequest points;      ///< --points FILE: counted per unit for the choropleth, drawn as dots
    std::string points_by = "prefecture";
    std::string renderer = default_png_renderer();  ///< who draws a PNG: gl (EGL, as the viewer) or cairo
    bool no_title = false, no_subtitle = false, no_credit = false, no_scale_bar = false, no_north_arrow = false;
    double width_mm = 0, dpi = 0;  ///< read into page only when given: -1 is a value to refuse
    CLI::Option* width_mm_option = nullptr;
    CLI::Option* dpi_option = nullptr;
    CLI::Option* size_option = nullptr;
    CLI::Option* lang_option = nullptr;
    CLI::Option* title_option = nullptr;
    CLI::Option* subtitle_option = nullptr;
    CLI::Option* credit_option = nullptr;
};

/// A text of the command line drawn on the figure: valid UTF-8 without control characters.
void check_figure_text(const char* option, const std::string& text) {
    if (!valid_utf8(text) || text.size() > 4096 || has_controls(text))
        throw AtlasError(ErrorKind::Usage, std::string(option) + " " + quote_value(text, 40) +
                                               ": must be one line of UTF-8 text, at most 4,096 bytes");
}

/// The command line's furniture on top of the session's.
void apply_furniture(const RenderArgs& a, FurnitureSettings& f) {
    if (a.title_option->count() > 0) check_figure_text("--title", a.title), f.title = a.title;
    if (a.subtitle_option->count() > 0) check_figure_text("--subtitle", a.subtitle), f.subtitle = a.subtitle;
    if (a.credit_option->count() > 0) check_figure_text("--credit", a.credit), f.credit = a.credit;
    if (a.no_title) f.show_title = false;
    if (a.no_subtitle) f.show_subtitle = false;
    if (a.no_credit) f.show_credit = false;
    if (a.no_scale_bar) f.show_scale_bar = false;
    if (a.no_north_arrow) f.show_north_arrow = false;
    if (!a.inset.empty()) f.inset = a.inset, f.inset_named_by.clear();  // the user chose this file
}

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

/// --points-value drawn by neither of its columns (sum_VALUE, mean_VALUE): the figure was the same
/// without it (--column points). Throws AtlasError(Usage); an empty value passes.
void refuse_value_not_drawn(const std::string& value, const std::string& column) {
    const std::string drawn = ascii_lower(column);
    if (value.empty() || drawn == ascii_lower("sum_" + value) || drawn == ascii_lower("mean_" + value)) return;
    throw AtlasError(ErrorKind::Usage, "--points-value " + quote_value(value, 40) + " is drawn by --column sum_" +
                                           value + " or mean_" + value + ", not " + quote_value(column, 40) +
                                           ": give one of them, or drop --points-value");
}

/// --points: the points counted per unit, as the choropleth's table (its column: --column, else the
/// density), with a sample to draw as dots.
std::unique_ptr<UserTable> points_data(Context& ctx, const RenderArgs& args, Session& s) {
    if (!args.figure.data.empty())
        throw AtlasError(ErrorKind::Usage, "--points and --data both give the choropleth's table: choose one");
    // A choropleth's units tile the map (regions overlap, industries are not places): refused before
    // the points are counted (`--points-by region` counted them, then refused).
    const std::string& by = args.points_by;
    if (by != "province" && by != "prefecture" && by != "county")
        throw AtlasError(ErrorKind::Usage, "--points-by " + quote_value(by, 40) +
                                               ": a choropleth's units are province, prefecture or county");
    PointLevel level = parse_point_level(by, "--points-by");
    // `points` names a PostGIS table with --table; render has no such option, and said "--table".
    if (is_pg_connection(args.points.path))
        throw AtlasError(ErrorKind::Usage,
                         "--points reads a file of points here; for a PostGIS table, write its "
                         "counts with 'clusteratlas points PG:... --table T -o counts.csv' and "
                         "draw them with --data counts.csv");
    // The column is known before the file is counted: a wrong --column is one line, at once. With
    // --points-value and no --column, the map is of the sum (the value was asked for).
    const std::string& value = args.points.options.value_column;
    std::string column = !args.figure.column.empty() ? args.figure.column
                         : !value.empty()            ? "sum_" + value
                                                     : "per_1000_km2";
    std::vector<std::string> columns = point_table_columns(value);
    auto same = [&](const std::string& c) { return ascii_lower(c) == ascii_lower(column); };  // as UserTable::column
    if (std::none_of(columns.begin(), columns.end(), same))
        throw AtlasError(ErrorKind::Usage,
                         "--column " + quote_value(column, 40) + ": the points' table has " + join(columns, ", ") +
                             (value.empty() && (column.rfind("sum_", 0) == 0 || column.rfind("mean_", 0) == 0)
                                  ? " (sum_ and mean_ need --points-value COLUMN)"
                                  : ""));
    refuse_value_not_drawn(value, column);
    CountedPoints counted = count_points(ctx, args.points, level);
    print_summary(std::cerr, counted, level);
    std::unique_ptr<UserTable> table =
        point_table(*counted.units, counted.tally, level, counted.info.path, counted.info.value_column);
    s.choropleth = ChoroplethKind::UserData;
    s.data.path = args.points.path;
    s.data.points_by = by;
    s.data.points_value = value;
    s.data.key_column.clear(), s.data.separator.clear();  // a table's options (a session's): points take none
    if (!args.points.datum.empty()) s.data.points_datum = args.points.datum;
    s.data.named_by.clear();
    s.data.column = column;
    table->column(s.data.column);  // a column it does not have: one line naming those it has
    return table;
}

/// --save-session: the session the figure was drawn from, its files named by absolute paths (a
/// session reads relative ones against its own folder), so that `render --session FILE` draws the
/// same figure and `view --session FILE` opens it.
/// --save-session, written whole before the figure is drawn into a temporary file beside it and put
/// in place after the figure: both or neither (on a full disk the figure was written, then the
/// session failed, exit 4, and the figure stayed). Its files are named by absolute paths (a session
/// reads relative ones against its own folder).
class PendingSession {
  public:
    PendingSession(Session s, const std::string& path) : path_(path) {
        if (path.empty()) return;
        std::error_code ec;
        if (!s.data.path.empty()) s.data.path = std::filesystem::absolute(s.data.path, ec).string();
        if (!s.furniture.inset.empty()) s.furniture.inset = std::filesystem::absolute(s.furniture.inset, ec).string();
        temp_.emplace(path);
        file_ = temp_->file("session.json");
        write_new_file(file_, session_json(s), path);
    }
    void commit(bool force) {
        if (!temp_) return;
        forget_input_file(path_, "session file");  // saving a session over itself updates it
        commit_file(file_, path_, force, "session");
        std::cerr << "wrote " << path_ << " (the figure's session: render --session or view --session opens it)\n";
    }

  private:
    std::string path_, file_;
    std::optional<TempFolder> temp_;
};

/// What a saved session cannot keep, said in one warning each rather than dropped without a word:
/// the data sources (--counties none redrew with the counties) and the page (--width-mm 120 at 300
/// dpi drew 1417x1063; the session says 567x425, its size in figure pixels).
void warn_not_kept(const Context& ctx, const CLI::App& cmd, const std::string& path, const Session& s) {
    const DataOptions& d = ctx.data;
    const DataOptions defaults;
    std::vector<std::string> sources;
    if (!d.geodata.empty()) sources.push_back("--geodata");
    if (d.provinces_layer != defaults.provinces_layer || d.prefectures_layer != defaults.prefectures_layer ||
        d.code_field != defaults.code_field || d.name_field != defaults.name_field ||
        d.name_en_field != defaults.name_en_field || d.province_field != defaults.province_field)
        sources.push_back("the layer and field options");
    if (!d.counties.empty()) sources.push_back("--counties");
    if (!d.plan.empty()) sources.push_back("--plan");
    if (d.datum != defaults.datum) sources.push_back("--datum");
    if (!sources.empty())
        std::cerr << "warning: " << escape_controls(path) << ": a session keeps the figure, not its data sources ("
                  << join(sources, ", ") << "): give them again with render --session or view --session\n";
    std::vector<std::string> page;
    for (const char* o : {"--paper", "--width-mm", "--dpi", "--landscape"})
        if (cmd.get_option(o)->count() > 0) page.push_back(o);
    if (!page.empty())
        std::cerr << "warning: " << escape_controls(path) << ": a session keeps the figure's size in pixels ("
                  << s.width << "x" << s.height << "), not " << join(page, ", ")
                  << ": give them again with render --session\n";
}

/// An option the figure would not use is refused, naming it and what it needs: `--column x` without
/// --data, `--points-value` without --points, `--region` under --compare, drew the same map as if
/// never typed, and the user took it for their figure.
void refuse_options_without_effect(const CLI::App& cmd, const RenderArgs& a, const Session& s) {
    auto given = [&](const char* name) { return cmd.get_option(name)->count() > 0; };
    auto refuse = [](const std::string& what) { throw AtlasError(ErrorKind::Usage, what); };
    const bool points = !a.points.path.empty();
    // A session's points (the viewer's "count points") are summed as --points' are.
    const bool session_points = s.choropleth == ChoroplethKind::UserData && !s.data.points_by.empty();
    for (const char* o :
         {"--points-by", "--points-datum", "--points-value", "--points-lon", "--points-lat", "--max-outside"})
        if (given(o) && !points && !(session_points && std::string(o) == "--points-value"))
            refuse(std::string(o) + " is an option of --points: give --points FILE, or drop it");
    refuse_figure_options_without_effect(cmd, a.figure, s, points);
    if (given("--paper") && given("--size"))
        refuse("--paper sets the page's size: --size does nothing with it (--width-mm takes --size's aspect)");
    if (given("--dpi") && figure_format(a.output) != FigureFormat::Png)
        refuse("--dpi sets a PNG's resolution; " + quote_value(a.output) + " is drawn as vectors: drop it");
    if (a.renderer != "gl" && a.renderer != "cairo")
        refuse("bad --renderer " + quote_value(a.renderer) + " (use gl or cairo)");
    if (given("--renderer") && figure_format(a.output) != FigureFormat::Png)
        refuse("--renderer chooses who draws a PNG; " + quote_value(a.output) +
               " is drawn by cairo as vectors: drop it");
    if (given("--compare") && given("--region"))
        refuse("--compare draws only the compared regions: --region does nothing with it");
    // Only the regions and hubs layers are filtered by them: with both hidden the map was the same.
    for (const char* o : {"--region", "--compare"})
        if (given(o) && !s.show_regions && !s.show_hubs)
            refuse(std::string(o) +
                   " picks regions to draw, and neither the regions nor the hubs layer is drawn: "
                   "add regions to --layers, or drop it");
    // A session names the points' columns lon and lat by header: it could not redraw these.
    for (const char* o : {"--points-lon", "--points-lat"})
        if (given(o) && given("--save-session"))
            refuse(std::string(o) +
                   " cannot be kept in a session (it reads the points' lon and lat columns by name): "
                   "rename the columns, or drop --save-session");
    if (given("--no-title") && given("--title")) refuse("--title and --no-title: choose one");
    if (given("--no-subtitle") && given("--subtitle")) refuse("--subtitle and --no-subtitle: choose one");
    if (given("--no-credit") && given("--credit")) refuse("--credit and --no-credit: choose one");
    refuse_stdout_target("--save-session", a.save_session, "a session", "figure.json");
    refuse_same_output("-o", a.output, "--save-session", a.save_session);
    // An output that is one of the inputs, refused before anything is drawn (the figure was written,
    // then its session refused): the files typed here, and those the session names.
    for (const std::string* input :
         {&a.points.path, &a.figure.data, &a.figure.session, &a.inset, &s.data.path, &s.furniture.inset})
        for (const std::string* output : {&a.output, &a.save_session}) refuse_named_input(*output, *input);
    // A session is JSON: "s.png" held JSON that no image viewer opens (-o's name picks its format).
    if (!a.save_session.empty() && ascii_lower(std::filesystem::path(a.save_session).extension().string()) != ".json")
        refuse("--save-session " + quote_value(a.save_session, 60) + ": a session is JSON; name it .json");
}

/// The figure of a session (from --session, or the defaults), with the command line on top: size,
/// language, layers and regions given here override the file's.
/// A figure's size as the user gave it: device pixels for a PNG, millimetres for SVG and PDF.
std::string figure_size_words(FigureFormat format, const FigurePage& page) {
    char size[96];
    if (format == FigureFormat::Png)
        std::snprintf(size, sizeof size, "%dx%d", page.device_width, page.device_height);
    else
        std::snprintf(size, sizeof size, "%.1f x %.1f mm", page.width_pt / 72 * 25.4, page.height_pt / 72 * 25.4);
    return size;
}

/// Warnings for a figure too small for its furniture: the legend over the title or credit, the
/// legend or scale block over what the figure shows (no place for them was clear), texts cut. Drawn
/// all the same: the figure is the user's to judge. `paper`: sized by --paper or --width-mm, whose
/// type is set in points (more pixels do not help).
void warn_figure_room(const std::string& output, const std::string& size, bool paper, const DrawnFigure& drawn) {
    std::string file = "warning: " + escape_controls(output) + ": ";
    std::string larger =
        paper ? "--width-mm or --paper (the type is set in points: more pixels do not help)" : "--size";
    if (!drawn.fit.legend_inside)
        std::cerr << file << "the legend does not fit this " << size
                  << " map even in small type; it covers the title, inset or credit: give a larger " << larger
                  << ", fewer --regions, or --no-legend\n";
    else if (drawn.fit.legend_hides != Hidden::Nothing)
        std::cerr << file << "no corner of this " << size << " map is clear for the legend: it hides "
                  << hidden_words(drawn.fit.legend_hides) << ": give a larger " << larger << ", or --no-legend\n";
    if (drawn.fit.scale_hides != Hidden::Nothing)
        std::cerr << file << "no place on this " << size
                  << " map is clear for the scale bar and north arrow: they hide "
                  << hidden_words(drawn.fit.scale_hides) << ": give a larger " << larger << ", or --no-scale-bar\n";
    for (const std::string& text : drawn.cut_texts)  // drawn with "...": the user's words are theirs to shorten
        std::cerr << file << "the " << text
                  << " is cut to three lines on this figure (it ends in \"...\"): shorten it, "
                  << "or give a larger " << (paper ? "--width-mm or --paper" : "--size") << '\n';
}

/// A session holding more than one figure draws one of them (a choropleth, else a comparison, else
/// industries), as the viewer does; what it leaves out is said, since the file asks for it (a viewer
/// keeps its compare set under data loaded after it).
void warn_session_not_drawn(const std::string& session, const Session& s) {
    if (session.empty()) return;
    // Its table under another colouring: drawn as a plain map without a word, its column unchecked.
    if (!s.data.path.empty() && s.choropleth != ChoroplethKind::UserData)
        std::cerr << "warning: " << escape_controls(session) << ": its 'data' ("
                  << escape_controls(std::filesystem::path(s.data.path).filename().string())
                  << ") is not drawn: its 'choropleth' is '" << to_string(s.choropleth)
                  << "' (give --choropleth data to draw it)\n";
    if (s.compare.empty()) return;
    const bool choropleth = s.choropleth != ChoroplethKind::None;
    if (!choropleth && s.industries.empty()) return;
    std::cerr << "warning: " << escape_controls(session) << ": "
              << (choropleth ? "its 'compare' is not drawn under its choropleth: the figure is the choropleth"
                             : "its 'industries' are not drawn beside its 'compare': the figure is the comparison")
              << " (give --compare, --industry or --choropleth to choose)\n";
}

/// Layers that would draw nothing of what the options pick: a figure of China with its title and
/// nothing else, exit 0. With the regions layer off, --region and --compare draw only their hub
/// cities ("Hub cities of Beijing-Tianjin-Hebei" over a bare map: it has none); --layers counties
/// without a county layer draws no county.
void refuse_layers_drawing_nothing(Context& ctx, const RenderArgs& a, const Session& s) {
    std::vector<std::string> layers = split(a.layers);
    if (std::find(layers.begin(), layers.end(), "counties") != layers.end() && !ctx.doc().has_counties())
        throw AtlasError(ErrorKind::Usage,
                         "--layers counties: there is no county layer to draw (" +
                             std::string(ctx.data.counties == "none" ? "--counties none" : "none was built") +
                             "); give --counties FILE, or other layers");
    if (s.show_regions || !s.show_hubs) return;  // regions drawn, or refused without hubs (above)
    std::vector<std::string> picked = a.regions;
    picked.insert(picked.end(), a.figure.compare.begin(), a.figure.compare.end());
    if (picked.empty()) return;
    std::vector<std::string> without;
    for (const std::string& name : picked)
        if (const PlanRegion& r = ctx.region(name); r.hubs.empty()) without.push_back(r.name_en);
    if (without.size() == picked.size())
        throw AtlasError(ErrorKind::Usage,
                         "with the regions layer off only the hub cities of the regions picked are "
                         "drawn, and " +
                             join(without, ", ") + (without.size() == 1 ? " has none" : " have none") +
                             ": add regions to --layers");
}

void run_render(Context& ctx, const CLI::App& cmd, const RenderArgs& args) {
    // SIGINT, SIGTERM and SIGHUP during the (long) drawing: nothing written, exit 4, as for export.
    install_interrupt_cleanup();
    Session s = resolve_session(ctx, args.figure);
    if (!args.layers.empty()) {
        std::vector<std::string> layers = split(args.layers);
        if (layers.empty())
            throw AtlasError(ErrorKind::Usage, "--layers " + quote_value(args.layers) + " names no layer");
        show_only_layers(s, layers);
    }
    refuse_options_without_effect(cmd, args, s);
    refuse_layers_drawing_nothing(ctx, args, s);
    // The session's points summed: the sum is the map unless --column says otherwise.
    if (args.points.path.empty() && !args.points.options.value_column.empty()) {
        s.data.points_value = args.points.options.value_column;
        s.data.points_value_typed = true;
        if (args.figure.column.empty()) s.data.column = "sum_" + s.data.points_value;
        refuse_value_not_drawn(s.data.points_value, s.data.column);
    }
    ctx.check_projection(s.projection);
    bool from_file = !args.figure.session.empty();
    // A session without "size" draws at --size's default, as --help says (it drew the viewer's 1400x900).
    if (!from_file || args.size_option->count() > 0 || !s.size_given) parse_size(args.size, s.width, s.height);
    if (!from_file || args.lang_option->count() > 0) s.english = parse_english(args.lang);
    set_language(s.english ? Language::English : Language::Chinese);  // the legend's words
    warn_session_not_drawn(args.figure.session, s);
    if (!args.regions.empty() && args.figure.compare.empty() && !s.compare.empty()) {
        // The comparison draws only its regions: the ones picked here were not drawn.
        std::cerr << "note: --region replaces " << escape_controls(args.figure.session) << "'s 'compare'\n";
        s.compare.clear();
    }
    for (const PlanRegion& r : ctx.plan().regions)
        if (!args.regions.empty()) s.regions[r.id].visible = false;
    for (const std::string& name : args.regions) s.regions[ctx.region(name).id].visible = true;
    apply_furniture(args, s.furniture);
    // The page: its format from the file name, its size from --paper or --width-mm (figure pixels at
    // 96 dpi) or from the session's pixels.
    FigureFormat format = figure_format(args.output);
    PageRequest request = args.page;
    if (args.width_mm_option->count() > 0) request.width_mm = args.width_mm;
    if (args.dpi_option->count() > 0) request.dpi = args.dpi;
    request.width_px = s.width, request.height_px = s.height;
    FigurePage page = figure_page(format, request);
    s.width = page.width, s.height = page.height;
    // An existing figure is refused before the points are read and summed (their summary came first).
    check_target(args.output, args.force,
                 format == FigureFormat::Png   ? "PNG"
                 : format == FigureFormat::Svg ? "SVG"
                                               : "PDF");
    if (!args.save_session.empty()) check_target(args.save_session, args.force, "session");
    std::unique_ptr<UserTable> data =
        args.points.path.empty() ? load_figure_data(ctx, args.figure, s) : points_data(ctx, args, s);
    PendingSession session(s, args.save_session);
    std::optional<CommitGroup> pair;  // the figure and its session: both in place, or a signal waits
    if (!args.save_session.empty()) pair.emplace();
    bool gl = format == FigureFormat::Png && args.renderer == "gl";
    DrawnFigure drawn{"cairo " + std::string(cairo_version_string())};
    if (gl)
        drawn = draw_figure_png(ctx.doc(), s, data.get(), args.output, args.force, page);
    else if (format == FigureFormat::Png)
        drawn.fit =
            vector::write_raster_figure(ctx.doc(), s, data.get(), args.output, args.force, &page, &drawn.cut_texts);
    else
        drawn.fit =
            vector::write_vector_figure(ctx.doc(), s, data.get(), args.output, args.force, &page, &drawn.cut_texts);
    ctx.print_new_warnings();
    std::string size = figure_size_words(format, page);
    warn_figure_room(args.output, size, !request.paper.empty() || request.width_mm, drawn);
    std::string resolution =
        format == FigureFormat::Png && page.dpi != 96 ? ", " + std::to_string(static_cast<int>(page.dpi)) + " dpi" : "";
    // A matrix is a table, not a map: no projection to report.
    std::string what = s.figure == FigureKind::Matrix ? "coverage matrix" : s.projection;
    std::cerr << "wrote " << args.output << " (" << size << resolution << ", " << what << ", " << drawn.renderer
              << ")\n";
    if (args.save_session.empty()) return;
    session.commit(args.force);
    warn_not_kept(ctx, cmd, args.save_session, s);
}

}  // namespace

void register_render(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<RenderArgs>();
    CLI::App* cmd = app.add_subcommand("render", "Draw the map headless into a PNG, SVG or PDF");
    cmd->add_option("-o,--output", args->output, "Figure to write: .png, .svg or .pdf")->required();
    args->size_option = cmd->add_option("--size", args->size, "WIDTHxHEIGHT in pixels")->capture_default_str();
    std::vector<std::string> layer_names;
    for (const LayerSwitch& l : map_layers()) layer_names.push_back(l.name);
    cmd->add_option("--layers", args->layers,
                    "Layers to draw, comma-separated: " + join(layer_names, ", ") +
                        " (default: all but pilot_zones and new_districts)");
    cmd->add_option("--region", args->regions, "Show only this region (id or name; repeatable)");
    args->lang_option = cmd->add_option("--lang", args->lang, "Label language: en or zh")->capture_default_str();
    add_figure_options(cmd, args->figure);
    cmd->add_option("--renderer", args->renderer,
                    "Who draws a PNG: gl (OpenGL through EGL, as the viewer draws; the default where the "
                    "viewer is built) or cairo (no GL driver: less time and under half the memory; SVG and "
                    "PDF are always cairo's)")
        ->capture_default_str();
    cmd->add_option("--points", args->points.path,
                    "Your points (CSV or any GDAL point source): a choropleth of them per unit, and dots");
    cmd->add_option("--points-by", args->points_by, "Units of the points' choropleth: province, prefecture or county")
        ->capture_default_str();
    cmd->add_option("--points-datum", args->points.datum, "Datum of the points: wgs84, gcj02 or bd09");
    cmd->add_option("--points-value", args->points.options.value_column, "A numeric column of the points to sum");
    args->points.options.value_option = "--points-value";  // named so in its messages
    cmd->add_option("--points-lon", args->points.options.lon_column,
                    "Longitude column of --points (default: found by name: lon, lng, long, longitude, 经度, x)");
    cmd->add_option("--points-lat", args->points.options.lat_column,
                    "Latitude column of --points (default: found by name: lat, latitude, 纬度, y)");
    args->points.options.lon_option = "--points-lon", args->points.options.lat_option = "--points-lat";
    args->points.by_option = "--points-by";
    cmd->add_option("--max-outside", args->points.max_outside_pct,
                    "Percent of the points that may lie outside every unit")
        ->capture_default_str();
    cmd->add_option("--paper", args->page.paper, "Print size: a4, a3 or letter (portrait; see --landscape)");
    cmd->add_flag("--landscape", args->page.landscape,
                  "Turn the --paper a quarter (a --width-mm page takes --size's shape)");
    args->width_mm_option =
        cmd->add_option("--width-mm", args->width_mm, "Print width in millimetres (height from --size's aspect)");
    args->dpi_option = cmd->add_option("--dpi", args->dpi, "PNG resolution for --paper or --width-mm (default 300)");
    args->title_option = cmd->add_option("--title", args->title, "Title over the map (default: what it shows)");
    args->subtitle_option = cmd->add_option("--subtitle", args->subtitle, "Subtitle (default: the plan)");
    args->credit_option = cmd->add_option("--credit", args->credit, "Credit line (default: the sources and your file)");
    cmd->add_flag("--no-title", args->no_title, "No title");
    cmd->add_flag("--no-subtitle", args->no_subtitle, "No subtitle");
    cmd->add_flag("--no-credit", args->no_credit, "No credit line (the sources go back into the legend)");
    cmd->add_flag("--no-scale-bar", args->no_scale_bar, "No scale bar");
    cmd->add_flag("--no-north-arrow", args->no_north_arrow, "No north arrow");
    cmd->add_option("--inset", args->inset,
                    "Vector layer (any GDAL format) drawn in an inset at the bottom right, framing its extent: "
                    "the South China Sea islands and line, which the bundled data lacks");
    cmd->add_option("--save-session", args->save_session,
                    "Also write the figure's session (JSON): render --session or view --session opens it");
    cmd->add_flag("--force", args->force, "Replace an existing file");
    cmd->callback([&ctx, args, cmd] {
        args->figure.table_from_points = !args->points.path.empty();
        run_render(ctx, *cmd, *args);
    });
}

}  // namespace atlas::cli
