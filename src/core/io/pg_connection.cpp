#include "io/pg_connection.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "analysis/search.hpp"
#include "io/connection_text.hpp"
#include "text/escape.hpp"

namespace atlas {

using namespace connection_text;

namespace {

const char* const kGdalKeys[] = {"active_schema", "schemas", "tables"};

/// The text after "PG:", or the URI itself.
std::string conninfo_of(const std::string& source) {
    std::string s = trim_left(source);
    return starts_with_ci(s, "PG:") ? trim_left(s.substr(3)) : s;
}

/// One `key = value` of libpq's keyword form (value bare, or single-quoted with backslash escapes).
struct Pair {
    std::string key, value, text;  ///< text: the pair as written
};

/// Splits the keyword form the way libpq's conninfo_parse does; false on a malformed string.
bool split_pairs(const std::string& s, std::vector<Pair>& out) {
    std::size_t i = 0;
    auto space = [&] {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    };
    for (space(); i < s.size(); space()) {
        std::size_t start = i;
        Pair p;
        while (i < s.size() && s[i] != '=' && !std::isspace(static_cast<unsigned char>(s[i]))) p.key += s[i++];
        space();
        if (i >= s.size() || s[i] != '=') return false;
        ++i;
        space();
        if (i < s.size() && s[i] == '\'') {
            for (++i; i < s.size() && s[i] != '\''; ++i) p.value += s[i] == '\\' && i + 1 < s.size() ? s[++i] : s[i];
            if (i >= s.size()) return false;
            ++i;
        } else {
            for (; i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])); ++i)
                p.value += s[i] == '\\' && i + 1 < s.size() ? s[++i] : s[i];
        }
        p.text = s.substr(start, i - start);
        out.push_back(p);
    }
    return true;
}

std::string quote(const std::string& value) {
    std::string out = "'";
    for (char c : value) out += c == '\'' || c == '\\' ? std::string("\\") + c : std::string(1, c);
    return out + "'";
}

[[noreturn]] void refuse(ErrorKind kind) {
    throw AtlasError(kind,
                     "PostgreSQL connection string: libpq cannot parse it (quote a value with spaces in single "
                     "quotes, password='...'; write key=value pairs or a postgresql:// URI)");
}

/// A key libpq does not know, refused naming it (never its value, which may be a password):
/// "dbnme=x" was "libpq cannot parse it", without saying which part.
void refuse_unknown_key(const std::string& key, ErrorKind kind) {
    std::unique_ptr<PQconninfoOption, void (*)(PQconninfoOption*)> known(PQconndefaults(), PQconninfoFree);
    if (!known) return;  // out of memory: libpq's own parse says what it can
    std::string nearest;
    int best = 3;
    for (const PQconninfoOption* o = known.get(); o->keyword != nullptr; ++o) {
        if (key == o->keyword) return;
        if (int d = edit_distance(key, o->keyword, best); d < best) best = d, nearest = o->keyword;
    }
    throw AtlasError(kind, "PostgreSQL connection string: unknown key " + quote_value(key, 40) +
                               (nearest.empty() ? "" : " (did you mean '" + nearest + "'?)") +
                               "; libpq takes dbname, host, port, user, password, sslmode and its other keys");
}

/// The password part of a URI's user information as written, for scrubbing: libpq may read an
/// unencoded '@' in it as the start of the host and quote that part of the password back.
std::string uri_password(const std::string& uri) {
    std::size_t start = uri.find("://");
    if (start == std::string::npos) return "";
    start += 3;
    std::size_t end = uri.find_first_of("/?", start);
    std::string authority = uri.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::size_t at = authority.rfind('@'), colon = authority.find(':');
    if (at == std::string::npos || colon == std::string::npos || colon > at) return "";
    return authority.substr(colon + 1, at - colon - 1);
}

}  // namespace

PgConnection parse_pg_connection(const std::string& source, ErrorKind kind) {
    std::string conninfo = conninfo_of(source);
    PgConnection c;
    c.raw_secret = uri_password(conninfo);
    if (!is_uri(conninfo)) {
        // GDAL's keys are not libpq's: taken out before libpq sees the string.
        std::vector<Pair> pairs;
        if (!split_pairs(conninfo, pairs)) refuse(kind);
        std::string rest;
        for (const Pair& p : pairs) {
            if (std::find(std::begin(kGdalKeys), std::end(kGdalKeys), p.key) != std::end(kGdalKeys))
                c.gdal_options[p.key] = p.value;
            else {
                refuse_unknown_key(p.key, kind);
                rest += (rest.empty() ? "" : " ") + p.text;
            }
        }
        conninfo = rest;
    }
    char* error = nullptr;
    std::unique_ptr<PQconninfoOption, void (*)(PQconninfoOption*)> parsed(PQconninfoParse(conninfo.c_str(), &error),
                                                                          PQconninfoFree);
    if (error != nullptr) PQfreemem(error);  // its text may quote the password: never shown
    if (!parsed) refuse(kind);
    for (PQconninfoOption* o = parsed.get(); o->keyword != nullptr; ++o)
        if (o->val != nullptr && *o->val != '\0') c.options[o->keyword] = o->val;
    return c;
}

std::string PgConnection::describe() const {
    auto get = [&](const char* key, const char* fallback) {
        auto it = options.find(key);
        return it == options.end() ? std::string(fallback) : it->second;
    };
    std::string host = get("host", get("hostaddr", "(local socket)").c_str());
    if (host.find('@') != std::string::npos) host = host.substr(host.rfind('@') + 1);  // never a password's tail
    return scrub("PostGIS host " + host + ", port " + get("port", "5432") + ", database " +
                 get("dbname", get("user", "(default)").c_str()));
}

std::string PgConnection::gdal_source() const {
    std::string out = "PG:";
    for (const auto& [key, value] : options) out += key + "=" + quote(value) + " ";
    if (!options.count("connect_timeout")) out += "connect_timeout=10 ";
    for (const auto& [key, value] : gdal_options) out += key + "=" + quote(value) + " ";
    out.pop_back();
    return out;
}

std::string PgConnection::schema() const {
    auto it = gdal_options.find("active_schema");
    return it == gdal_options.end() ? "" : it->second;
}

std::string PgConnection::scrub(const std::string& text) const {
    std::vector<std::string> secrets;
    auto it = options.find("password");
    for (const std::string* secret : {it == options.end() ? nullptr : &it->second, &raw_secret}) {
        if (secret == nullptr || secret->empty()) continue;
        secrets.push_back(*secret);
        // Its pieces too (split at spaces and at the characters a parser splits at): a message may
        // quote one of them alone.
        std::string word;
        for (char ch : *secret + " ") {
            if (!std::isspace(static_cast<unsigned char>(ch)) && ch != '@' && ch != ':' && ch != '/')
                word += ch;
            else if (word.size() >= 3)
                secrets.push_back(word), word.clear();
            else
                word.clear();
        }
    }
    std::sort(secrets.begin(), secrets.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::string out = text;
    for (const std::string& secret : secrets)
        for (std::size_t pos; !secret.empty() && (pos = out.find(secret)) != std::string::npos;)
            out.replace(pos, secret.size(), "***");
    return out;
}

}  // namespace atlas
