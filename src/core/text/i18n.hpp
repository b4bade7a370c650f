#pragma once
/// The interface's words in English or Chinese, from a GNU gettext message catalogue (po/zh_CN.po,
/// compiled by msgfmt at build time): menus, panels, legend titles and notes, tooltips and messages.
/// English is the source text; a text the catalogue lacks stays English. Data (names of units,
/// regions and industries, the plan's quotations) is not translated here: it carries both languages.

#include <string>
#include <vector>

namespace atlas {

enum class Language { English, Chinese };

/// Chooses the language of tr() for the whole process (the viewer's L key, render --lang). Never throws:
/// without a catalogue, Chinese falls back to English.
void set_language(Language language);
Language current_language();

/// The text in the current language. `english` must be a string literal (it is the catalogue key and
/// the fallback); the result lives for the process.
__attribute__((format_arg(1))) const char* tr(const char* english);

/// Every translation in the Chinese catalogue (to bake their glyphs into the UI font); empty when the
/// catalogue is missing or not a GNU .mo file.
std::vector<std::string> catalogue_texts();

/// Where the catalogues are: locale/ beside the executable in a build folder, else DATADIR/locale as
/// installed.
const char* locale_dir();

}  // namespace atlas
