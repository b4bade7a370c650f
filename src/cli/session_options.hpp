#pragma once
/// Options that `view` and `render` share to set up what the map shows: a session file, industries,
/// a compare set, a choropleth of province coverage or of the user's CSV. They resolve to a Session.

#include <memory>
#include <string>
#include <vector>

#include "context.hpp"
#include "io/user_data.hpp"
#include "scene/session.hpp"

namespace CLI {
class App;
}

namespace atlas::cli {

struct FigureArgs {
    std::string session, data, data_key, data_separator, column, method = "quantile", choropleth;
    int classes = 5;
    std::vector<std::string> industries, compare;
    bool no_legend = false;
    bool table_from_points = false;  ///< render --points gives the choropleth's table (not an option)
};

/// Adds --session, --industry (repeatable), --compare (repeatable), --choropleth, --data, --data-key,
/// --column, --classes, --method and --no-legend to a subcommand.
void add_figure_options(CLI::App* command, FigureArgs& args);

/// The session: read from --session (or the defaults), then the given options on top. Names are
/// resolved like everywhere (ids, names, aliases, did-you-mean); the result is checked against the
/// document. --data alone implies --choropleth data.
/// The session's CSV when its choropleth is user data (null otherwise), its notes printed; a column
/// the session file names that the table lacks is AtlasError(Input) naming the file and key.
std::unique_ptr<UserTable> load_figure_data(Context& ctx, const FigureArgs& a, const Session& s);

Session resolve_session(Context& ctx, const FigureArgs& args);

/// Refuses (AtlasError(Usage), naming the option and what it needs) a figure option that would
/// change nothing in `s`, the resolved session: --column, --classes or --method without a table to
/// class, --data-key without --data, --data or points under another choropleth, --compare with
/// --industry or under a choropleth, --industry under the data choropleth. `points`: the command
/// counts points for the choropleth (render --points). What `view` and `render` both take.
void refuse_figure_options_without_effect(const CLI::App& cmd, const FigureArgs& a, const Session& s, bool points);

}  // namespace atlas::cli
