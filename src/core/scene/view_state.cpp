#include "scene/view_state.hpp"

namespace atlas {

std::string figure_key(const Session& session) {
    Session s = session;
    s.has_camera = false;
    s.width = s.height = 16;
    s.show_compare_window = s.show_matrix_window = s.split_view = false;
    s.projection.clear();
    s.selected_region.clear();
    s.selected_prefecture.clear();
    return session_json(s);
}

void ViewState::note_changes() {
    std::string figure = figure_key(session);
    std::string selection = session.selected_region + '\n' + session.selected_prefecture;
    if (!noted_ || session.projection != seen_projection_) ++projection_generation;
    if (!noted_ || figure != seen_figure_) ++figure_generation;
    if (!noted_ || selection != seen_selection_) ++selection_generation;
    seen_projection_ = session.projection;
    seen_figure_ = std::move(figure);
    seen_selection_ = std::move(selection);
    noted_ = true;
}

}  // namespace atlas
