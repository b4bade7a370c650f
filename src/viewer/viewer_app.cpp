#include "viewer_app.hpp"

#include <epoxy/gl.h>
// epoxy first: GLFW must not pull in the system GL header.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "cairo_figure.hpp"
#include "error.hpp"
#include "figure_draw.hpp"
#include "input.hpp"
#include "io/inset_layer.hpp"
#include "io/output_file.hpp"
#include "key_taps.hpp"
#include "labels_imgui.hpp"
#include "map_cache.hpp"
#include "map_renderer.hpp"
#include "offscreen.hpp"
#include "painter_imgui.hpp"
#include "panels.hpp"
#include "scene/figure_page.hpp"
#include "soak.hpp"
#include "text/escape.hpp"
#include "text/i18n.hpp"

namespace atlas::viewer {

namespace {

/// A diagnostic log (--frame-log, --soak-log) put in place whole: written to a temporary file,
/// checked and renamed over the last one. The command checked the name before the window opened
/// (an existing file only with --force, never an input or another output).
void write_log(const std::string& path, const std::string& what, const std::string& text) {
    write_atomically(path, true, what, [&](const std::string& temp) { write_new_file(temp, text, path); });
}

struct WindowData {
    double wheel = 0;
    std::vector<ButtonEvent> buttons;
    double cursor_x = 0, cursor_y = 0;  ///< window coordinates, in event order
    std::vector<int> keys;              ///< pressed since the last frame
    KeyTaps taps;                       ///< pressed and released since the last frame
};

void on_key(GLFWwindow* window, int key, int, int action, int mods) {
    auto* data = static_cast<WindowData*>(glfwGetWindowUserPointer(window));
    if (action == GLFW_PRESS) data->taps.pressed(key);
    if (action == GLFW_RELEASE) data->taps.released(key);
    if (action != GLFW_PRESS && action != GLFW_REPEAT) return;
    int flags = ((mods & GLFW_MOD_CONTROL) != 0 ? kKeyCtrl : 0) | ((mods & GLFW_MOD_SHIFT) != 0 ? kKeyShift : 0);
    data->keys.push_back(key | flags);
}

/// ImGui's key states for the keys tapped within this frame's events: down for this frame (ImGui
/// 1.86 would not see them otherwise, viewer/key_taps.hpp), `down` false to release them after it.
void show_taps(ImGuiIO& io, const std::vector<int>& tapped, bool down) {
    for (int key : tapped)
        if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown)) io.KeysDown[key] = down;
}

void on_cursor(GLFWwindow* window, double x, double y) {
    auto* data = static_cast<WindowData*>(glfwGetWindowUserPointer(window));
    data->cursor_x = x, data->cursor_y = y;
}

void on_scroll(GLFWwindow* window, double, double dy) {
    static_cast<WindowData*>(glfwGetWindowUserPointer(window))->wheel += dy;
}

void on_button(GLFWwindow* window, int button, int action, int) {
    // The position from the cursor events seen so far, not a query: a press, moves and a release that
    // arrive together must keep their own positions.
    auto* data = static_cast<WindowData*>(glfwGetWindowUserPointer(window));
    ButtonEvent e{button, action == GLFW_PRESS, data->cursor_x, data->cursor_y};
    window_to_pixels(window, e.x, e.y);
    data->buttons.push_back(e);
}

GLFWwindow* open_window(const ViewerOptions& options) {
    glfwSetErrorCallback([](int, const char*) {});
    // With --screenshot the message names the file not written and the command that draws one.
    const bool shot = !options.screenshot.empty();
    const std::string png = shot ? quote_value(options.screenshot) : "map.png";
    const std::string what = shot ? " for " + png : "";
    if (!glfwInit())
        // Not an internal error: the environment has no display; the message names the way round it.
        throw AtlasError(ErrorKind::Usage, "cannot open a window" + what +
                                               " (no display?); use clusteratlas render -o " + png + " instead");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, 0);  // the map is multisampled in its cache; the UI needs none
    glfwWindowHint(GLFW_STENCIL_BITS, 8);
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, "ClusterAtlas", nullptr, nullptr);
    if (window == nullptr) {
        glfwTerminate();
        throw AtlasError(ErrorKind::Usage,
                         "cannot create an OpenGL 3.3 core window" + what + "; use clusteratlas render -o " + png);
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    return window;
}

/// Every text the UI may show in Chinese: names of units, regions, members, defining plans.
std::vector<std::string> ui_texts(Document& doc, const LabelSource& labels) {
    std::vector<std::string> texts = labels.all_texts();
    for (const Region& r : doc.prefecture_units().regions) texts.push_back(r.name_zh);
    for (const Industry& i : doc.plan().industries) texts.push_back(i.name_zh);
    for (const PlanRegion& r : doc.plan().regions) {
        texts.insert(texts.end(), {r.name_zh, r.extent.source_plan, r.extent.caveat});
        for (const Member& m : r.members) texts.push_back(m.name_zh);
        for (const Hub& h : r.hubs) texts.push_back(h.name_zh);
    }
    texts.push_back("中文");
    for (std::string& t : catalogue_texts()) texts.push_back(std::move(t));  // the Chinese interface
    return texts;
}

/// The whole window (panels included), `w` x `h` framebuffer pixels.
void save_screenshot(ViewerState& state, const std::string& path, int w, int h, bool force) {
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(w) * h * 4), rows(pixels.size());
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    std::size_t row = static_cast<std::size_t>(w) * 4;
    for (int y = 0; y < h; ++y)
        std::copy_n(&pixels[static_cast<std::size_t>(h - 1 - y) * row], row, &rows[static_cast<std::size_t>(y) * row]);
    for (std::size_t i = 3; i < rows.size(); i += 4) rows[i] = 255;
    render::write_png(path, w, h, rows, force);
    state.message = tr("saved ") + path;
}

/// The map as a figure (labels and legend, no panels), drawn offscreen by the same code as
/// `render --session`, so that the two images agree.
void save_figure(ViewerState& state, render::MapRenderer& renderer) {
    state.figure_requested = false;
    // The Export window's button writes its path, replacing it only when ticked; F12 and the menu
    // write a free name beside it.
    const bool replace = state.figure_replace.value_or(false);
    const std::string path = state.figure_replace ? state.figure_path : free_file_name(state.figure_path);
    state.figure_replace.reset();
    try {
        Figure figure{state.style, state.legend, {}, state.figure_title, state.figure_subtitle, state.figure_credits};
        bool legend_fits = true;
        std::vector<std::string> inset_warnings;  // features of the inset left out (no geometry)
        if (figure_format(path) != FigureFormat::Png) {
            // SVG and PDF: the session as it is on screen, drawn by cairo as `render` draws it.
            Session session = state.session;
            store_camera(session, state.camera, state.scene, *state.projection);
            session.width = state.camera.width, session.height = state.camera.height;
            legend_fits =
                vector::write_vector_figure(state.doc, session, state.data.get(), path, replace).legend_inside;
        } else {
            render::OffscreenTarget target(state.camera.width, state.camera.height);
            target.bind();
            std::vector<std::string> texts = render::figure_texts(state.doc, *state.labels, state.legend);
            texts.insert(texts.end(), {figure.title, figure.subtitle, state.session.furniture.title,
                                       state.session.furniture.subtitle, state.session.furniture.credit});
            texts.insert(texts.end(), figure.credits.begin(), figure.credits.end());
            texts.insert(texts.end(), {tr("true at"), tr("Inset: "), state.session.furniture.inset});
            render::HeadlessLabels overlay(texts, render::kFigureLabelPx);
            InsetLayer inset;
            if (!state.session.furniture.inset.empty()) inset = read_inset_layer(state.session.furniture.inset);
            inset_warnings = inset.warnings;
            legend_fits = render::paint_map_figure(renderer, overlay, *state.labels, figure, state.scene, state.camera,
                                                   *state.projection, state.session.furniture,
                                                   state.session.show_legend, 1, inset.path.empty() ? nullptr : &inset)
                              .legend_inside;
            render::write_png(path, state.camera.width, state.camera.height, target.read_rgba(), replace);
        }
        std::error_code ec;
        state.message = tr("saved figure ") + std::filesystem::absolute(path, ec).string();
        if (!legend_fits)
            state.message += tr(" (the legend does not fit a map this small: it covers the title or credit)");
        if (!inset_warnings.empty()) state.message += " (" + inset_warnings.front() + ")";
    } catch (const std::exception& e) {
        state.message = dialog_remedy(e.what());
    }
    // The Export window shows its last result: after Save figure it showed the export before it.
    state.export_result = state.message;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

bool same_view(const Camera& a, const Camera& b) {
    return a.cx == b.cx && a.cy == b.cy && a.metres_per_pixel == b.metres_per_pixel && a.width == b.width &&
           a.height == b.height;
}

/// Redraws the cached map when the style changed, or when the camera moved and has come to rest
/// (no drag, no change for 0.2 s); meanwhile the cache is moved and scaled to follow the camera, and
/// redrawn at once (without multisampling) whenever it would leave a tenth of the view empty (zooming
/// out, a long pan), so the map is never blank or shrunken.
void draw_map(ViewerState& state, render::MapRenderer& renderer, render::MapCache& cache, bool interacting,
              int framebuffer_height) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    const PixelRect& r = state.layout.map;
    int gl_y = framebuffer_height - r.y - r.height;  // OpenGL counts rows from the bottom
    if (state.options.redraw_every_frame) {
        renderer.draw(state.camera, state.style, r.x, gl_y);
        return;
    }
    bool moved = !cache.valid() || !same_view(cache.camera(), state.camera);
    ViewerState::Built& built = state.built;
    bool stale = built.map_scene != built.scene_shown || built.map_style != built.style;
    if (stale || ((moved || cache.quick()) && !interacting)) {
        cache.update(renderer, state.camera, state.style);
        built.map_scene = built.scene_shown, built.map_style = built.style;
    } else if (moved && cache.coverage(state.camera) < 0.9) {
        cache.update(renderer, state.camera, state.style, true);  // the full-quality one follows at rest
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    cache.draw(state.camera, state.style, r.x, gl_y);
}

/// One frame of --bench-zoom: out by `factor` until the national view, then in until 250 m/px.
void bench_zoom_step(ViewerState& state, double factor, bool& zooming_out) {
    double national = national_view(state.scene, state.camera.width, state.camera.height).metres_per_pixel;
    if (zooming_out && state.camera.metres_per_pixel >= national) zooming_out = false;
    if (!zooming_out && state.camera.metres_per_pixel <= 250) zooming_out = true;
    state.camera.zoom_about({state.camera.width / 2.0, state.camera.height / 2.0}, zooming_out ? 1 / factor : factor);
}

/// Labels of one map whose top left corner is at framebuffer pixel (x_offset, y_offset), clipped to it.
void draw_map_labels(ViewerState& state, ImFont* font, const Camera& camera, const MapStyle& style, int x_offset,
                     int y_offset) {
    float scale = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1;
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    ImVec2 min(static_cast<float>(x_offset) / scale, static_cast<float>(y_offset) / scale);
    list->PushClipRect(min, ImVec2(min.x + static_cast<float>(camera.width) / scale,
                                   min.y + static_cast<float>(camera.height) / scale));
    render::draw_labels(list, font, *state.labels, camera, style, scale, min);
    list->PopClipRect();
}

/// The user's points over the map (Data: points): squares of density at the national view, where
/// dots would be a smear, under the labels; dots once zoomed in past 2.5 km a pixel, over them
/// (`over_labels`), so that no label hides a point.
void draw_points(ViewerState& state, const Camera& camera, int x_offset, int y_offset, bool over_labels) {
    if (state.data == nullptr || state.data->points.empty()) return;
    if ((camera.metres_per_pixel > kDensityAboveMetresPerPixel) == over_labels) return;
    float scale = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1;
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    PaintPoint min{static_cast<float>(x_offset) / scale, static_cast<float>(y_offset) / scale};
    list->PushClipRect(ImVec2(min.x, min.y), ImVec2(min.x + static_cast<float>(camera.width) / scale,
                                                    min.y + static_cast<float>(camera.height) / scale));
    render::ImGuiPainter painter(list, ImGui::GetFont(), 1);
    if (camera.metres_per_pixel > kDensityAboveMetresPerPixel)
        paint_density(painter, state.density, *state.projection, state.scene, camera, scale, min);
    else
        paint_dots(painter, state.data->points, *state.projection, state.scene, camera, scale, min);
    list->PopClipRect();
}

/// Two maps side by side with one camera (panning or zooming moves both): the first two compared
/// regions, each with its name above it.
void draw_split(ViewerState& state, render::MapRenderer& renderer, ImFont* label_font, int framebuffer_height) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    const PixelRect& r = state.layout.map;
    Camera half = state.camera;
    half.width = state.camera.width / 2;
    const MapStyle* styles[] = {&state.split_left, &state.split_right};
    float scale = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1;
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    for (int side = 0; side < 2; ++side) {
        int x = r.x + side * half.width;
        renderer.draw(half, *styles[side], x, framebuffer_height - r.y - r.height);
        draw_map_labels(state, label_font, half, *styles[side], x, r.y);
        // Each half's title on a plate at its top, inside the map's rectangle (never under a panel).
        const PlanRegion* region = state.doc.plan().region(state.session.compare[static_cast<std::size_t>(side)]);
        std::string caption = state.session.english ? region->name_en : region->name_zh;
        ImVec2 size = ImGui::CalcTextSize(caption.c_str());
        float cx = (static_cast<float>(x) + static_cast<float>(half.width) / 2) / scale;
        float top = static_cast<float>(r.y) / scale + 90;  // under the compare banner
        list->AddRectFilled(ImVec2(cx - size.x / 2 - 6, top - 3), ImVec2(cx + size.x / 2 + 6, top + size.y + 3),
                            IM_COL32(255, 255, 255, 235), 3);
        list->AddText(ImVec2(cx - size.x / 2, top), IM_COL32(20, 20, 60, 255), caption.c_str());
    }
    float middle = static_cast<float>(r.x + half.width) / scale;
    list->AddLine(ImVec2(middle, static_cast<float>(r.y) / scale),
                  ImVec2(middle, static_cast<float>(r.y + r.height) / scale), IM_COL32(40, 40, 40, 255), 2);
}

void draw_frame(ViewerState& state, render::MapRenderer& renderer, render::MapCache& cache, ImFont* label_font,
                bool interacting, int framebuffer_height) {
    // One language for everything: menus, panels, legend, tooltips and messages follow the session (L).
    set_language(state.session.english ? Language::English : Language::Chinese);
    state.widgets.clear();  // what this frame draws, nothing stale
    state.nav_focus.clear();
    sync_figure(state);
    if (split_active(state)) {
        draw_split(state, renderer, label_font, framebuffer_height);
    } else {
        draw_map(state, renderer, cache, interacting, framebuffer_height);
        draw_points(state, state.camera, state.layout.map.x, state.layout.map.y, false);
        draw_map_labels(state, label_font, state.camera, state.style, state.layout.map.x, state.layout.map.y);
        draw_points(state, state.camera, state.layout.map.x, state.layout.map.y, true);
    }
    draw_menu_bar(state);
    draw_sidebar(state);
    draw_inspector_panel(state);
    draw_compare_banner(state);
    draw_matrix_window(state);
    draw_export_dialog(state);
    draw_map_legend(state);
    refit_for_legend(state);
    draw_hover_tooltip(state);
    draw_status_bar(state);
    draw_help_window(state);
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace

void run_viewer(Document& doc, const ViewerOptions& options) {
    GLFWwindow* window = open_window(options);
    WindowData data;
    glfwSetWindowUserPointer(window, &data);
    glfwSetScrollCallback(window, on_scroll);  // before ImGui installs its callbacks, which chain to ours
    glfwSetMouseButtonCallback(window, on_button);
    glfwSetCursorPosCallback(window, on_cursor);
    glfwSetKeyCallback(window, on_key);
    ViewerState state(doc);
    state.options = options;
    state.session = options.session;
    if (!options.session_path.empty()) remember_figure_size(state, state.session);
    state.typed_data_path = state.session.data.path;
    state.tab_request = state.session.show_compare_window ? "compare" : state.session.sidebar_tab;
    state.camera_from_session = true;
    glfwGetFramebufferSize(window, &state.camera.width, &state.camera.height);
    refresh_scene(state);
    sync_figure(state);
    frame_session_subject(state);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    // Keyboard navigation through the panels (Tab, arrows, Space), with ImGui's focus ring.
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // The UI follows the monitor's content scale (a 4K screen at 200 %): fonts and sizes.
    float content_scale = 1, unused = 1;
    glfwGetWindowContentScale(window, &content_scale, &unused);
    content_scale = std::clamp(content_scale, 1.0f, 4.0f);
    ImGui::GetStyle().ScaleAllSizes(content_scale);
    // Windows opaque: at ImGui's 0.94 the map's lines showed through the help and export text.
    ImGui::GetStyle().Colors[ImGuiCol_WindowBg].w = 1.0f;
    ImGui::GetStyle().Colors[ImGuiCol_PopupBg].w = 1.0f;
    ImFont* ui_font = render::load_ui_font(ui_texts(doc, *state.labels), 15 * content_scale);
    ImFont* label_font = render::load_label_font(state.labels->all_texts(), 15);
    ImGui::GetIO().FontDefault = ui_font;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    {
        render::MapRenderer renderer;
        render::MapCache cache;
        renderer.upload(state.scene);
        Generation uploaded = state.built.scene;  // the scene the GPU holds
        double last_camera_change = -1;
        Camera last_camera = state.camera;
        PointerState pointer;
        bool changed = true, zooming_out = true;
        std::vector<double> frame_ms;
        std::mt19937 soak_rng(options.soak_seed);
        // The soak log is put in place whole every 100 frames (write_atomically): a run cut short
        // leaves the lines so far, never half a file. Its name was checked before the window opened.
        std::string soak_lines;
        for (int frame = 1; !glfwWindowShouldClose(window); ++frame) {
            double frame_start = glfwGetTime();
            if (options.frames > 0 || !options.screenshot.empty())
                glfwPollEvents();
            else
                glfwWaitEventsTimeout(changed ? 0.0 : 0.05);
            int fb_width = 1, fb_height = 1;
            glfwGetFramebufferSize(window, &fb_width, &fb_height);
            ImGui_ImplOpenGL3_NewFrame();
            if (frame == 1) render::release_font_sources();
            ImGui_ImplGlfw_NewFrame();
            std::vector<int> tapped = data.taps.take_taps();
            show_taps(io, tapped, true);
            ImGui::NewFrame();
            show_taps(io, tapped, false);
            float imgui_px = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1;
            state.ui_scale = content_scale * imgui_px;
            apply_layout(state, fb_width, fb_height, static_cast<int>(ImGui::GetFrameHeight() * imgui_px),
                         static_cast<int>(kStatusBarHeight * content_scale * imgui_px));
            double wheel = data.wheel;
            data.wheel = 0;
            std::vector<ButtonEvent> buttons;
            std::vector<int> keys;
            buttons.swap(data.buttons);
            keys.swap(data.keys);
            changed = handle_input(window, state, pointer, wheel, buttons, keys);
            state.frame_keys = keys;
            if (options.bench_pan_px != 0) state.camera.pan_pixels(options.bench_pan_px, 0);
            if (options.bench_zoom > 1) bench_zoom_step(state, options.bench_zoom, zooming_out);
            if (options.soak_seed != 0) random_step(state, soak_rng, frame);
            if (!options.soak_log.empty() && (frame % 100 == 0 || frame == 1)) {
                soak_lines += std::to_string(frame) + ' ' + std::to_string(resident_kb()) + '\n';
                write_log(options.soak_log, "soak log", soak_lines);
            }
            if (!same_view(last_camera, state.camera)) last_camera_change = glfwGetTime(), last_camera = state.camera;
            bool interacting = pointer.dragging || glfwGetTime() - last_camera_change < 0.2;
            refresh_scene(state);
            if (state.frame_subject) frame_session_subject(state), state.frame_subject = false;
            if (uploaded != state.built.scene) renderer.upload(state.scene), uploaded = state.built.scene;
            draw_frame(state, renderer, cache, label_font, interacting, fb_height);
            // At frame 3 (ImGui sizes its windows and tables from frame 2), or the last when --frames ends sooner.
            bool last = options.frames > 0 && frame >= options.frames;
            bool shot_now = !options.screenshot.empty() && (frame == 3 || last);
            if (shot_now) save_screenshot(state, options.screenshot, fb_width, fb_height, options.force);
            if (std::count(keys.begin(), keys.end(), GLFW_KEY_F12 | kKeyShift))
                save_screenshot(state, free_file_name("clusteratlas-screenshot.png"), fb_width, fb_height, false);
            if (std::count(keys.begin(), keys.end(), GLFW_KEY_F12) || state.figure_requested)
                save_figure(state, renderer);
            glfwSwapBuffers(window);
            state.presented = true;
            if (!options.frame_log.empty()) {
                glFinish();  // count the GPU's (llvmpipe's) work in the frame, not just its submission
                frame_ms.push_back((glfwGetTime() - frame_start) * 1000);
            }
            state.keyboard_nav = io.NavActive && io.NavVisible;
            state.typing = io.WantTextInput;
            write_state_file(state);
            if (state.quit_requested) glfwSetWindowShouldClose(window, 1);
            if (shot_now || last) break;
        }
        if (!options.frame_log.empty()) {
            std::ostringstream log;
            log << "# renderer: " << glGetString(GL_RENDERER) << "\n";
            for (double ms : frame_ms) log << ms << '\n';
            write_log(options.frame_log, "frame log", log.str());
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
}

}  // namespace atlas::viewer
