#include "analysis/classify.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "error.hpp"

using namespace atlas;

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> range(int from, int to) {
    std::vector<double> v;
    for (int i = from; i <= to; ++i) v.push_back(i);
    return v;
}

/// How many of the values fall in each class.
std::vector<int> counts(const Classes& c, const std::vector<double>& values) {
    std::vector<int> n(c.classes(), 0);
    for (double v : values)
        if (c.class_of(v) >= 0) ++n[static_cast<std::size_t>(c.class_of(v))];
    return n;
}
/// Sum of squared deviations of sorted values [a, b).
double sse(const std::vector<double>& v, std::size_t a, std::size_t b) {
    double mean = 0;
    for (std::size_t i = a; i < b; ++i) mean += v[i] / static_cast<double>(b - a);
    double s = 0;
    for (std::size_t i = a; i < b; ++i) s += (v[i] - mean) * (v[i] - mean);
    return s;
}

/// Within-class sum of squared deviations of a classification of sorted values.
double within_class_sse(const Classes& c, const std::vector<double>& sorted) {
    double total = 0;
    std::size_t start = 0;
    for (std::size_t i = 1; i <= sorted.size(); ++i)
        if (i == sorted.size() || c.class_of(sorted[i]) != c.class_of(sorted[start])) {
            total += sse(sorted, start, i);
            start = i;
        }
    return total;
}
}  // namespace

TEST_CASE("Classify: quantile breaks of 1..10 into 5 classes, two values each", "[classify]") {
    const auto values = range(1, 10);
    Classes c = classify(values, 5, ClassMethod::Quantile);
    CHECK(c.breaks == std::vector<double>{1, 2, 4, 6, 8, 10});
    CHECK(c.classes() == 5);
    CHECK(counts(c, values) == std::vector<int>{2, 2, 2, 2, 2});
}

TEST_CASE("Classify: equal interval of 0..100 into 4 classes", "[classify]") {
    Classes c = classify(range(0, 100), 4, ClassMethod::EqualInterval);
    CHECK(c.breaks == std::vector<double>{0, 25, 50, 75, 100});
    CHECK(counts(c, range(0, 100)) == std::vector<int>{26, 25, 25, 25});
}

TEST_CASE("Classify: natural breaks find the gaps of clustered data", "[classify]") {
    const std::vector<double> values{52, 1, 101, 3, 50, 2, 100, 51};  // order must not matter
    Classes c = classify(values, 3, ClassMethod::NaturalBreaks);
    CHECK(c.breaks == std::vector<double>{1, 3, 52, 101});
    CHECK(counts(c, values) == std::vector<int>{3, 3, 2});
}

TEST_CASE("Classify: natural breaks are the exact optimum, not a greedy split", "[classify]") {
    // Optimal 2-class split of {0, 1, 2, 10}: {0,1,2} | {10} (SSE 2) beats {0,1} | {2,10} (SSE 32.5).
    CHECK(classify({0, 1, 2, 10}, 2, ClassMethod::NaturalBreaks).breaks == std::vector<double>{0, 2, 10});
    // Against every partition of a small set with repeated values into 3 contiguous classes.
    std::vector<double> values{4, 4, 4, 5, 7, 7, 8, 12, 13, 13, 13, 20, 21, 30};
    Classes c = classify(values, 3, ClassMethod::NaturalBreaks);
    REQUIRE(c.classes() == 3);
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 1; i < values.size(); ++i)
        for (std::size_t j = i + 1; j < values.size(); ++j)
            best = std::min(best, sse(values, 0, i) + sse(values, i, j) + sse(values, j, values.size()));
    CHECK(within_class_sse(c, values) == Approx(best));
    // Large values keep their precision (sums of squares around 1e18).
    Classes big = classify({1e9, 1e9 + 1, 1e9 + 2, 1e9 + 100, 1e9 + 101}, 2, ClassMethod::NaturalBreaks);
    CHECK(big.breaks == std::vector<double>{1e9, 1e9 + 2, 1e9 + 101});
}

TEST_CASE("Classify: class_of bounds are upper-inclusive, the lowest class includes the minimum", "[classify]") {
    Classes c{{0, 25, 50, 75, 100}};
    CHECK(c.class_of(0) == 0);
    CHECK(c.class_of(25) == 0);
    CHECK(c.class_of(25.0001) == 1);
    CHECK(c.class_of(50) == 1);
    CHECK(c.class_of(99) == 3);
    CHECK(c.class_of(100) == 3);
    CHECK(c.class_of(-0.1) == -1);
    CHECK(c.class_of(100.1) == -1);
    CHECK(c.class_of(kNaN) == -1);
    CHECK(Classes{}.class_of(1) == -1);
    CHECK(Classes{}.classes() == 0);
}

TEST_CASE("Classify: NaN and infinite values are ignored", "[classify]") {
    std::vector<double> values = range(1, 10);
    values.insert(values.begin() + 3, kNaN);
    values.push_back(kNaN);
    values.push_back(std::numeric_limits<double>::infinity());
    for (ClassMethod m : {ClassMethod::Quantile, ClassMethod::EqualInterval, ClassMethod::NaturalBreaks}) {
        INFO(to_string(m));
        Classes c = classify(values, 5, m);
        CHECK(c.breaks.front() == 1);
        CHECK(c.breaks.back() == 10);
        CHECK(c.classes() == 5);
    }
    CHECK(classify({kNaN, kNaN}, 3, ClassMethod::Quantile).classes() == 0);
    CHECK(classify({}, 3, ClassMethod::NaturalBreaks).breaks.empty());
}

TEST_CASE("Classify: fewer distinct values than classes gives fewer, non-empty classes", "[classify]") {
    const std::vector<double> values{3, 7, 3, 7, 3, 12};
    for (ClassMethod m : {ClassMethod::Quantile, ClassMethod::EqualInterval, ClassMethod::NaturalBreaks}) {
        INFO(to_string(m));
        Classes c = classify(values, 5, m);
        CHECK(c.classes() == 3);
        CHECK(c.breaks.front() == 3);
        CHECK(c.breaks.back() == 12);
    }
    CHECK(classify(values, 5, ClassMethod::NaturalBreaks).breaks == std::vector<double>{3, 3, 7, 12});
    CHECK(counts(classify(values, 5, ClassMethod::NaturalBreaks), values) == std::vector<int>{3, 2, 1});

    // One distinct value: one class holding everything.
    Classes one = classify({4, 4, 4}, 4, ClassMethod::Quantile);
    CHECK(one.breaks == std::vector<double>{4, 4});
    CHECK(one.class_of(4) == 0);
}

TEST_CASE("Classify: quantile merges duplicate breaks so no class is empty", "[classify]") {
    const std::vector<double> values{1, 1, 1, 1, 1, 1, 1, 2, 3, 4};
    Classes c = classify(values, 5, ClassMethod::Quantile);
    CHECK(c.breaks == std::vector<double>{1, 1, 2, 4});
    CHECK(counts(c, values) == std::vector<int>{7, 1, 2});
}

TEST_CASE("Classify: class count and method names are checked", "[classify]") {
    for (int k : {-1, 0, 1, 10}) {
        INFO(k);
        CHECK_THROWS_AS(classify(range(1, 20), k, ClassMethod::Quantile), AtlasError);
    }
    try {
        classify(range(1, 20), 12, ClassMethod::EqualInterval);
        FAIL("no exception");
    } catch (const AtlasError& e) {
        CHECK(e.kind() == ErrorKind::Usage);
        CHECK_THAT(e.what(), Catch::Contains("12"));
    }
    CHECK(classify(range(1, 20), 2, ClassMethod::EqualInterval).classes() == 2);
    CHECK(classify(range(1, 20), 9, ClassMethod::NaturalBreaks).classes() == 9);

    CHECK(parse_class_method("quantile") == ClassMethod::Quantile);
    CHECK(parse_class_method("equal") == ClassMethod::EqualInterval);
    CHECK(parse_class_method("equal-interval") == ClassMethod::EqualInterval);
    CHECK(parse_class_method("natural") == ClassMethod::NaturalBreaks);
    CHECK(parse_class_method("Jenks") == ClassMethod::NaturalBreaks);
    for (ClassMethod m : {ClassMethod::Quantile, ClassMethod::EqualInterval, ClassMethod::NaturalBreaks})
        CHECK(parse_class_method(to_string(m)) == m);
    try {
        parse_class_method("kmeans");
        FAIL("no exception");
    } catch (const AtlasError& e) {
        CHECK(e.kind() == ErrorKind::Usage);
        CHECK_THAT(e.what(), Catch::Contains("'kmeans'"));
    }
}

TEST_CASE("Classify: legend labels are short", "[classify]") {
    CHECK(format_break(1234567) == "1.23M");
    CHECK(format_break(0.456) == "0.456");
    CHECK(format_break(12) == "12");
    CHECK(format_break(0) == "0");
    CHECK(format_break(-0.0) == "0");
    CHECK(format_break(1234) == "1234");
    CHECK(format_break(12.5) == "12.5");
    CHECK(format_break(12345) == "12.3k");
    CHECK(format_break(999999) == "1M");
    CHECK(format_break(2.5e9) == "2.5B");
    CHECK(format_break(-45000) == "-45k");
    CHECK(format_break(0.001234) == "0.00123");
}
