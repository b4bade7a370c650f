// Inspector, docked at the right: everything the plan says about the selection, however it was made
// (click, search, matrix): the unit with its value in the current colouring, every region that
// contains it and how, then the selected region (industries, hubs, area, the plan's sentence,
// provenance, members). Tooltip: what lies under the pointer, with the choropleth's value.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "panels.hpp"
#include "text/escape.hpp"
#include "text/join.hpp"
#include "viewer_state.hpp"

namespace atlas::viewer {

namespace {

const char* kind_text(const PlanRegion& r) {
    switch (r.designation.type) {
        case DesignationType::Explicit:
            return tr("designated for named industries");
        case DesignationType::General:
            return tr("designated for strategic emerging industries in general");
        default:
            return tr("a wider area around the clusters (not a designated cluster)");
    }
}

std::string name_of(const ViewerState& state, const PlanRegion& r) {
    return state.session.english ? r.name_en : r.name_zh;
}

void region_details(ViewerState& state, const PlanRegion& r) {
    const RegionShape& shape = state.doc.shape(r);
    ImGui::TextWrapped("%s  %s", r.name_en.c_str(), r.name_zh.c_str());
    std::string kind = r.kind;  // "urban_agglomeration" -> "urban agglomeration"
    std::replace(kind.begin(), kind.end(), '_', ' ');
    ImGui::TextWrapped("%s (%s)", kind.c_str(), kind_text(r));
    if (r.designation.type == DesignationType::Explicit) {
        ImGui::TextUnformatted(tr("Industries the plan names:"));
        for (const IndustryDesignation& d : r.designation.industries) {
            const Industry* ind = state.doc.plan().industry(d.industry);
            ImGui::Bullet();
            ImGui::TextWrapped(tr("%s (plan section %s): \"%s\""),
                               (state.session.english ? ind->name_en : ind->name_zh).c_str(), ind->section.c_str(),
                               d.plan_term.c_str());
        }
    }
    std::string hubs = join_mapped(
        r.hubs, [](const Hub& h) { return h.name_en + " " + h.name_zh; }, ", ");
    ImGui::TextWrapped(tr("Hubs: %s"), hubs.empty() ? tr("none named") : hubs.c_str());
    ImGui::TextWrapped(tr("Area: %s, %zu members"), format_km2(shape.area_km2).c_str(), r.members.size());
    if (shape.partial_area_km2 > 0)
        ImGui::TextWrapped(tr("Includes %s of partial members counted whole: the area is an upper bound."),
                           format_km2(shape.partial_area_km2).c_str());
    // As `show` says it: the members' own areas sum to less.
    if (shape.gaps_km2 >= 0.5)
        ImGui::TextWrapped(tr("Of it, %s are slivers between members that no unit of the boundary source covers, "
                              "filled by the union."),
                           format_km2(shape.gaps_km2).c_str());
    ImGui::Separator();
    ImGui::TextWrapped(tr("Plan, section %s: \"%s\""), r.plan_section.c_str(), r.designation.quote.c_str());
    ImGui::Separator();
    if (r.extent.provisional) ImGui::TextColored(ImVec4(0.9f, 0.4f, 0.1f, 1), tr("PROVISIONAL extent"));
    ImGui::TextWrapped(tr("Extent defined by: %s"), r.extent.source_plan.c_str());
    // As `show` says it: the defining plan came after the industry plan (helper-52: the inspector did not).
    if (r.extent.after_plan) ImGui::TextWrapped("%s", tr("Issued after the industry plan of November 2016."));
    if (!r.extent.caveat.empty()) ImGui::TextWrapped(tr("Caveat: %s"), r.extent.caveat.c_str());
    // How the sources were checked, and what they leave unconfirmed (a year, a name): as `show` gives it.
    if (!r.extent.verification.empty() && ImGui::TreeNode(tr("How the extent was verified"))) {
        ImGui::TextWrapped("%s", r.extent.verification.c_str());
        if (!r.extent.note.empty()) ImGui::TextWrapped(tr("Note: %s"), r.extent.note.c_str());
        ImGui::TreePop();
    }
    if (ImGui::TreeNode(tr("Members"))) {
        for (const Member& m : r.members)
            ImGui::TextWrapped("%s %s %s%s", m.code.c_str(), m.name_zh.c_str(), m.name_en.c_str(),
                               m.partial ? tr(" (partial member)") : "");
        ImGui::TreePop();
    }
}

/// How the unit belongs to one region, in words.
std::string membership_text(const UnitReport& report, const UnitMembership& m) {
    std::string how;
    if (report.is_county && m.excluded)
        how = tr("not in it: the plan lists its prefecture's counties without it");
    else if (report.is_county && m.partly_in)
        how = tr("partly in it (which part no source says; drawn whole, hatched)");
    else if (report.is_county && m.county_unknown)
        how = tr("maybe in it: its prefecture is a partial member whose counties no source lists");
    else if (report.is_county && m.scope != nullptr)
        how = tr("listed by the plan among its prefecture's counties");
    else if (report.is_county)
        how = tr("member through its prefecture-level unit");
    else if (report.is_province)
        how = m.units_inside == m.units_total
                  ? tr("all ") + std::to_string(m.units_total) + tr(" prefecture-level units")
                  : std::to_string(m.units_inside) + tr(" of ") + std::to_string(m.units_total) +
                        tr(" prefecture-level units");
    else if (m.via_province)
        how = tr("member as part of its province");
    else
        how = m.partial ? tr("partial member (only some of its counties)") : tr("member");
    if (!m.hubs.empty())
        how += tr("; hub: ") + join_mapped(
                                   m.hubs, [](const Hub* h) { return h->name_en; }, ", ");
    return how;
}

/// A PlaceTie's relation in the interface's language.
const char* relation_text(const std::string& relation) {
    if (relation == "hosts") return tr("hosts");
    if (relation == "lies in") return tr("lies in");
    if (relation == "core city of") return tr("core city of");
    return tr("lies in the core of");
}

/// The plan's places tied to the unit: "Xi'an hosts the Shaanxi Xixian New Area (approved 2014-01-06;
/// covers parts of its counties)", with what no source confirmed marked.
void place_lines(ViewerState& state, const UnitReport& report) {
    UnitLevel level = report.is_province ? UnitLevel::Province
                      : report.is_county ? UnitLevel::County
                                         : UnitLevel::Prefecture;
    std::vector<PlaceTie> ties = places_of_unit(state.doc.places(), *report.unit, level);
    if (ties.empty()) return;
    ImGui::Text(tr("Places of the plan (%zu):"), ties.size());
    const std::string& unit = state.session.english ? report.unit->name_en : report.unit->name_zh;
    for (const PlaceTie& tie : ties) {
        const Place& p = *tie.place;
        std::string name = state.session.english ? p.name_en : p.name_zh;
        std::string what = p.kind == PlaceKind::PilotZone ? tr("innovation reform pilot zone (2015)")
                                                          : std::string(tr("new district, approved ")) + p.approved;
        ImGui::BulletText("%s %s %s", unit.c_str(), relation_text(tie.relation), name.c_str());
        ImGui::Indent();
        ImGui::TextDisabled("%s%s%s", what.c_str(),
                            p.kind == PlaceKind::NewDistrict && p.partial ? tr("; covers parts of its counties") : "",
                            p.unconfirmed.empty() ? "" : tr("; some fields unconfirmed"));
        ImGui::Unindent();
    }
}

/// The unit's row of points counted per unit (Data: points), when the table has the unit.
void points_summary(const ViewerState& state, const Region& u) {
    const UserTable* t = state.data.get();
    if (t == nullptr || t->points_total == 0) return;
    auto it = std::find(t->codes.begin(), t->codes.end(), u.code);
    if (it == t->codes.end()) return;
    std::size_t row = static_cast<std::size_t>(it - t->codes.begin());
    auto cell = [&](std::size_t column) { return t->values[column][row]; };
    char line[256];
    std::snprintf(line, sizeof line, tr("Your points: %s (%.2f%% of those in a unit), %.3f per 1,000 km2"),
                  with_separators(static_cast<unsigned long long>(cell(0))).c_str(), cell(2), cell(1));
    ImGui::TextWrapped("%s", line);
    if (cell(0) > 0) ImGui::TextDisabled(tr("%.1f%% of them inside the regions the plan designates"), cell(3));
    for (std::size_t c = 4; c < t->columns.size(); ++c)
        if (!std::isnan(cell(c))) ImGui::TextDisabled("%s: %.2f", t->columns[c].c_str(), cell(c));
}

void unit_details(ViewerState& state, const UnitReport& report) {
    const Region& u = *report.unit;
    // A county's parent is its prefecture-level unit, a prefecture's its province.
    const Region* p = report.is_province ? nullptr
                      : report.is_county ? state.doc.prefecture_units().find(u.parent_code)
                                         : state.doc.province_units().find(u.parent_code);
    ImGui::TextWrapped("%s %s", u.name_en.c_str(), u.name_zh.c_str());
    ImGui::TextDisabled(tr("%s, GB/T 2260 code %s%s%s"),
                        report.is_province ? tr("province-level unit")
                        : report.is_county ? tr("county-level unit")
                                           : tr("prefecture-level unit"),
                        u.code.c_str(), p != nullptr ? ", " : "",
                        p != nullptr ? (state.session.english ? p->name_en : p->name_zh).c_str() : "");
    ImGui::Text(tr("Area: %s"), format_km2(u.area_km2).c_str());
    // Choropleths and point counts are of provinces and prefecture-level units: a county has none.
    UnitValue value = report.is_county ? UnitValue{} : value_of(state, u);
    if (!value.measure.empty())
        ImGui::TextWrapped("%s: %s%s%s", value.measure.c_str(), value.value.c_str(),
                           value.class_label.empty() ? "" : tr(", class "), value.class_label.c_str());
    if (!report.is_county) points_summary(state, u);
    if (report.regions.empty()) {
        ImGui::TextWrapped(tr("No region of the plan's section 8 contains it."));
        return;
    }
    ImGui::Text(tr("In regions of the plan (%zu):"), report.regions.size());
    for (const UnitMembership& m : report.regions) {
        ImGui::PushID(m.region->id.c_str());
        bool chosen = state.session.selected_region == m.region->id;
        if (ImGui::Selectable(name_of(state, *m.region).c_str(), chosen)) state.session.selected_region = m.region->id;
        ImGui::Indent();
        ImGui::TextDisabled("%s", membership_text(report, m).c_str());
        ImGui::Unindent();
        ImGui::PopID();
    }
    if (!report.industries.empty()) {
        std::string names = join_mapped(
            report.industries,
            [&](const std::string& id) {
                const Industry* ind = state.doc.plan().industry(id);
                return state.session.english ? ind->name_en : ind->name_zh;
            },
            ", ");
        ImGui::TextWrapped(tr("Industries named for these regions: %s"), names.c_str());
    }
    place_lines(state, report);
}

}  // namespace

void draw_inspector_panel(ViewerState& state) {
    PanelLayout& panels = state.session.panels;
    if (!begin_docked(state, {"##inspector", state.layout.inspector, "inspector", "<<", ">>"}, panels.inspector_open,
                      state.inspector_applied, panels.inspector_width))
        return;
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("Inspector"));
    const PlanRegion* region = selected_region(state);
    UnitReport report = selected_report(state);
    if (region != nullptr || report.unit != nullptr) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Clear (Esc)")))
            state.session.selected_region.clear(), state.session.selected_prefecture.clear();
        mark_widget(state, "inspector.clear");
    }
    ImGui::Separator();
    ImGui::BeginChild("body");
    if (region == nullptr && report.unit == nullptr)
        ImGui::TextWrapped(tr("Click the map, or search (/), to see what the plan says about a place or region."));
    if (report.unit != nullptr) {
        unit_details(state, report);
        ImGui::Separator();
    }
    if (region != nullptr) region_details(state, *region);
    ImGui::EndChild();
    ImGui::End();
}

void draw_hover_tooltip(const ViewerState& state) {
    // Only while the pointer is over the map this frame (not a frame late over a panel or the bar).
    if (state.hover.prefecture == nullptr || !state.pointer || ImGui::GetIO().WantCaptureMouse) return;
    // Opaque and at most about 28 characters wide: it must not hide a band of the map.
    ImGui::PushStyleColor(ImGuiCol_PopupBg, ImVec4(0.1f, 0.1f, 0.12f, 1));
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
    const Region& u = *state.hover.prefecture;
    ImGui::Text("%s %s", u.name_en.c_str(), u.name_zh.c_str());
    if (state.hover.province != nullptr && state.hover.province != state.hover.prefecture)
        ImGui::TextDisabled("%s %s", state.hover.province->name_en.c_str(), state.hover.province->name_zh.c_str());
    UnitValue value = value_of(state, u);
    if (!value.measure.empty()) {
        ImGui::TextWrapped("%s", value.measure.c_str());
        ImGui::Text("%s%s%s", value.value.c_str(), value.class_label.empty() ? "" : tr("  (class "),
                    value.class_label.empty() ? "" : (value.class_label + ")").c_str());
    }
    for (const PlanRegion* r : state.hover.regions) {
        ImGui::Bullet();
        ImGui::TextWrapped(tr("%s (industries named: %zu)"), (state.session.english ? r->name_en : r->name_zh).c_str(),
                           r->designation.industries.size());
    }
    // The plan's places in the unit, while their layers are shown.
    if (state.session.show_pilot_zones || state.session.show_new_districts)
        for (const PlaceTie& tie : places_of_unit(state.doc.places(), u, UnitLevel::Prefecture)) {
            bool zone = tie.place->kind == PlaceKind::PilotZone;
            if (zone ? !state.session.show_pilot_zones : !state.session.show_new_districts) continue;
            ImGui::TextDisabled("%s %s", relation_text(tie.relation),
                                (state.session.english ? tie.place->name_en : tie.place->name_zh).c_str());
        }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
    ImGui::PopStyleColor();
}

}  // namespace atlas::viewer
