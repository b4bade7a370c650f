#pragma once
/// One error type for the whole core: fatal input/output problems throw AtlasError.
/// The message is a single line that names the file, layer, field or value at fault;
/// the CLI prints it as is and maps the kind to an exit code.

#include <stdexcept>
#include <string>

namespace atlas {

enum class ErrorKind {
    Input,     ///< a data source, layer, field or value could not be used
    Output,    ///< a result could not be written
    NotFound,  ///< a name or code the user asked for does not exist
    Usage,     ///< an option value is malformed
};

class AtlasError : public std::runtime_error {
  public:
    AtlasError(ErrorKind kind, const std::string& message)
        : std::runtime_error(message), kind_(kind), message_(message) {}
    ErrorKind kind() const { return kind_; }
    /// The whole message, NUL bytes included (what() stops at the first).
    const std::string& message() const { return message_; }

  private:
    ErrorKind kind_;
    std::string message_;
};

/// Thrown in the front program (io/program_files.hpp) by what only the full program links (GDAL,
/// libpq: io/absent_gdal.cpp; PROJ: geo/projection_summary_front.cpp): the front then hands the whole command line
/// over. Deliberately not a std::exception, so that no handler of errors takes it for one.
struct NeedsFullProgram {
    const char* what;  ///< the function that needed it, for CLUSTERATLAS_FRONT_ONLY's message
};

/// Shorthand for the most common case: bad input.
[[noreturn]] inline void fail_input(const std::string& message) { throw AtlasError(ErrorKind::Input, message); }

}  // namespace atlas
