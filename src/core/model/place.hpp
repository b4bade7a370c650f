#pragma once
/// The plan's places below the region (section 8): the comprehensive innovation reform pilot zones the
/// clusters focus on (§8(2), 8 zones set in 2015) and the national new districts industries gather
/// around (§8(3), 19 by 2017). The plan names neither list; geodata/source/places/ gives them with
/// their sources (../shared/reference/places). Fields no stored source confirmed are listed in
/// `unconfirmed` and shown as such.

#include <optional>
#include <string>
#include <vector>

namespace atlas {

enum class PlaceKind { PilotZone, NewDistrict };

/// "pilot-zone", "new-district" (the --kind values).
const char* to_string(PlaceKind kind);

struct Place;

/// Whether the place was approved after the industry plan (29 November 2016) by the year and month its
/// `approved` text begins with ("2017-04-01 (...)": the Xiong'an New Area): section 8(3) speaks of the
/// national new districts in general and cannot have meant it. False when the text holds no date.
bool approved_after_plan(const Place& place);

struct Place {
    PlaceKind kind = PlaceKind::PilotZone;
    std::string id;  ///< pilot zones: their own id (xian); new districts: "nd" + their number (nd07)
    std::string name_zh, name_en;
    /// GB/T 2260 (2016) codes of the units it covers: provinces or prefectures for a pilot zone,
    /// county-level units for a new district.
    std::vector<std::string> codes;
    std::vector<std::string> core_codes;   ///< a pilot zone's core cities, when it names them
    bool partial = false;                  ///< a new district covering only parts of its counties
    std::string partial_text;              ///< the source's word ("yes", "partly (...)")
    std::optional<double> area_km2;        ///< the district's own land area, when the source gives one number
    std::string area_text;                 ///< as the source gives it ("land 1440; sea 20800")
    std::string approved;                  ///< date (and what happened), as the source gives it
    std::string document;                  ///< approval document
    std::string covers;                    ///< the source's description of what it covers
    std::string focus;                     ///< a pilot zone's stated focus
    std::string province;                  ///< a new district's province, in Chinese
    std::vector<std::string> sources;      ///< URLs
    std::string verified;                  ///< what a stored source confirmed, in the source's words
    std::vector<std::string> unconfirmed;  ///< fields whose value is "from memory" (no stored source)
};

struct PlaceSet {
    std::vector<Place> places;  ///< pilot zones first, then new districts, in the files' order
    /// Null when no place has that id.
    const Place* find(const std::string& id) const;
};

}  // namespace atlas
