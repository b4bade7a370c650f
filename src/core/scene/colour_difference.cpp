#include "scene/colour_difference.hpp"

#include <algorithm>
#include <cmath>

namespace atlas {

namespace {

constexpr double kPi = 3.14159265358979323846;

double to_linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double to_srgb(double c) {
    c = std::clamp(c, 0.0, 1.0);
    return c <= 0.0031308 ? c * 12.92 : 1.055 * std::pow(c, 1 / 2.4) - 0.055;
}
double lab_f(double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; }
double degrees(double radians) { return radians * 180 / kPi; }
double radians(double deg) { return deg * kPi / 180; }

/// Hue angle in degrees, 0-360.
double hue(double b, double a) {
    if (a == 0 && b == 0) return 0;
    double h = degrees(std::atan2(b, a));
    return h < 0 ? h + 360 : h;
}

}  // namespace

Lab to_lab(const Rgba& c) {
    double r = to_linear(c.r), g = to_linear(c.g), b = to_linear(c.b);
    double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    double fx = lab_f(x), fy = lab_f(y), fz = lab_f(z);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double ciede2000(const Lab& x, const Lab& y) {
    double c1 = std::hypot(x.a, x.b), c2 = std::hypot(y.a, y.b), c_mean = (c1 + c2) / 2;
    double g = 0.5 * (1 - std::sqrt(std::pow(c_mean, 7) / (std::pow(c_mean, 7) + std::pow(25.0, 7))));
    double a1 = (1 + g) * x.a, a2 = (1 + g) * y.a;
    double cp1 = std::hypot(a1, x.b), cp2 = std::hypot(a2, y.b);
    double hp1 = hue(x.b, a1), hp2 = hue(y.b, a2);
    double dl = y.l - x.l, dc = cp2 - cp1, dh = 0;
    if (cp1 * cp2 != 0) {
        dh = hp2 - hp1;
        if (dh > 180) dh -= 360;
        if (dh < -180) dh += 360;
    }
    double d_hue = 2 * std::sqrt(cp1 * cp2) * std::sin(radians(dh / 2));
    double l_mean = (x.l + y.l) / 2, cp_mean = (cp1 + cp2) / 2, hp_mean = hp1 + hp2;
    if (cp1 * cp2 != 0) {
        if (std::abs(hp1 - hp2) <= 180)
            hp_mean /= 2;
        else
            hp_mean = hp1 + hp2 < 360 ? (hp1 + hp2 + 360) / 2 : (hp1 + hp2 - 360) / 2;
    }
    double t = 1 - 0.17 * std::cos(radians(hp_mean - 30)) + 0.24 * std::cos(radians(2 * hp_mean)) +
               0.32 * std::cos(radians(3 * hp_mean + 6)) - 0.20 * std::cos(radians(4 * hp_mean - 63));
    double d_theta = 30 * std::exp(-std::pow((hp_mean - 275) / 25, 2));
    double rc = 2 * std::sqrt(std::pow(cp_mean, 7) / (std::pow(cp_mean, 7) + std::pow(25.0, 7)));
    double sl = 1 + 0.015 * std::pow(l_mean - 50, 2) / std::sqrt(20 + std::pow(l_mean - 50, 2));
    double sc = 1 + 0.045 * cp_mean, sh = 1 + 0.015 * cp_mean * t;
    double rt = -std::sin(radians(2 * d_theta)) * rc;
    return std::sqrt(std::pow(dl / sl, 2) + std::pow(dc / sc, 2) + std::pow(d_hue / sh, 2) +
                     rt * (dc / sc) * (d_hue / sh));
}

Rgba simulate_vision(const Rgba& c, VisionDeficiency vision) {
    // Machado, Oliveira and Fernandes 2009, severity 1.0, on linear RGB.
    static const double kMatrices[3][9] = {
        {0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998},
        {0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940, 0.968881},
        {1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.303900},
    };
    if (vision == VisionDeficiency::None) return c;
    const double* m = kMatrices[static_cast<int>(vision) - 1];
    double r = to_linear(c.r), g = to_linear(c.g), b = to_linear(c.b);
    return {static_cast<float>(to_srgb(m[0] * r + m[1] * g + m[2] * b)),
            static_cast<float>(to_srgb(m[3] * r + m[4] * g + m[5] * b)),
            static_cast<float>(to_srgb(m[6] * r + m[7] * g + m[8] * b)), c.a};
}

double min_difference_all_visions(const Rgba& x, const Rgba& y) {
    double least = INFINITY;
    for (VisionDeficiency v : kAllVisions)
        least = std::min(least, ciede2000(to_lab(simulate_vision(x, v)), to_lab(simulate_vision(y, v))));
    return least;
}

}  // namespace atlas
