#pragma once
/// Options that `view` and `render` share to set up what the map shows: a session file, industries,
/// a compare set, a choropleth of province coverage or of the user's CSV. They resolve to a Session.

#include <string>
#include <vector>

#include "context.hpp"
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
};

/// Adds --session, --industry (repeatable), --compare (repeatable), --choropleth, --data, --data-key,
/// --column, --classes, --method and --no-legend to a subcommand.
void add_figure_options(CLI::App* command, FigureArgs& args);

/// The session: read from --session (or the defaults), then the given options on top. Names are
/// resolved like everywhere (ids, names, aliases, did-you-mean); the result is checked against the
/// document. --data alone implies --choropleth data.
Session resolve_session(Context& ctx, const FigureArgs& args);

}  // namespace atlas::cli
