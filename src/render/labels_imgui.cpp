#include "labels_imgui.hpp"

#include <fcntl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "painter_imgui.hpp"
#include "scene/label_paint.hpp"

namespace atlas::render {

namespace {

/// The CJK font file mapped read-only once a process, never unmapped: ImGui's AddFontFromFileTTF
/// reads all 19 MB of it into the heap for every font made from it (the UI's and the labels'), where
/// stb_truetype touches only the tables and the glyphs it packs. Throws std::runtime_error naming the
/// file when it cannot be opened or mapped.
const std::pair<void*, std::size_t>& mapped_cjk_font() {
    static const std::pair<void*, std::size_t> mapped = [] {
        int fd = ::open(kCjkFontPath, O_RDONLY | O_CLOEXEC);
        struct stat st {};
        if (fd < 0 || ::fstat(fd, &st) != 0 || st.st_size <= 0) {
            if (fd >= 0) ::close(fd);
            throw std::runtime_error(std::string(kCjkFontPath) + ": missing (install fonts-noto-cjk)");
        }
        auto size = static_cast<std::size_t>(st.st_size);
        void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        ::close(fd);  // the mapping stays valid without the descriptor
        if (data == MAP_FAILED) throw std::runtime_error(std::string(kCjkFontPath) + ": cannot be mapped");
        return std::pair<void*, std::size_t>{data, size};
    }();
    return mapped;
}

/// ImGui's allocator, as its default (malloc, free), except that the mapped font is never freed: an
/// atlas given font data it does not own copies all of it (ImFontAtlas::AddFont), so the mapping is
/// handed over as owned and its "free" at ClearInputData is this no-op.
void* font_aware_alloc(std::size_t size, void*) { return std::malloc(size); }
void font_aware_free(void* ptr, void*) {
    const auto& [font_data, font_size] = mapped_cjk_font();
    if (ptr != font_data) std::free(ptr);
}

}  // namespace

ImFont* load_label_font(const std::vector<std::string>& texts, float size_px) {
    const auto& [font_data, font_size] = mapped_cjk_font();
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
    config.FontNo = kCjkFontFace;
    config.OversampleH = 2;
    // Owned, not copied: font_aware_free keeps the mapping (ImGui only reads font data).
    ImGui::SetAllocatorFunctions(font_aware_alloc, font_aware_free);
    ImFont* font =
        io.Fonts->AddFontFromMemoryTTF(font_data, static_cast<int>(font_size), size_px, &config, ranges.Data);
    if (font == nullptr) throw std::runtime_error(std::string(kCjkFontPath) + ": cannot load");
    return font;
}

ImFont* load_ui_font(const std::vector<std::string>& texts, float size_px) { return load_label_font(texts, size_px); }

void release_font_sources() {
    // The font's glyph input (the mapped file stays mapped) and the atlas's CPU pixels (RGBA and alpha)
    // are needed only to build the texture: once it is on the GPU the glyph table is all text needs.
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->ClearInputData();
    atlas->ClearTexData();
    // The pages of the mapped file it touched leave the resident set too (read again if a font is made later).
    const auto& [font_data, font_size] = mapped_cjk_font();
    ::madvise(font_data, font_size, MADV_DONTNEED);
}

std::vector<PlacedLabel> draw_labels(ImDrawList* list, ImFont* font, const LabelSource& source, const Camera& camera,
                                     const MapStyle& style, float pixels_per_point, ImVec2 origin) {
    ImGuiPainter painter(list, font);
    return paint_labels(painter, source, camera, style, pixels_per_point, {origin.x, origin.y});
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
