#include "fuzz_support.hpp"

#include "document.hpp"

namespace atlas::fuzz {

namespace {
Document& bundled() {
    static Document doc(bundled_sources());
    return doc;
}
}  // namespace

const RegionLayer& provinces() { return bundled().provinces(); }
const RegionLayer& prefectures() { return bundled().prefectures(); }

}  // namespace atlas::fuzz
