#include "labels_imgui.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <filesystem>
#include <memory>
#include <stdexcept>

namespace atlas::render {

ImFont* load_label_font(const std::vector<std::string>& texts, float size_px) {
    if (std::error_code ec; !std::filesystem::exists(kCjkFontPath, ec))
        throw std::runtime_error(std::string(kCjkFontPath) + ": missing (install fonts-noto-cjk)");
    ImGuiIO& io = ImGui::GetIO();
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    for (const std::string& t : texts) builder.AddText(t.c_str());
    // The ranges must outlive the atlas build (ImGui keeps a pointer): one stable copy per call.
    static thread_local std::vector<std::unique_ptr<ImVector<ImWchar>>> kept;
    kept.push_back(std::make_unique<ImVector<ImWchar>>());
    ImVector<ImWchar>& ranges = *kept.back();
    builder.BuildRanges(&ranges);
    ImFontConfig config;
    config.FontNo = 2;
    config.OversampleH = 2;
    ImFont* font = io.Fonts->AddFontFromFileTTF(kCjkFontPath, size_px, &config, ranges.Data);
    if (font == nullptr) throw std::runtime_error(std::string(kCjkFontPath) + ": cannot load");
    return font;
}

ImFont* load_ui_font(const std::vector<std::string>& texts, float size_px) { return load_label_font(texts, size_px); }

void release_font_sources() {
    // The CJK font file (19 MB, read whole by ImGui) and the atlas's CPU pixels (RGBA and alpha) are
    // needed only to build the texture: once it is on the GPU the glyph table is all text needs.
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->ClearInputData();
    atlas->ClearTexData();
}

std::vector<PlacedLabel> draw_labels(ImDrawList* list, ImFont* font, const LabelSource& source, const Camera& camera,
                                     const MapStyle& style, float pixels_per_point, ImVec2 origin) {
    auto measure = [&](const std::string& text) {
        ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, 0, text.c_str());
        return std::make_pair(static_cast<double>(size.x * pixels_per_point),
                              static_cast<double>(size.y * pixels_per_point));
    };
    std::vector<PlacedLabel> placed =
        place_labels(source.candidates(camera, style, measure), camera.width, camera.height);
    for (const PlacedLabel& p : placed) {
        const LabelCandidate& l = p.label;
        if (l.text.empty()) continue;  // a hub marker's box: keeps labels off it
        ImVec2 at(origin.x + static_cast<float>((l.x - l.width / 2) / pixels_per_point),
                  origin.y + static_cast<float>((l.y - l.height / 2) / pixels_per_point));
        // The hierarchy in ink as in size: regions darkest, then hubs, wider areas, provinces, cities.
        ImU32 ink = l.kind == kRegionLabel     ? IM_COL32(20, 20, 60, 255)
                    : l.kind == kHubLabel      ? IM_COL32(30, 30, 30, 255)
                    : l.kind == kWideAreaLabel ? IM_COL32(35, 70, 120, 255)
                    : l.kind == kCityLabel     ? IM_COL32(75, 75, 80, 255)
                    : l.kind == kCountyLabel   ? IM_COL32(120, 120, 125, 255)
                    : l.kind == kPlaceLabel    ? IM_COL32(150, 20, 90, 255)
                                               : IM_COL32(90, 90, 100, 255);
        auto size = static_cast<float>(font->FontSize * label_scale(l.kind));
        for (float dx = -1; dx <= 1; ++dx)
            for (float dy = -1; dy <= 1; ++dy)
                if (dx != 0 || dy != 0)
                    list->AddText(font, size, ImVec2(at.x + dx, at.y + dy), IM_COL32(255, 255, 255, 220),
                                  l.text.c_str());
        list->AddText(font, size, at, ink, l.text.c_str());
    }
    return placed;
}

HeadlessLabels::HeadlessLabels(const std::vector<std::string>& texts, float size_px) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGuiContext* context = ImGui::CreateContext();
    context_ = context;
    ImGui::SetCurrentContext(context);
    ImGui::GetIO().IniFilename = nullptr;
    font_ = load_label_font(texts, size_px);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    if (previous != nullptr) ImGui::SetCurrentContext(previous);
}

HeadlessLabels::~HeadlessLabels() {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(static_cast<ImGuiContext*>(context_));
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(static_cast<ImGuiContext*>(context_));
    if (previous != context_) ImGui::SetCurrentContext(previous);
}

std::vector<PlacedLabel> HeadlessLabels::draw(const LabelSource& source, const Camera& camera, const MapStyle& style) {
    std::vector<PlacedLabel> placed;
    paint(camera.width, camera.height,
          [&](ImDrawList* list, ImFont* font) { placed = draw_labels(list, font, source, camera, style); });
    return placed;
}

void HeadlessLabels::paint(int width, int height, const std::function<void(ImDrawList*, ImFont*)>& paint) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(static_cast<ImGuiContext*>(context_));
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DeltaTime = 1.0f / 60;
    ImGui_ImplOpenGL3_NewFrame();
    release_font_sources();
    ImGui::NewFrame();
    paint(ImGui::GetBackgroundDrawList(), font_);
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (previous != nullptr) ImGui::SetCurrentContext(previous);
}

}  // namespace atlas::render
