#include "text/join.hpp"

namespace atlas {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += items[i];
    }
    return out;
}

std::string join_or(const std::vector<std::string>& items) {
    if (items.size() < 2) return join(items);
    std::vector<std::string> head(items.begin(), items.end() - 1);
    return join(head, ", ") + " or " + items.back();
}

std::string join_first(const std::vector<std::string>& items, std::string_view separator, std::size_t most,
                       const std::function<std::string(std::size_t)>& rest) {
    if (items.size() <= most) return join(items, separator);
    std::vector<std::string> first(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(most));
    return join(first, separator) + rest(items.size() - most);
}

}  // namespace atlas
