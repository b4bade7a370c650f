#pragma once
/// Reads and validates the plan file (geodata/plan.json).

#include <string>

#include "model/plan.hpp"
#include "model/region.hpp"

namespace atlas {

/// Parses the plan file. Throws AtlasError(Input) naming the file and the JSON path of the first
/// malformed or missing field, with its key: "plan.json: regions[1] (yangtze_river_delta): 'name_zh'
/// must be text, not a list ([1,2])" (a value of the wrong kind is never read as "" or false).
Plan read_plan(const std::string& path);

/// The same from the file's text; `path` names it in errors.
Plan parse_plan(const std::string& text, const std::string& path);

/// Checks the plan against itself and the geodata; throws AtlasError(Input) with one line that lists
/// every offender: duplicate region or industry ids, unknown parent or designated industry ids,
/// regions without members, members listed twice in one region, a name or alias two regions answer
/// to (compared as `show` compares names), unknown macro areas (naming `path`, the plan); member, hub or province
/// codes absent from both layers (naming `boundaries`, the layers' source, when given: a user's layer
/// of part of China lacks them, the plan is not at fault; else `path`).
void validate_plan(const Plan& plan, const RegionLayer& provinces, const RegionLayer& prefectures,
                   const std::string& path, const std::string& boundaries = "");

}  // namespace atlas
