#pragma once
/// Class breaks for classed choropleth maps: quantile, equal interval and natural breaks (Jenks).

#include <cstddef>
#include <string>
#include <vector>

namespace atlas {

enum class ClassMethod { Quantile, EqualInterval, NaturalBreaks };

/// "quantile", "equal" (also "equal-interval"), "natural" (also "jenks"), case-insensitive;
/// AtlasError(Usage) naming the value and the accepted names otherwise.
ClassMethod parse_class_method(const std::string& name);

/// "quantile", "equal", "natural".
const char* to_string(ClassMethod m);

struct Classes {
    /// Class bounds: breaks[0] = min, breaks.back() = max; classes() = breaks.size() - 1.
    /// breaks[1..] are strictly ascending; breaks[0] == breaks[1] only when the lowest class holds
    /// just the minimum (e.g. a single distinct value gives {v, v}). Empty when there was no value.
    std::vector<double> breaks;

    /// Class index 0..classes()-1 of a value: class i is (breaks[i], breaks[i+1]], the lowest class
    /// also includes breaks[0]. -1 for NaN and for values outside [breaks.front(), breaks.back()].
    int class_of(double value) const;
    std::size_t classes() const;
};

/// Breaks of `values` into at most `k` classes; k must be 2..9, AtlasError(Usage) otherwise.
/// NaN and infinite values are ignored; no finite value gives empty breaks (zero classes).
/// Fewer classes when there are fewer distinct values. Quantile and natural breaks classes are never
/// empty (quantile merges duplicate breaks); equal-interval classes may be, by the nature of the method.
/// Natural breaks: the exact Fisher/Jenks optimum (least within-class sum of squared deviations),
/// by dynamic programming over the distinct values.
Classes classify(const std::vector<double>& values, int k, ClassMethod method);

/// A short legend label: `significant` digits (3 by default), k/M/B/T suffixes from ten thousand up, integers below
/// that as they are: 1234567 -> "1.23M", 12345 -> "12.3k", 1234 -> "1234", 12 -> "12", 0.456 -> "0.456".
std::string format_break(double value, int significant = 3);

/// Labels for a set of class breaks: format_break with as many significant digits as it takes for
/// every two different neighbouring breaks to read differently (104.2 and 104.6, not 104 and 105).
std::vector<std::string> format_breaks(const std::vector<double>& breaks);

}  // namespace atlas
