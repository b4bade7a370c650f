#pragma once
/// The attribute tables of the exported layers (internal to export.cpp and its tests).

#include <set>
#include <string>
#include <vector>

#include "document.hpp"
#include "io/vector_writer.hpp"

namespace atlas {

/// What an export covers: the chosen regions and, when a filter is set, the units and provinces
/// they touch.
struct ExportSelection {
    std::vector<const RegionShape*> regions;
    std::set<std::string> unit_codes;      ///< prefecture-level units inside the chosen regions
    std::set<std::string> province_codes;  ///< provinces those units lie in
    bool filtered = false;                 ///< false: everything
    bool regions_chosen = false;           ///< regions named explicitly (limits the coverage layer too)
    std::string industry;                  ///< industry filter, for the coverage layer
};

OutLayer provinces_table(Document& doc, const ExportSelection& sel);
OutLayer prefectures_table(Document& doc, const ExportSelection& sel);
OutLayer regions_table(Document& doc, const ExportSelection& sel);
OutLayer hubs_table(Document& doc, const ExportSelection& sel);
OutLayer coverage_table(Document& doc, const ExportSelection& sel);
/// The terms of the county layer's data (AMap's), said wherever it is exported.
std::string county_terms();
/// Needs doc.counties(); with a region filter, the counties of the units in the chosen regions.
OutLayer counties_table(Document& doc, const ExportSelection& sel);
OutLayer pilot_zones_table(Document& doc, const ExportSelection& sel);
/// Needs doc.counties(): each district drawn from its county-level units, flagged partial.
OutLayer new_districts_table(Document& doc, const ExportSelection& sel);

}  // namespace atlas
