// Export dialog: layer, filter, format, precision, simplification and path; runs the same
// export_layers as `clusteratlas export` and shows the result (path, features, size) or the error.
// Also saves the figure (map, legend and furniture) as PNG, SVG or PDF.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "error.hpp"
#include "io/data_export.hpp"
#include "io/export.hpp"
#include "io/vector_writer.hpp"
#include "panels.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

const char* const kDataLayer = "data (your table joined to its units)";

struct ExportDialog {
    int layer = 2;   ///< index into export_layer_names() (2: regions)
    int filter = 0;  ///< 0 all, 1 the selected region, 2 the compare set, 3 the selected industry
    int format = 0;  ///< index into file_formats() (0: GeoJSON)
    int precision = 6;
    float simplify_m = 0;
    bool force = false;
    std::string path = "clusteratlas-export.geojson";
    int pending = 0;  ///< frames until the export runs (1: "exporting" has been shown)
    bool was_open = false;
};

/// The export formats that write a file (the viewer has no PostgreSQL connection dialog).
const std::vector<ExportFormat>& file_formats() {
    static const std::vector<ExportFormat> formats = [] {
        std::vector<ExportFormat> out;
        for (const ExportFormat& f : export_formats())
            if (*f.extension != '\0') out.push_back(f);
        return out;
    }();
    return formats;
}

/// The layers the dialog offers: the plan's, then the session's table joined to its units when one
/// is loaded (what its choropleth shows).
std::vector<std::string> layer_choices(const ViewerState& state) {
    std::vector<std::string> out = export_layer_names();
    if (state.data) out.push_back(kDataLayer);
    return out;
}

/// ImGui::Combo's item getter over a list of names.
bool layer_name(void* names, int i, const char** out) {
    *out = (*static_cast<std::vector<std::string>*>(names))[static_cast<std::size_t>(i)].c_str();
    return true;
}

bool format_name(void*, int i, const char** out) {
    *out = file_formats()[static_cast<std::size_t>(i)].driver;
    return true;
}

std::string layer_at(const ViewerState& state, const ExportDialog& d) {
    std::vector<std::string> names = layer_choices(state);
    return names[std::min(names.size() - 1, static_cast<std::size_t>(d.layer))];
}
const char* const kFilters[] = {"every region", "the selected region", "the compare set",
                                "the selected industry's regions"};

}  // namespace

namespace {

ExportDialog& dialog() {
    static ExportDialog d;  // the dialog's own settings live as long as the window
    return d;
}

ExportRequest request_for(ViewerState& state, const ExportDialog& d) {
    ExportRequest r;
    if (layer_at(state, d) != kDataLayer) r.layers = parse_export_layers(layer_at(state, d));
    const Session& s = state.session;
    if (r.layers.empty()) {  // the joined table: every unit of its level, whatever the filter
    } else if (d.filter == 1) {
        if (s.selected_region.empty())
            throw AtlasError(ErrorKind::Usage, tr("no region selected (click one on the map)"));
        r.regions = {s.selected_region};
    } else if (d.filter == 2) {
        if (s.compare.empty()) throw AtlasError(ErrorKind::Usage, tr("the compare set is empty (open it with C)"));
        r.regions = s.compare;
    } else if (d.filter == 3) {
        if (s.industries.size() != 1) throw AtlasError(ErrorKind::Usage, tr("select exactly one industry first"));
        r.industry = s.industries[0];
    }
    r.driver = file_formats()[static_cast<std::size_t>(d.format)].driver;
    r.precision = d.precision;
    r.simplify_m = d.simplify_m;
    r.output = d.path;
    r.force = d.force;
    return r;
}

void run_export(ViewerState& state, const ExportDialog& d) {
    try {
        ExportRequest request = request_for(state, d);
        ExportResult result =
            !request.layers.empty() ? export_layers(state.doc, request) : export_tables(request, 1, [&] {
                return std::vector<OutLayer>{user_data_layer(state.doc, *state.data)};
            });
        state.export_result = tr("wrote ") + result.path + ": " + std::to_string(result.features) +
                              (result.features == 1 ? tr(" feature, ") : tr(" features, ")) +
                              std::to_string(result.bytes) + tr(" bytes (") + result.driver + ")";
    } catch (const AtlasError& e) {
        state.export_result = std::string(tr("error: ")) + dialog_remedy(e.what());
    }
    state.message = state.export_result;
}

void format_combo(ExportDialog& d) {
    int before = d.format;
    ImGui::Combo(tr("format"), &d.format, format_name, nullptr, static_cast<int>(file_formats().size()));
    if (before == d.format) return;
    // Keep the file name, change the extension to the format's.
    d.path = std::filesystem::path(d.path)
                 .replace_extension(file_formats()[static_cast<std::size_t>(d.format)].extension)
                 .string();
}

/// The figure: format (by the file's extension), the texts and furniture over the map, and the path.
void figure_section(ViewerState& state) {
    ImGui::TextUnformatted(tr("Figure: the map with its legend, as the render command draws it"));
    static const char* const kExtensions[] = {".png", ".svg", ".pdf"};
    std::filesystem::path path(state.figure_path);
    std::string ext = path.extension().string();
    int format = ext == ".svg" ? 1 : ext == ".pdf" ? 2 : 0;
    ImGui::SetNextItemWidth(120);
    if (ImGui::Combo(tr("format##figure"), &format, "PNG\0SVG (vector)\0PDF (vector, fonts embedded)\0"))
        state.figure_path = path.replace_extension(kExtensions[format]).string();
    mark_widget(state, "figure.format");
    FurnitureSettings& f = state.session.furniture;
    ImGui::SetNextItemWidth(320);
    ImGui::InputTextWithHint(tr("title##figure"), state.figure_title.c_str(), &f.title);
    ImGui::SetNextItemWidth(320);
    ImGui::InputTextWithHint(tr("subtitle##figure"), state.figure_subtitle.c_str(), &f.subtitle);
    ImGui::SetNextItemWidth(320);
    ImGui::InputTextWithHint(tr("credit##figure"), tr("the sources, the plan and your file"), &f.credit);
    ImGui::Checkbox(tr("title##show"), &f.show_title);
    ImGui::SameLine();
    ImGui::Checkbox(tr("subtitle##show"), &f.show_subtitle);
    ImGui::SameLine();
    ImGui::Checkbox(tr("credit##show"), &f.show_credit);
    ImGui::SameLine();
    ImGui::Checkbox(tr("scale bar"), &f.show_scale_bar);
    ImGui::SameLine();
    ImGui::Checkbox(tr("north arrow"), &f.show_north_arrow);
    ImGui::SetNextItemWidth(320);
    ImGui::InputTextWithHint(tr("inset layer##figure"), tr("none (a vector file: South China Sea islands)"), &f.inset);
    ImGui::SetNextItemWidth(320);
    ImGui::InputText("##figure", &state.figure_path);
    mark_widget(state, "figure.path");
    ImGui::SameLine();
    if (ImGui::Button(tr("Save figure"))) state.figure_requested = true, state.figure_replace = dialog().force;
    mark_widget(state, "figure.save");
    std::error_code ec;
    ImGui::TextDisabled(tr("writes %s"), std::filesystem::absolute(state.figure_path, ec).string().c_str());
}

}  // namespace

void draw_export_dialog(ViewerState& state) {
    ExportDialog& d = dialog();
    // Opening the dialog with a region selected offers to export that selection.
    if (state.show_export && !d.was_open && !state.session.selected_region.empty()) d.filter = 1;
    if (state.show_export && !d.was_open) ImGui::SetNextWindowFocus();
    d.was_open = state.show_export;
    if (!state.show_export) return;
    const PixelRect& map = state.layout.map;
    float k = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1;
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(map.x + map.width / 2) / k, static_cast<float>(map.y) / k + 40),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(std::min(520.f, static_cast<float>(map.width) / k), 0), ImGuiCond_Appearing);
    if (!ImGui::Begin(tr("Export"), &state.show_export)) return ImGui::End();
    // The outcome first, where it is seen without scrolling.
    if (!state.export_result.empty()) ImGui::TextWrapped("%s", state.export_result.c_str());
    if (state.message.rfind("saved figure", 0) == 0) ImGui::TextWrapped("%s", state.message.c_str());
    std::vector<std::string> layers = layer_choices(state);
    d.layer = std::min(d.layer, static_cast<int>(layers.size()) - 1);  // the table may have been unloaded
    ImGui::Combo(tr("layer"), &d.layer, layer_name, &layers, static_cast<int>(layers.size()));
    mark_widget(state, "export.layer");
    ImGui::Combo(
        tr("filter"), &d.filter, [](void*, int i, const char** out) { return *out = tr(kFilters[i]), true; }, nullptr,
        IM_ARRAYSIZE(kFilters));
    format_combo(d);
    ImGui::SliderInt(tr("precision (decimals)"), &d.precision, 1, 9);
    ImGui::InputFloat(tr("simplify (metres)"), &d.simplify_m, 100, 1000, "%.0f");
    if (d.simplify_m < 0) d.simplify_m = 0;
    ImGui::InputText(tr("path"), &d.path);
    std::error_code ec;
    ImGui::TextDisabled(tr("writes %s"), std::filesystem::absolute(d.path, ec).string().c_str());
    ImGui::Checkbox(tr("replace an existing file"), &d.force);
    if (d.pending == 1) {
        run_export(state, d);  // the previous frame showed "exporting"
        d.pending = 0;
    }
    if (d.pending == 2) ImGui::Text(tr("exporting %s ..."), layer_at(state, d).c_str()), d.pending = 1;
    if (ImGui::Button(tr("Export")) && d.pending == 0) d.pending = 2;
    mark_widget(state, "export.run");
    ImGui::Separator();
    figure_section(state);
    ImGui::End();
}

}  // namespace atlas::viewer
