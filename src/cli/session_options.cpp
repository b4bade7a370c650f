#include "session_options.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "analysis/classify.hpp"
#include "analysis/point_count.hpp"
#include "error.hpp"
#include "scene/figure.hpp"
#include "text/escape.hpp"

namespace atlas::cli {

void add_figure_options(CLI::App* cmd, FigureArgs& args) {
    cmd->add_option("--session", args.session,
                    "Session file saved by the viewer (camera, layers, filters, choropleth)");
    cmd->add_option("--industry", args.industries,
                    "Industry (id or name): its regions highlighted; repeat for a count choropleth of several");
    cmd->add_option("--compare", args.compare,
                    "Region to compare (repeat: 2 to 4); only these are drawn, overlap hatched");
    cmd->add_option("--choropleth", args.choropleth, "none, province-coverage or data");
    cmd->add_option("--data", args.data,
                    "CSV keyed by province, prefecture or (with the county layer) county-level code, drawn as a "
                    "classed choropleth");
    cmd->add_option("--data-key", args.data_key, "Key column of --data (default: code, adcode, ... or the first)");
    cmd->add_option("--data-separator", args.data_separator,
                    "Separator of --data: \",\", \";\" or tab (default: whichever the header uses)");
    cmd->add_option("--column", args.column, "Numeric column of --data to draw (default: the first)");
    cmd->add_option("--classes", args.classes, "Number of classes, 2 to 9")->capture_default_str();
    cmd->add_option("--method", args.method, "Classes: quantile, equal or natural (Jenks)")->capture_default_str();
    cmd->add_flag("--no-legend", args.no_legend, "Leave the legend out");
}

namespace {

/// The data options that were given; the defaults too when there is no session to keep its own.
void apply_data_options(const FigureArgs& a, Session& s) {
    bool fresh = a.session.empty();
    if (!a.data.empty()) {
        const std::string previous = s.data.path;
        std::error_code ec;
        s.data.path = std::filesystem::absolute(a.data, ec).string();
        s.data.named_by.clear();  // the user chose this file
        if (a.choropleth.empty()) s.choropleth = ChoroplethKind::UserData;
        // The session's column, key and separator were its own file's: over another file the first
        // numeric column is drawn (its 'area_km2' was looked for in the new table), unless given here.
        if (s.data.path != previous) s.data.column.clear(), s.data.key_column.clear(), s.data.separator.clear();
        s.data.points_by.clear(), s.data.points_value.clear();  // a table, not points
    }
    if (!a.data_key.empty()) s.data.key_column = a.data_key;
    if (!a.data_separator.empty()) {
        if (a.data_separator != "," && a.data_separator != ";" && a.data_separator != "tab" && a.data_separator != "\t")
            throw AtlasError(ErrorKind::Usage,
                             "--data-separator must be \",\", \";\" or tab, not " + quote_value(a.data_separator, 20));
        s.data.separator = a.data_separator == "\t" ? "tab" : a.data_separator;
    }
    if (!a.column.empty()) s.data.column = a.column;
    if (a.classes < 2 || a.classes > 9)
        throw AtlasError(ErrorKind::Usage, "--classes must be 2 to 9, not " + std::to_string(a.classes));
    if (fresh || a.classes != 5) s.data.classes = a.classes;
    if (fresh || a.method != "quantile") s.data.method = to_string(parse_class_method(a.method));
}

}  // namespace

std::unique_ptr<UserTable> load_figure_data(Context& ctx, const FigureArgs& a, const Session& s) {
    std::unique_ptr<UserTable> data = load_session_data(ctx.doc(), s);
    if (!data) return data;
    // The notes once the column is found: a refused command says one line.
    auto print_notes = [&] { std::cerr << note_lines(data->notes); };
    if (s.data.column.empty()) {
        print_notes();
        return data;
    }
    try {
        data->column(s.data.column);
    } catch (const AtlasError& e) {
        // A column the session file names is a fault of that file (exit 3, file and key named);
        // one typed as --column stays a usage error.
        // The headers of a file a session names are its content: not listed (as its values are not).
        // A points' table is ours (counts per unit), not the file's: its columns are named.
        const std::string what =
            !s.data.points_by.empty()
                ? escape_controls(s.data.path) + ": the points' table has no column " + quote_value(s.data.column, 40) +
                      " (it has " + join(point_table_columns(s.data.points_value), ", ") +
                      (s.data.points_value.empty() ? "; sum_ and mean_ need 'data.points_value'" : "") + ")"
            : s.data.named_by.empty() ? e.message()
                                      : escape_controls(s.data.path) + ": no numeric column " +
                                            quote_value(s.data.column, 40) + " (its headers are not shown)";
        if (a.column.empty() && !a.session.empty())
            throw AtlasError(ErrorKind::Input, a.session + ": 'data.column': " + what);
        throw AtlasError(e.kind(), what);
    }
    print_notes();
    return data;
}

namespace {

/// What the options typed make of the session, said in the options' names: check_session says it in
/// a session file's keys ("'compare' needs 2 to 4 regions"), which the command line has none of.
void check_given_options(const FigureArgs& a, const Session& s) {
    if (!a.compare.empty() && (s.compare.size() < 2 || s.compare.size() > 4))
        throw AtlasError(ErrorKind::Usage, "--compare needs 2 to 4 regions (--compare A --compare B ...), not " +
                                               std::to_string(s.compare.size()));
    for (std::size_t i = 0; i < s.compare.size() && !a.compare.empty(); ++i)
        if (std::count(s.compare.begin(), s.compare.end(), s.compare[i]) > 1)
            throw AtlasError(ErrorKind::Usage, "--compare names region " + quote_value(s.compare[i]) + " twice");
    if (!a.choropleth.empty() && s.choropleth == ChoroplethKind::UserData && s.data.path.empty() &&
        !a.table_from_points)
        throw AtlasError(ErrorKind::Usage, "--choropleth data needs --data FILE (or --points FILE)");
}

}  // namespace

/// A figure draws one thing (a choropleth, else a comparison, else industries): what the session
/// holds that would hide what is typed over it is replaced, with a note. `render --session S
/// --industry X` over a session's comparison drew the comparison without a word.
void replace_what_typed_hides(const FigureArgs& a, Session& s) {
    auto note = [&](const std::string& typed, const std::string& key) {
        std::cerr << "note: " << typed << " replaces " << escape_controls(a.session) << "'s '" << key << "'\n";
    };
    const bool choropleth_typed =
        !a.data.empty() || a.table_from_points ||
        (!a.choropleth.empty() && parse_choropleth_kind(a.choropleth) != ChoroplethKind::None);
    if (!s.compare.empty() && a.compare.empty() && (choropleth_typed || !a.industries.empty())) {
        note(choropleth_typed ? (a.data.empty() ? (a.table_from_points ? "--points" : "--choropleth") : "--data")
                              : "--industry",
             "compare");
        s.compare.clear();
    }
    if (a.compare.empty()) return;
    if (s.choropleth != ChoroplethKind::None && !choropleth_typed && a.choropleth.empty()) {
        note("--compare", "choropleth");  // as ticking a region to compare does in the viewer
        s.choropleth = ChoroplethKind::None;
    }
    if (!s.industries.empty() && a.industries.empty()) {
        note("--compare", "industries");
        s.industries.clear();
    }
}

Session resolve_session(Context& ctx, const FigureArgs& a) {
    std::vector<std::string> warnings;
    Session s = a.session.empty() ? Session{} : read_session(a.session, &warnings);
    for (const std::string& w : warnings) std::cerr << "warning: " << bounded_message(w) << '\n';
    if (!a.session.empty()) check_session(ctx.doc(), s, a.session, !ctx.projection_given());
    if (!a.session.empty()) replace_what_typed_hides(a, s);
    if (!a.industries.empty()) s.industries.clear();
    for (const std::string& name : a.industries) {  // one industry named twice (by id and in Chinese) is one
        const std::string& id = ctx.industry(name).id;
        if (std::find(s.industries.begin(), s.industries.end(), id) == s.industries.end()) s.industries.push_back(id);
    }
    if (!a.compare.empty()) {
        s.compare.clear();
        for (const std::string& name : a.compare) s.compare.push_back(ctx.region(name).id);
    }
    if (!a.choropleth.empty()) s.choropleth = parse_choropleth_kind(a.choropleth);
    // render --points gives the table after the session is resolved (and sets the choropleth then).
    if (a.table_from_points && s.choropleth == ChoroplethKind::UserData && s.data.path.empty())
        s.choropleth = ChoroplethKind::None;
    apply_data_options(a, s);
    if (a.no_legend) s.show_legend = false;
    if (ctx.projection_given()) s.projection = ctx.data.projection;
    check_given_options(a, s);
    check_session(ctx.doc(), s, a.session.empty() ? "command line" : a.session, false);  // --projection: checked
    return s;
}

void refuse_figure_options_without_effect(const CLI::App& cmd, const FigureArgs& a, const Session& s, bool points) {
    auto given = [&](const char* name) { return cmd.get_option(name)->count() > 0; };
    auto refuse = [](const std::string& what) { throw AtlasError(ErrorKind::Usage, what); };
    const bool table = s.choropleth == ChoroplethKind::UserData && !s.data.path.empty();
    for (const char* o : {"--data-key", "--data-separator"}) {
        if (given(o) && points) refuse(std::string(o) + " reads --data; --points are counted per unit: drop it");
        if (given(o) && !table) refuse(std::string(o) + " reads --data: give --data FILE, or drop it");
    }
    for (const char* o : {"--column", "--classes", "--method"})
        if (given(o) && !table && !points)
            refuse(std::string(o) + " classes the --data choropleth: give --data FILE" +
                   (cmd.get_name() == "render" ? " (or --points FILE)" : "") + ", or drop it");
    if ((given("--data") || points) && given("--choropleth") &&
        parse_choropleth_kind(a.choropleth) != ChoroplethKind::UserData)
        refuse(std::string(points ? "--points" : "--data") + " is drawn by --choropleth data, and --choropleth " +
               a.choropleth + " leaves it out: drop one");
    const bool choropleth = s.choropleth != ChoroplethKind::None || points;
    if (given("--compare") && given("--industry") && !choropleth)
        refuse("--compare draws the compared regions, not --industry's: choose one");
    if (given("--compare") && choropleth)
        refuse("--compare is not drawn under a choropleth (--data, " + std::string(points ? "--points " : "") +
               "or --choropleth): choose one");
    if (given("--industry") && s.choropleth == ChoroplethKind::UserData)
        refuse("--industry is not drawn under the --data" +
               std::string(cmd.get_name() == "render" ? " or --points" : "") + " choropleth: choose one");
}

}  // namespace atlas::cli
