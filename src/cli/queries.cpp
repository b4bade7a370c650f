// The everyday queries, registered alike by both programs (io/program_files.hpp).
#include "commands.hpp"

namespace atlas::cli {

void register_queries(CLI::App& app, Context& ctx) {
    register_info(app, ctx);
    register_list(app, ctx);
    register_show(app, ctx);
    register_compare(app, ctx);
    register_coverage(app, ctx);
}

}  // namespace atlas::cli
