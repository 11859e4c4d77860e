#include "tartan/schedule/device_profile.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <utility>

#include "support/yaml_read.h"
#include "tartan/schedule/tuning.h"
#include "tartan/support/env.h"
#include "tartan/support/file_io.h"

namespace tartan {
namespace {

namespace fs = std::filesystem;
using runtime::DeviceType;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

TextSelector parse_text_selector(const YAML::Node& node, const std::string& file,
                                 const std::string& key) {
  TextSelector sel;
  if (node.IsMap()) {
    yaml::require_map(node, file, "selectors." + key, {"regex"});
    if (!node["regex"]) {
      yaml::fail(node, file, "selector '" + key + "' is an empty map",
                 "write `" + key + ": text` or `" + key + ": {regex: \"...\"}`");
    }
    sel.pattern = yaml::read_string(node["regex"], file, key + ".regex");
    sel.is_regex = true;
    try {
      std::regex check(sel.pattern, std::regex::ECMAScript | std::regex::icase);
    } catch (const std::regex_error& e) {
      yaml::fail(node["regex"], file,
                 "selector '" + key + "' has an invalid regular expression: " + e.what(),
                 "use ECMAScript syntax, e.g. {regex: \"^Intel\\\\(R\\\\) .*OpenCL\"}");
    }
  } else {
    sel.pattern = yaml::read_string(node, file, "selectors." + key);
  }
  if (sel.pattern.empty()) {
    yaml::fail(node, file, "selector '" + key + "' is empty", "give text to match, or remove it");
  }
  return sel;
}

DeviceType parse_type(const YAML::Node& node, const std::string& file) {
  const std::string t = yaml::read_string(node, file, "selectors.type");
  if (t == "cpu") return DeviceType::kCpu;
  if (t == "gpu") return DeviceType::kGpu;
  if (t == "accelerator") return DeviceType::kAccelerator;
  if (t == "other") return DeviceType::kOther;
  yaml::fail(node, file, "unknown device type '" + t + "' in selectors.type",
             "use cpu, gpu, accelerator or other (or a list of them)");
}

ProfileSelectors parse_selectors(const YAML::Node& node, const std::string& file) {
  yaml::require_map(node, file, "selectors", {"vendor", "name", "platform", "type"});
  ProfileSelectors s;
  if (node["vendor"]) s.vendor = parse_text_selector(node["vendor"], file, "vendor");
  if (node["name"]) s.name = parse_text_selector(node["name"], file, "name");
  if (node["platform"]) s.platform = parse_text_selector(node["platform"], file, "platform");
  if (const YAML::Node type = node["type"]) {
    if (type.IsSequence()) {
      for (const YAML::Node& t : type) s.types.push_back(parse_type(t, file));
    } else {
      s.types.push_back(parse_type(type, file));
    }
  }
  if (s.specificity() == 0) {
    yaml::fail(node, file, "'selectors' selects nothing",
               "give at least one of vendor, name, platform, type");
  }
  return s;
}

Tuning parse_tuning(const YAML::Node& node, const std::string& file, Tuning t) {
  std::vector<std::string_view> keys;
  yaml::append_keys<PassTuning>(kPassTuningFields, &keys);
  yaml::append_keys<ScheduleTuning>(kScheduleTuningFields, &keys);
  yaml::append_keys<BuildTuning>(kBuildTuningFields, &keys);
  yaml::require_map(node, file, "tuning", keys);
  yaml::read_fields<PassTuning>(node, file, kPassTuningFields, t);
  yaml::read_fields<ScheduleTuning>(node, file, kScheduleTuningFields, t);
  yaml::read_fields<BuildTuning>(node, file, kBuildTuningFields, t);
  return t;
}

std::string describe(const runtime::DeviceInfo& d) {
  return "vendor '" + d.vendor + "', name '" + d.name + "', platform '" + d.platform_name +
         "', type " + runtime::device_type_name(d.type);
}

// <prefix>/bin/<exe> -> <prefix>/share/tartan/configs/devices: works for relocated installs.
std::optional<fs::path> installed_next_to_executable() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  return exe.parent_path().parent_path() / "share" / "tartan" / "configs" / "devices";
}

}  // namespace

const char* tier_name(Tier tier) {
  switch (tier) {
    case Tier::kValidated:
      return "validated";
    case Tier::kExperimental:
      return "experimental";
    case Tier::kUnmatched:
      break;
  }
  return "unmatched";
}

bool TextSelector::matches(const std::string& text) const {
  if (is_regex) {
    return std::regex_search(text, std::regex(pattern, std::regex::ECMAScript | std::regex::icase));
  }
  return lower(text).find(lower(pattern)) != std::string::npos;
}

int ProfileSelectors::specificity() const {
  return (vendor ? 1 : 0) + (name ? 1 : 0) + (platform ? 1 : 0) + (types.empty() ? 0 : 1);
}

bool ProfileSelectors::matches(const runtime::DeviceInfo& d) const {
  if (vendor && !vendor->matches(d.vendor)) return false;
  if (name && !name->matches(d.name)) return false;
  if (platform && !platform->matches(d.platform_name)) return false;
  if (!types.empty() && std::find(types.begin(), types.end(), d.type) == types.end()) return false;
  return true;
}

DeviceProfile parse_profile(const std::string& text, const fs::path& file, const Tuning& base,
                            bool is_default) {
  const std::string f = file.string();
  const YAML::Node root = yaml::parse(text, f);
  yaml::require_map(root, f, "the profile", {"tier", "note", "selectors", "tuning"});
  DeviceProfile p;
  p.name = file.stem().string();
  p.file = file;
  p.tuning = base;
  if (root["note"]) p.note = yaml::read_string(root["note"], f, "note");
  if (root["tuning"]) p.tuning = parse_tuning(root["tuning"], f, base);
  if (is_default) {
    for (const char* key : {"tier", "selectors"}) {
      if (root[key]) {
        yaml::fail(root[key], f, std::string("default.yaml takes no '") + key + "'",
                   "default.yaml describes devices no other profile matches; give it only a "
                   "note and tuning");
      }
    }
    return p;
  }
  const YAML::Node tier = root["tier"];
  if (!tier)
    yaml::fail(root, f, "the profile has no 'tier'",
               "add `tier: validated` or `tier: experimental`");
  const std::string t = yaml::read_string(tier, f, "tier");
  if (t == "validated") {
    p.tier = Tier::kValidated;
  } else if (t == "experimental") {
    p.tier = Tier::kExperimental;
  } else {
    yaml::fail(tier, f, "unknown tier '" + t + "'", "use validated or experimental");
  }
  if (!root["selectors"]) {
    yaml::fail(root, f, "the profile has no 'selectors'",
               "add a selectors map (vendor, name, platform, type) saying which devices it is for");
  }
  p.selectors = parse_selectors(root["selectors"], f);
  return p;
}

fs::path profiles_dir() {
  if (const auto env = env_string("TARTAN_PROFILES_DIR")) {
    if (!fs::is_directory(*env)) {
      throw Error("TARTAN_PROFILES_DIR is '" + *env + "', which is not a directory",
                  "point it at a folder of device profiles (configs/devices), or unset it");
    }
    return *env;
  }
  std::vector<fs::path> candidates;
  if (auto p = installed_next_to_executable()) candidates.push_back(*p);
#ifdef TARTAN_SOURCE_PROFILES_DIR
  candidates.emplace_back(TARTAN_SOURCE_PROFILES_DIR);
#endif
#ifdef TARTAN_INSTALL_PROFILES_DIR
  candidates.emplace_back(TARTAN_INSTALL_PROFILES_DIR);
#endif
  std::string searched;
  for (const fs::path& c : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(c / "default.yaml", ec)) return c;
    searched += "\n  " + c.string();
  }
  throw Error("no device profiles found; searched:" + searched,
              "reinstall tartan (it installs share/tartan/configs/devices), or set "
              "TARTAN_PROFILES_DIR to a copy of configs/devices");
}

ProfileSet load_profiles(const fs::path& dir) {
  ProfileSet set;
  set.dir = dir;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".yaml" && entry.path().filename() != "default.yaml") {
      files.push_back(entry.path());
    }
  }
  if (ec) {
    throw Error("cannot list device profiles in '" + dir.string() + "': " + ec.message(),
                "check that the folder exists and is readable");
  }
  std::sort(files.begin(), files.end());
  const auto read = [](const fs::path& file) {
    std::optional<std::string> text = read_file(file);
    if (!text) {
      throw Error("cannot read device profile '" + file.string() + "'",
                  "check that the file exists and is readable");
    }
    return *text;
  };
  const fs::path default_file = dir / "default.yaml";
  set.fallback = parse_profile(read(default_file), default_file, Tuning{}, /*is_default=*/true);
  for (const fs::path& file : files) {
    set.profiles.push_back(parse_profile(read(file), file, set.fallback.tuning));
  }
  return set;
}

ProfileSet load_profiles() { return load_profiles(profiles_dir()); }

ProfileMatch match_profile(const ProfileSet& set, const runtime::DeviceInfo& device) {
  const DeviceProfile* best = nullptr;
  for (const DeviceProfile& p : set.profiles) {
    // Strictly greater: on a tie the file that sorts first keeps the match.
    if (p.selectors.matches(device) &&
        (best == nullptr || p.selectors.specificity() > best->selectors.specificity())) {
      best = &p;
    }
  }
  if (best == nullptr) {
    return {&set.fallback, Tier::kUnmatched,
            "no profile in " + set.dir.string() + " matches " + describe(device) +
                "; using default.yaml's tuning"};
  }
  return {best, best->tier, "matched " + best->file.filename().string()};
}

}  // namespace tartan
