// What every tartan-setup mode starts from: the device profiles, the OpenCL devices, the
// config (where it is read from and written to, and what it holds) and the device tartan
// would use now.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "options.h"
#include "tartan/runtime/device.h"
#include "tartan/schedule/device_profile.h"
#include "tartan/support/config.h"

namespace tartan::setup {

struct Session {
  ProfileSet profiles;
  std::vector<runtime::Device> devices;
  std::filesystem::path read_path;         // where the config was read from (may not exist)
  std::filesystem::path write_path;        // where it is saved
  UserConfig saved;                        // the file's contents (defaults if none)
  UserConfig effective;                    // with TARTAN_DEVICE / TARTAN_EXPERIMENTAL applied
  std::optional<std::string> selected_id;  // the device tartan uses now, if any
  std::string selection_problem;           // why there is none, if so
};

// Throws Error when there is no OpenCL platform, no profile folder, or a malformed config
// (unless `tolerate_bad_config`, for listing: then the problem is in selection_problem).
Session open_session(const SetupOptions& options, bool tolerate_bad_config);

}  // namespace tartan::setup
