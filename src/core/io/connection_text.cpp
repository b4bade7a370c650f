#include "io/connection_text.hpp"

#include <cctype>

#include "io/pg_connection.hpp"

namespace atlas {

namespace connection_text {

std::string trim_left(const std::string& s) {
    std::size_t start = s.find_first_not_of(" \t\r\n");
    return start == std::string::npos ? "" : s.substr(start);
}

bool starts_with_ci(const std::string& s, const std::string& prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

bool is_uri(const std::string& s) { return starts_with_ci(s, "postgresql://") || starts_with_ci(s, "postgres://"); }

}  // namespace connection_text

using namespace connection_text;

bool is_pg_connection(const std::string& source) {
    std::string s = trim_left(source);
    return starts_with_ci(s, "PG:") || is_uri(s);
}

bool looks_like_connection(const std::string& text) {
    return text.find("password=") != std::string::npos || text.find("password =") != std::string::npos ||
           (text.find("://") != std::string::npos && text.find('@') != std::string::npos) || is_pg_connection(text);
}

}  // namespace atlas
