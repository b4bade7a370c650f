// The one translation unit that compiles stb_image_write (Debian's libstb ships headers and a
// library without this writer's implementation exported under a stable name).
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
