// The one translation unit that compiles stb_image_write (Debian's libstb ships headers and a
// library without this writer's implementation exported under a stable name).
//
// Its deflate goes through zlib (Debian's zlib1g) at level 3 instead of stb's own: stb's encoder was
// a fifth of a 1600x1200 render, and zlib's fast levels compress a map of flat colours nearly as well.
#include <zlib.h>

#include <cstdlib>

namespace {
unsigned char* zlib_compress(unsigned char* data, int size, int* out_size, int /*stb's quality*/) {
    uLongf bound = compressBound(static_cast<uLong>(size));
    auto* out = static_cast<unsigned char*>(std::malloc(bound));
    if (out == nullptr) return nullptr;
    if (compress2(out, &bound, data, static_cast<uLong>(size), 3) != Z_OK) {
        std::free(out);
        return nullptr;
    }
    *out_size = static_cast<int>(bound);
    return out;
}
}  // namespace

#define STBIW_ZLIB_COMPRESS zlib_compress
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
