#include "io/gdal_env.hpp"

#include <cpl_error.h>
#include <gdal.h>

#include <algorithm>
#include <mutex>

namespace atlas {

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

QuietGdalErrors::QuietGdalErrors() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
}

QuietGdalErrors::~QuietGdalErrors() { CPLPopErrorHandler(); }

std::string last_gdal_error() {
    std::string message = CPLGetLastErrorMsg();
    std::replace(message.begin(), message.end(), '\n', ' ');
    // A database driver's message often starts with the whole SQL statement; the reason follows
    // "ERROR:" (PostgreSQL's form).
    std::size_t error = message.find("ERROR: ");
    if (error != std::string::npos) message = message.substr(error + 7);
    std::size_t start = message.find_first_not_of(' ');
    message = start == std::string::npos ? "" : message.substr(start);
    if (message.size() > 240) message = message.substr(0, 237) + "...";
    return message;
}

}  // namespace atlas
