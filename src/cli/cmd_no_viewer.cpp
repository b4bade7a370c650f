// The view subcommand of a build made with -DATLAS_BUILD_VIEWER=OFF (no GL, EGL, GLFW or Dear ImGui):
// it exists so that a user who types it is told why it does nothing, not "unknown subcommand".
// (render is there in full, checking everything, with render_backend_none.cpp.)
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "error.hpp"

namespace atlas::cli {
namespace {

[[noreturn]] void not_built(const std::string& what) {
    throw AtlasError(ErrorKind::Usage, what +
                                           " is not in this build of clusteratlas (built with "
                                           "-DATLAS_BUILD_VIEWER=OFF: no OpenGL); the full build has it");
}

void register_missing(CLI::App& app, const std::string& name, const std::string& what) {
    CLI::App* cmd = app.add_subcommand(name, what + " (not in this build: it was built without OpenGL)");
    cmd->allow_extras();
    cmd->callback([what] { not_built(what); });
}

}  // namespace

void register_view(CLI::App& app, Context&) { register_missing(app, "view", "view (the interactive viewer)"); }

void run_default_view(Context&) { not_built("the viewer, which runs when no subcommand is given,"); }

}  // namespace atlas::cli
