#pragma once
/// Lists of names and values joined into one line of text, for messages, tables and panels.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// The items with `separator` between them: join({"a", "b"}, ", ") == "a, b"; no items give "".
/// An empty item keeps its place: join({"", "b"}) == "; b".
std::string join(const std::vector<std::string>& items, std::string_view separator = "; ");

/// The items as a list of alternatives: join_or({"a", "b", "c"}) == "a, b or c"; one item is itself.
std::string join_or(const std::vector<std::string>& items);

/// The first `most` items joined; when items are left over, `rest(how_many_left)` is appended:
/// join_first({"a", "b", "c"}, ", ", 2, [](std::size_t n) { return ", and " + std::to_string(n) + " more"; })
/// == "a, b, and 1 more". For messages that must stay one short line however long the list.
std::string join_first(const std::vector<std::string>& items, std::string_view separator, std::size_t most,
                       const std::function<std::string(std::size_t)>& rest);

/// join() over any range, each element turned into text by `text` first:
/// join_mapped(region.hubs, [](const Hub& h) { return h.name_en; }, ", ").
template <class Range, class ToText>
std::string join_mapped(const Range& range, ToText text, std::string_view separator = "; ") {
    std::vector<std::string> items;
    for (const auto& element : range) items.push_back(text(element));
    return join(items, separator);
}

}  // namespace atlas
