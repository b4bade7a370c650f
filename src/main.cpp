// clusteratlas: the plan's regions and industries on a map. Subcommands are in src/cli/.
#include <CLI/CLI.hpp>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <regex>
#include <sstream>
#include <vector>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/option_values.hpp"
#include "error.hpp"
#include "io/output_file.hpp"
#include "text/escape.hpp"

namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 success, 1 internal error, 2 usage error, 3 bad input data (file, layer, field, value),\n"
    "4 output could not be written, 5 unknown name or code.";

int exit_code(atlas::ErrorKind kind) {
    switch (kind) {
        case atlas::ErrorKind::Usage:
            return 2;
        case atlas::ErrorKind::Input:
            return 3;
        case atlas::ErrorKind::Output:
            return 4;
        case atlas::ErrorKind::NotFound:
            return 5;
    }
    return 1;
}

/// "4.000000" as "4".
std::string plain_number(const std::string& text) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", std::strtod(text.c_str(), nullptr));
    return buf;
}

/// CLI11's message in the words of the rest of the program: "--format: At Most 1 required but
/// received 2" becomes "--format given 2 times: give it once", "Could not convert: --dpi = abc"
/// becomes "--dpi 'abc': not a number"; values quoted short and escaped. Others are kept.
std::string parse_message(const CLI::ParseError& e) {
    static const std::regex count(R"(^(\S+): At (Most|least) (\d+) required but received (\d+)$)"),
        missing(R"(^(\S+): \d+ required \S+ missing$)"), option_as_value(R"(^(\S+): needs a value( .*)$)"),
        convert(R"(^Could not convert: (\S+) = (.*)$)"), range(R"(^(\S+): Value (.*) not in range (\S+) to (\S+)$)"),
        extras(R"(^The following arguments? (?:was|were) not expected: (.*)$)");
    std::string message = e.what();
    std::smatch m;
    if (std::regex_match(message, m, count)) {
        if (m[2] == "Most" && m[3] == "1") return m[1].str() + " given " + m[4].str() + " times: give it once";
        return m[1].str() + ": give " + (m[2] == "Most" ? "at most " : "at least ") + m[3].str() + ", not " +
               m[4].str();
    }
    if (std::regex_match(message, m, missing)) return m[1].str() + " needs a value";
    if (std::regex_match(message, m, option_as_value)) return m[1].str() + " needs a value" + m[2].str();
    if (std::regex_match(message, m, convert)) {
        // Only whole-number options fail on a number: "2.5" is not "not a number".
        std::string value = m[2].str();
        char* end = nullptr;
        std::strtod(value.c_str(), &end);
        bool numeric = !value.empty() && end != nullptr && *end == '\0';
        return m[1].str() + " " + atlas::quote_value(value, 40) + (numeric ? ": not a whole number" : ": not a number");
    }
    if (std::regex_match(message, m, range))
        return m[1].str() + " " + atlas::quote_value(m[2].str(), 40) + ": must be " + plain_number(m[3]) + " to " +
               plain_number(m[4]);
    if (std::regex_match(message, m, extras)) {
        // CLI11 lists them last first; said in the order typed.
        std::vector<std::string> words;
        std::stringstream in(m[1].str());
        for (std::string w; in >> w;) words.insert(words.begin(), atlas::quote_value(w, 40));
        std::string list;
        for (const std::string& w : words) list += (list.empty() ? "" : ", ") + w;
        return (words.size() == 1 ? "unexpected argument " : "unexpected arguments ") + list +
               " (not an option or value of this command)";
    }
    return message;
}

/// Parses the command line and runs the subcommand; the exit code.
int run(int argc, char** argv) {
    // Named here rather than from argv[0], so help and the man page made from it say "clusteratlas".
    CLI::App app{"ClusterAtlas: China's 13th Five-Year Plan for Strategic Emerging Industries on a map",
                 "clusteratlas"};
    app.set_version_flag("--version", std::string("clusteratlas ") + ATLAS_VERSION);
    app.footer(kExitCodes);
    app.require_subcommand(0, 1);
    atlas::cli::Context ctx;
    ctx.add_data_options(app);
    atlas::cli::register_queries(app, ctx);
    atlas::cli::register_points(app, ctx);
    atlas::cli::register_export(app, ctx);
    atlas::cli::register_render(app, ctx);
    atlas::cli::register_view(app, ctx);
    atlas::cli::register_build_geodata(app, ctx);
    atlas::cli::register_build_counties(app, ctx);
    atlas::cli::register_prepare(app, ctx);
    ctx.add_global_options_to_subcommands(app);
    atlas::cli::refuse_empty_values(app);
    try {
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) atlas::cli::run_default_view(ctx);
        ctx.print_pending_warnings();
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help-like requests
        // CLI11 quotes what was typed as it was typed: escaped and cut here, on one line.
        std::string message = atlas::bounded_message(atlas::escape_controls(parse_message(e)), 300, 1);
        std::cerr << "clusteratlas: " << message << " (run with --help for the options)\n";
        return 2;
    } catch (const atlas::AtlasError& e) {
        // What was repaired or skipped on the way may be the cause ("feature skipped: code '13O100'"
        // before "lacks '130100'"): said first.
        try {
            ctx.print_pending_warnings();
        } catch (const std::exception&) {
        }
        // Messages carry values from files; bounded_message is the last guard against control
        // characters and runaway length that a message's author missed.
        std::cerr << "clusteratlas: " << atlas::bounded_message(e.message()) << '\n';
        return exit_code(e.kind());
    } catch (const std::exception& e) {
        std::cerr << "clusteratlas: internal error: " << atlas::bounded_message(e.what()) << '\n';
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // A closed pipe is a write error to report (exit 4), not a silent death.
    std::signal(SIGPIPE, SIG_IGN);
    // A file over the size limit (ulimit -f) is a write error naming the file ("File too large"),
    // not a death by SIGXFSZ that leaves temporary files behind.
    std::signal(SIGXFSZ, SIG_IGN);
    atlas::install_checked_stdout();
    int code = run(argc, argv);
    // Data goes to stdout through a checked buffer: a failed write (full disk, closed stdout, a
    // consumer gone) is known, with its reason, once everything is flushed.
    if (int error = atlas::stdout_error(); error != 0 && code == 0) {
        std::cerr << "clusteratlas: stdout: cannot write (" << std::strerror(error) << ")\n";
        return 4;
    }
    return code;
}
