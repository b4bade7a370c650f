#include "text/i18n.hpp"

#include <libintl.h>

#include <clocale>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "io/program_files.hpp"

// glibc's documented way to make gettext reread LANGUAGE after it changed.
extern "C" int _nl_msg_cat_cntr;  // NOLINT(bugprone-reserved-identifier)

namespace atlas {

namespace {

constexpr const char* kDomain = "clusteratlas";
Language g_language = Language::English;

/// The front program's folder, from either program (io/program_files.hpp).
std::string executable_dir() { return program_dir(); }

void bind_catalogue() {
    static bool bound = false;
    if (bound) return;
    bound = true;
    // gettext ignores LANGUAGE in the "C" locale; C.UTF-8 (built into glibc) is not "C" and changes
    // nothing else, since only the messages category is set.
    std::setlocale(LC_MESSAGES, "C.UTF-8");
    bindtextdomain(kDomain, locale_dir());
    bind_textdomain_codeset(kDomain, "UTF-8");
}

}  // namespace

const char* locale_dir() {
    static const std::string dir = [] {
        namespace fs = std::filesystem;
        std::error_code ec;
        fs::path exe = executable_dir();
        fs::path build_tree = exe / "locale";
        if (fs::exists(build_tree / "zh_CN" / "LC_MESSAGES" / "clusteratlas.mo", ec)) return build_tree.string();
        return (exe / ATLAS_BIN_TO_DATADIR / "locale").lexically_normal().string();
    }();
    return dir.c_str();
}

void set_language(Language language) {
    if (language == g_language) return;
    g_language = language;
    bind_catalogue();
    setenv("LANGUAGE", language == Language::Chinese ? "zh_CN" : "en", 1);
    ++_nl_msg_cat_cntr;
}

Language current_language() { return g_language; }

std::vector<std::string> catalogue_texts() {
    // The GNU .mo layout: magic, revision, count, offset of the originals' table, offset of the
    // translations' table; each table entry is (length, offset) in 32-bit words of the file's order.
    std::ifstream in(std::string(locale_dir()) + "/zh_CN/LC_MESSAGES/clusteratlas.mo", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto word = [&](std::size_t at) {
        std::uint32_t v = 0;
        if (at + 4 <= bytes.size()) std::memcpy(&v, bytes.data() + at, 4);
        return v;
    };
    std::vector<std::string> out;
    if (word(0) != 0x950412deu) return out;
    std::uint32_t count = word(8), table = word(16);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint32_t length = word(table + 8 * i), offset = word(table + 8 * i + 4);
        if (static_cast<std::size_t>(offset) + length <= bytes.size()) out.emplace_back(bytes, offset, length);
    }
    return out;
}

const char* tr(const char* english) {
    if (g_language == Language::English) return english;
    return dgettext(kDomain, english);
}

}  // namespace atlas
