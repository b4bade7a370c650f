#pragma once
/// Colour difference as people see it: CIE L*a*b* (D65) from sRGB, CIEDE2000 (Sharma, Wu and Dalal
/// 2005), and the common colour-vision deficiencies simulated with the matrices of Machado, Oliveira
/// and Fernandes (2009, severity 1.0) in linear RGB. Used to choose region colours that neighbours
/// never share, for every reader.

#include "scene/style.hpp"

namespace atlas {

struct Lab {
    double l = 0, a = 0, b = 0;
};

enum class VisionDeficiency { None, Protanopia, Deuteranopia, Tritanopia };
inline constexpr VisionDeficiency kAllVisions[] = {VisionDeficiency::None, VisionDeficiency::Protanopia,
                                                   VisionDeficiency::Deuteranopia, VisionDeficiency::Tritanopia};

/// sRGB (0-1, alpha ignored) to CIE L*a*b*, D65 white.
Lab to_lab(const Rgba& srgb);

/// CIEDE2000 difference; about 2.3 is just noticeable, over 10 reads as another colour.
double ciede2000(const Lab& x, const Lab& y);

/// The colour as a reader with the deficiency sees it (sRGB in, sRGB out, clamped).
Rgba simulate_vision(const Rgba& srgb, VisionDeficiency vision);

/// The smallest CIEDE2000 between two colours over normal vision and the three deficiencies.
double min_difference_all_visions(const Rgba& x, const Rgba& y);

}  // namespace atlas
