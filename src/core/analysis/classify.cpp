#include "analysis/classify.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "error.hpp"
#include "text/escape.hpp"
#include "text/utf8.hpp"

namespace atlas {

namespace {

/// The finite values, sorted.
std::vector<double> sorted_finite(const std::vector<double>& values) {
    std::vector<double> out;
    out.reserve(values.size());
    for (double v : values)
        if (std::isfinite(v)) out.push_back(v);
    std::sort(out.begin(), out.end());
    return out;
}

/// Distinct values of a sorted vector with how often each occurs.
void distinct_with_counts(const std::vector<double>& sorted, std::vector<double>& xs, std::vector<double>& counts) {
    for (double v : sorted) {
        if (xs.empty() || v != xs.back()) {
            xs.push_back(v);
            counts.push_back(0);
        }
        counts.back() += 1;
    }
}

/// Appends an interior or final break, keeping breaks[1..] strictly ascending. A break equal to the
/// minimum is kept once: it makes the lowest class hold just the minimum, which is a real class.
void push_break(std::vector<double>& breaks, double b) {
    if (b > breaks.back() || (breaks.size() == 1 && b == breaks.back())) breaks.push_back(b);
}

std::vector<double> quantile_breaks(const std::vector<double>& sorted, int k) {
    const std::size_t n = sorted.size();
    const auto classes = static_cast<std::size_t>(k);
    std::vector<double> breaks{sorted.front()};
    // Upper bound of class i is the value at rank ceil(i*n/k): each class gets n/k values, ties aside.
    for (std::size_t i = 1; i < classes; ++i) push_break(breaks, sorted[(i * n + classes - 1) / classes - 1]);
    if (breaks.size() == 1 || sorted.back() > breaks.back()) breaks.push_back(sorted.back());
    return breaks;
}

std::vector<double> equal_breaks(double lo, double hi, int k) {
    std::vector<double> breaks{lo};
    const double span = hi - lo;
    for (int i = 1; i < k; ++i) {
        double t = static_cast<double>(i) / k;
        // lo + span * t puts a break at 0 exactly where it belongs (-4..2 in 3: -4 + 6 * 2/3 = 0;
        // interpolated it was -2.2e-16, printed "-2.22e-16"); interpolation only where hi - lo
        // overflows to inf (values spanning more than DBL_MAX).
        double b = std::isfinite(span) ? lo + span * t : lo * (1 - t) + hi * t;
        if (std::isfinite(span) && std::fabs(b) < span * 1e-12) b = 0;  // rounding's residue of a zero
        breaks.push_back(b);
    }
    breaks.push_back(hi);  // exactly the maximum, whatever the rounding above
    return breaks;
}

/// Weighted prefix sums over distinct values, centred on their mean so that sums of squares of large
/// values (populations, GDP) keep their precision.
class RangeVariance {
  public:
    RangeVariance(const std::vector<double>& xs, const std::vector<double>& w) {
        double total = 0, weight = 0;
        for (std::size_t i = 0; i < xs.size(); ++i) total += xs[i] * w[i], weight += w[i];
        const double centre = total / weight;
        s0_.assign(xs.size() + 1, 0);
        s1_.assign(xs.size() + 1, 0);
        s2_.assign(xs.size() + 1, 0);
        for (std::size_t i = 0; i < xs.size(); ++i) {
            const double d = xs[i] - centre;
            s0_[i + 1] = s0_[i] + w[i];
            s1_[i + 1] = s1_[i] + w[i] * d;
            s2_[i + 1] = s2_[i] + w[i] * d * d;
        }
    }
    /// Sum of squared deviations from their mean of distinct values a..b (inclusive).
    double sse(std::size_t a, std::size_t b) const {
        const double n = s0_[b + 1] - s0_[a], s1 = s1_[b + 1] - s1_[a], s2 = s2_[b + 1] - s2_[a];
        return std::max(0.0, s2 - s1 * s1 / n);
    }

  private:
    std::vector<double> s0_, s1_, s2_;
};

/// Fisher's exact optimal partition of sorted distinct values (with weights) into `k` contiguous
/// classes. O(k * n^2) in the number of distinct values: fine for region tables (a few hundred rows).
/// An optimal partition never needs to split equal values, so working on distinct values is exact.
std::vector<double> natural_breaks(const std::vector<double>& xs, const std::vector<double>& w, int k) {
    const std::size_t n = xs.size(), classes = static_cast<std::size_t>(k);
    const RangeVariance variance(xs, w);
    const double inf = std::numeric_limits<double>::infinity();
    // cost[j][i]: least SSE of values 0..i in j+1 classes; first[j][i]: where the last of them starts.
    std::vector<std::vector<double>> cost(classes, std::vector<double>(n, inf));
    std::vector<std::vector<std::size_t>> first(classes, std::vector<std::size_t>(n, 0));
    for (std::size_t i = 0; i < n; ++i) cost[0][i] = variance.sse(0, i);
    for (std::size_t j = 1; j < classes; ++j)
        for (std::size_t i = j; i < n; ++i)
            for (std::size_t m = j; m <= i; ++m) {
                const double c = cost[j - 1][m - 1] + variance.sse(m, i);
                if (c < cost[j][i]) cost[j][i] = c, first[j][i] = m;
            }
    // Walk back from the last class; each class start m gives the previous class's upper bound xs[m-1].
    std::vector<double> breaks(classes + 1);
    breaks[0] = xs.front();
    breaks[classes] = xs.back();
    std::size_t end = n - 1;
    for (std::size_t j = classes - 1; j >= 1; --j) {
        const std::size_t m = first[j][end];
        breaks[j] = xs[m - 1];
        end = m - 1;
    }
    return breaks;
}

}  // namespace

ClassMethod parse_class_method(const std::string& name) {
    const std::string n = ascii_lower(name);
    if (n == "quantile") return ClassMethod::Quantile;
    if (n == "equal" || n == "equal-interval") return ClassMethod::EqualInterval;
    if (n == "natural" || n == "jenks") return ClassMethod::NaturalBreaks;
    throw AtlasError(ErrorKind::Usage,
                     "unknown classification method " + quote_value(name) + " (expected quantile, equal or natural)");
}

const char* to_string(ClassMethod m) {
    switch (m) {
        case ClassMethod::Quantile:
            return "quantile";
        case ClassMethod::EqualInterval:
            return "equal";
        case ClassMethod::NaturalBreaks:
            return "natural";
    }
    return "?";
}

std::size_t Classes::classes() const { return breaks.empty() ? 0 : breaks.size() - 1; }

int Classes::class_of(double value) const {
    if (std::isnan(value) || breaks.size() < 2 || value < breaks.front() || value > breaks.back()) return -1;
    // First upper bound >= value; breaks[1..] are strictly ascending.
    auto it = std::lower_bound(breaks.begin() + 1, breaks.end(), value);
    return static_cast<int>(it - (breaks.begin() + 1));
}

Classes classify(const std::vector<double>& values, int k, ClassMethod method) {
    if (k < 2 || k > 9)
        throw AtlasError(ErrorKind::Usage, "number of classes must be 2 to 9, got " + std::to_string(k));
    const std::vector<double> sorted = sorted_finite(values);
    if (sorted.empty()) return {};
    std::vector<double> xs, counts;
    distinct_with_counts(sorted, xs, counts);
    if (xs.size() == 1) return {{xs[0], xs[0]}};
    const int classes = std::min(k, static_cast<int>(xs.size()));
    switch (method) {
        case ClassMethod::Quantile:
            return {quantile_breaks(sorted, classes)};
        case ClassMethod::EqualInterval:
            return {equal_breaks(xs.front(), xs.back(), classes)};
        case ClassMethod::NaturalBreaks:
            return {natural_breaks(xs, counts, classes)};
    }
    return {};
}

std::string format_break(double value, int significant) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
    char buf[64];
    const double mag = std::fabs(value);
    if (mag >= 1e15) {
        std::snprintf(buf, sizeof buf, "%.*g", significant, value);
    } else if (mag >= 1e4) {
        // Round to the significant digits first, so that 999999 becomes "1M", not "1e+03k".
        std::snprintf(buf, sizeof buf, "%.*e", significant - 1, value);
        const double rounded = std::strtod(buf, nullptr), r = std::fabs(rounded);
        const char* suffix = r >= 1e12 ? "T" : r >= 1e9 ? "B" : r >= 1e6 ? "M" : "k";
        const double scale = r >= 1e12 ? 1e12 : r >= 1e9 ? 1e9 : r >= 1e6 ? 1e6 : 1e3;
        std::snprintf(buf, sizeof buf, "%.*g%s", significant, rounded / scale, suffix);
    } else if (mag >= 1000 || value == std::floor(value)) {
        std::snprintf(buf, sizeof buf, "%.0f", value);
    } else {
        std::snprintf(buf, sizeof buf, "%.*g", significant, value);
    }
    std::string s = buf;
    return s == "-0" ? "0" : s;
}

std::vector<std::string> format_breaks(const std::vector<double>& breaks) {
    std::vector<std::string> labels;
    for (int significant = 3; significant <= 15; ++significant) {
        labels.clear();
        for (double b : breaks) labels.push_back(format_break(b, significant));
        bool distinct = true;
        for (std::size_t i = 1; i < breaks.size(); ++i)
            distinct = distinct && (breaks[i] == breaks[i - 1] || labels[i] != labels[i - 1]);
        if (distinct) break;
    }
    // One number of decimals for every break under 1,000 ("1.97 - 3.00", "3.00 - 3.82", never
    // "1.97 - 3", "3 - 3.82"): the most any of them needed to stay apart.
    int decimals = 0;
    for (std::size_t i = 0; i < breaks.size(); ++i)
        if (std::fabs(breaks[i]) < 1000 && labels[i].find_first_of("einI") == std::string::npos) {
            std::size_t dot = labels[i].find('.');
            if (dot != std::string::npos) decimals = std::max(decimals, static_cast<int>(labels[i].size() - dot - 1));
        }
    for (std::size_t i = 0; i < breaks.size() && decimals > 0; ++i) {
        if (!(std::fabs(breaks[i]) < 1000)) continue;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*f", decimals, breaks[i]);
        std::string label = buf;
        if (label[0] == '-' && label.find_first_not_of("-0.") == std::string::npos) label.erase(0, 1);  // "-0.00"
        labels[i] = label;
    }
    return labels;
}

}  // namespace atlas
