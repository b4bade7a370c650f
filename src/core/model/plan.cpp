#include "model/plan.hpp"

#include <algorithm>

namespace atlas {

bool PlanRegion::has_partial_members() const {
    return std::any_of(members.begin(), members.end(), [](const Member& m) { return m.partial; });
}

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
    for (const T& item : items)
        if (item.id == id) return &item;
    return nullptr;
}
}  // namespace

const Industry* Plan::industry(const std::string& id) const { return find_by_id(industries, id); }
const PlanRegion* Plan::region(const std::string& id) const { return find_by_id(regions, id); }
const MacroArea* Plan::macro_area(const std::string& id) const { return find_by_id(macro_areas, id); }

std::vector<std::string> Plan::industry_with_descendants(const std::string& id) const {
    std::vector<std::string> out{id};
    for (std::size_t i = 0; i < out.size(); ++i)
        for (const Industry& ind : industries)
            // Each once: a parent cycle (refused by the reader) grew the list without end.
            if (ind.parent == out[i] && std::find(out.begin(), out.end(), ind.id) == out.end()) out.push_back(ind.id);
    return out;
}

bool Plan::designates(const PlanRegion& region, const std::string& industry_id) const {
    if (region.designation.type != DesignationType::Explicit) return false;
    std::vector<std::string> ids = industry_with_descendants(industry_id);
    return std::any_of(
        region.designation.industries.begin(), region.designation.industries.end(),
        [&](const IndustryDesignation& d) { return std::find(ids.begin(), ids.end(), d.industry) != ids.end(); });
}

std::vector<const Industry*> Plan::sectors() const {
    std::vector<const Industry*> out;
    for (const Industry& ind : industries)
        if (ind.parent.empty() && !ind.cross_cutting) out.push_back(&ind);
    return out;
}

const char* to_string(DesignationType type) {
    switch (type) {
        case DesignationType::Explicit:
            return "explicit";
        case DesignationType::General:
            return "general";
        case DesignationType::Context:
            return "context";
    }
    return "?";
}

}  // namespace atlas
