#include "tartan/support/config.h"

#include <algorithm>
#include <cctype>

#include "support/yaml_read.h"
#include "tartan/support/env.h"
#include "tartan/support/error.h"
#include "tartan/support/file_io.h"
#include "tartan/support/paths.h"

namespace tartan {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSystemConfig = "/etc/tartan/config.yaml";

PeakPerformance parse_peak(const YAML::Node& node, const std::string& file) {
  yaml::require_map(node, file, "peak", {"gflops", "gbps", "measured_at", "device"});
  PeakPerformance p;
  for (const char* key : {"gflops", "gbps"}) {
    if (!node[key]) {
      yaml::fail(node, file, std::string("'peak' has no '") + key + "'",
                 "rerun `tartan-setup` to measure the peak again, or delete the peak section");
    }
  }
  p.gflops = yaml::read_double(node["gflops"], file, "peak.gflops");
  p.gbps = yaml::read_double(node["gbps"], file, "peak.gbps");
  if (p.gflops <= 0 || p.gbps <= 0) {
    yaml::fail(node, file, "'peak' values must be positive",
               "rerun `tartan-setup` to measure the peak again, or delete the peak section");
  }
  if (node["measured_at"])
    p.measured_at = yaml::read_string(node["measured_at"], file, "peak.measured_at");
  if (node["device"]) p.device = yaml::read_string(node["device"], file, "peak.device");
  return p;
}

}  // namespace

std::optional<PeakPerformance> UserConfig::peak_for(const std::string& device_id) const {
  if (peak && peak->device == device_id) return peak;
  return std::nullopt;
}

fs::path user_config_path() {
  if (const auto env = env_string("TARTAN_CONFIG")) return *env;
  return config_dir() / "config.yaml";
}

fs::path config_read_path() {
  const fs::path user = user_config_path();
  if (env_string("TARTAN_CONFIG")) return user;
  std::error_code ec;
  if (fs::exists(user, ec)) return user;
  if (fs::exists(kSystemConfig, ec)) return kSystemConfig;
  return user;
}

UserConfig parse_config(const std::string& text, const std::string& file) {
  const YAML::Node root = yaml::parse(text, file);
  yaml::require_map(root, file, "the config", {"device", "experimental", "peak"});
  UserConfig c;
  if (const YAML::Node n = root["device"]; n && !n.IsNull()) {
    c.device = yaml::read_string(n, file, "device");
  }
  if (const YAML::Node n = root["experimental"])
    c.experimental = yaml::read_bool(n, file, "experimental");
  if (const YAML::Node n = root["peak"]; n && !n.IsNull()) c.peak = parse_peak(n, file);
  return c;
}

std::string format_config(const UserConfig& config) {
  YAML::Emitter out;
  out.SetDoublePrecision(10);
  out << YAML::BeginMap;
  if (config.device) out << YAML::Key << "device" << YAML::Value << *config.device;
  out << YAML::Key << "experimental" << YAML::Value << config.experimental;
  if (config.peak) {
    const PeakPerformance& p = *config.peak;
    out << YAML::Key << "peak" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "gflops" << YAML::Value << p.gflops;
    out << YAML::Key << "gbps" << YAML::Value << p.gbps;
    if (!p.measured_at.empty()) out << YAML::Key << "measured_at" << YAML::Value << p.measured_at;
    if (!p.device.empty()) out << YAML::Key << "device" << YAML::Value << p.device;
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
  return "# tartan configuration (written by tartan-setup; safe to edit)\n" +
         std::string(out.c_str()) + "\n";
}

UserConfig load_config(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return {};
  if (fs::is_directory(path, ec)) {
    throw Error("the config path '" + path.string() + "' is a directory",
                "point TARTAN_CONFIG (or --config) at a file");
  }
  const std::optional<std::string> text = read_file(path);
  if (!text) {
    throw Error("cannot read the config '" + path.string() + "'",
                "check its permissions, or point TARTAN_CONFIG at another file");
  }
  return parse_config(*text, path.string());
}

UserConfig load_config() { return load_config(config_read_path()); }

void save_config(const UserConfig& config, const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    throw Error("cannot write the config '" + path.string() + "': it is a directory",
                "choose a file path with --config or TARTAN_CONFIG");
  }
  try {
    write_file_atomic(path, format_config(config));
  } catch (const Error& e) {
    throw Error(std::string(e.what()),
                "make the folder writable (or create it), or save elsewhere with --config PATH "
                "or TARTAN_CONFIG=PATH");
  }
}

UserConfig apply_environment(UserConfig config) {
  if (auto device = env_string("TARTAN_DEVICE")) config.device = *device;
  if (auto value = env_string("TARTAN_EXPERIMENTAL")) {
    std::string v = *value;
    std::transform(v.begin(), v.end(), v.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (v == "1" || v == "true" || v == "yes" || v == "on") {
      config.experimental = true;
    } else if (v == "0" || v == "false" || v == "no" || v == "off") {
      config.experimental = false;
    } else {
      throw Error("TARTAN_EXPERIMENTAL is '" + *value + "', which is not a yes or no",
                  "set it to 1 (allow experimental devices) or 0, or unset it");
    }
  }
  return config;
}

}  // namespace tartan
