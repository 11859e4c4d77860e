// What tartan-setup shows about each OpenCL device: a table for people, JSON for scripts.
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tartan/runtime/device.h"
#include "tartan/schedule/device_profile.h"
#include "terminal.h"

namespace tartan::setup {

struct DeviceRow {
  runtime::DeviceInfo info;
  Tier tier = Tier::kUnmatched;
  std::string profile;    // matched profile's name, "default" when unmatched
  std::string note;       // the profile's note
  std::string reason;     // why this profile (or none) matched
  bool usable = false;    // with the experimental setting in force
  bool selected = false;  // the device tartan uses now (config, environment or default)
};

std::vector<DeviceRow> device_rows(const std::vector<runtime::Device>& devices,
                                   const ProfileSet& profiles, bool experimental,
                                   const std::optional<std::string>& selected_id);

// "7.8 GiB", "512 MiB".
std::string format_bytes(std::uint64_t bytes);

// The table: per device a line of aligned columns (tier, type, compute units, memory, OpenCL,
// driver), then its name, vendor and platform, then its id. `verbose` adds the profile's note
// and the match reason.
void print_device_table(std::ostream& out, const std::vector<DeviceRow>& rows, const Style& style,
                        bool verbose);

nlohmann::json device_json(const DeviceRow& row);

}  // namespace tartan::setup
