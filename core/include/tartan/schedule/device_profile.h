// Device profiles: which OpenCL devices tartan has validated, and the scheduling parameters
// to start from on each family. Profiles are data (configs/devices/*.yaml), loadable without a
// rebuild; see configs/README.md for the schema.
//
// A device matches a profile when every selector the profile gives matches it. Among matching
// profiles the most specific (most selectors) wins; ties go to the file name that sorts first.
// A device no profile matches gets default.yaml's tuning and the tier "unmatched".
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tartan/runtime/device.h"
#include "tartan/schedule/plan.h"

namespace tartan {

enum class Tier { kValidated, kExperimental, kUnmatched };
const char* tier_name(Tier tier);  // "validated", "experimental", "unmatched"

// A selector field: a case-insensitive substring, or (written `{regex: "..."}`) an ECMAScript
// regular expression searched case-insensitively.
struct TextSelector {
  std::string pattern;
  bool is_regex = false;
  bool matches(const std::string& text) const;
};

struct ProfileSelectors {
  std::optional<TextSelector> vendor;      // DeviceInfo::vendor
  std::optional<TextSelector> name;        // DeviceInfo::name
  std::optional<TextSelector> platform;    // DeviceInfo::platform_name
  std::vector<runtime::DeviceType> types;  // any of these; empty: any type
  int specificity() const;
  bool matches(const runtime::DeviceInfo& device) const;
};

struct DeviceProfile {
  std::string name;  // the file's stem: "nvidia_gpu"
  std::filesystem::path file;
  Tier tier = Tier::kUnmatched;
  std::string note;  // one line for humans
  ProfileSelectors selectors;
  Tuning tuning;
};

struct ProfileSet {
  std::filesystem::path dir;
  std::vector<DeviceProfile> profiles;  // sorted by file name
  DeviceProfile fallback;               // default.yaml: no selectors, tier kUnmatched
};

// The profile folder: $TARTAN_PROFILES_DIR, else the installed share/tartan/configs/devices next
// to the running executable, else the source tree's configs/devices (build trees), else the
// configured install prefix's. Throws Error listing the places searched when none exists.
std::filesystem::path profiles_dir();

// Loads every *.yaml of `dir`. A malformed file throws Error naming the file, line and key.
ProfileSet load_profiles(const std::filesystem::path& dir);
ProfileSet load_profiles();  // load_profiles(profiles_dir())

// Parses one profile from text (the loader's work for one file; exposed for tests). Tuning keys
// the file leaves out keep their value in `base` (the loader passes default.yaml's tuning).
// `is_default`: the file is default.yaml, which takes neither selectors nor a tier.
DeviceProfile parse_profile(const std::string& text, const std::filesystem::path& file,
                            const Tuning& base = {}, bool is_default = false);

struct ProfileMatch {
  const DeviceProfile* profile = nullptr;  // into the ProfileSet; the fallback when unmatched
  Tier tier = Tier::kUnmatched;
  std::string reason;  // why this profile (or why none matched)
};

ProfileMatch match_profile(const ProfileSet& set, const runtime::DeviceInfo& device);

}  // namespace tartan
