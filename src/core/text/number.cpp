#include "text/number.hpp"

#include <cstdio>

namespace atlas {

std::string short_number(double v, int significant) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.*g", significant, v);
    return buffer;
}

}  // namespace atlas
