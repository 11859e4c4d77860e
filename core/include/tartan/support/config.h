// The user config: which device tartan uses, whether experimental devices are allowed, and the
// device's measured peak (so reports can show % of peak). Written by tartan-setup, read by
// tartan-bench and anything else that needs a device.
//
//   device: opencl_nvidia_corporation_geforce_rtx_3080.0
//   experimental: false
//   peak:
//     gflops: 29770.5
//     gbps: 760.2
//     measured_at: 2024-05-01T12:00:00Z
//     device: opencl_nvidia_corporation_geforce_rtx_3080.0
//
// Where: $TARTAN_CONFIG, else $XDG_CONFIG_HOME/tartan/config.yaml (~/.config/tartan/...), else
// /etc/tartan/config.yaml (read only). The environment overrides the file: TARTAN_DEVICE,
// TARTAN_EXPERIMENTAL (1/true/yes/on or 0/false/no/off).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace tartan {

struct PeakPerformance {
  double gflops = 0;        // FP32
  double gbps = 0;          // global memory, GB/s (1e9 bytes)
  std::string measured_at;  // ISO 8601 UTC
  std::string device;       // the device id it was measured on
};

struct UserConfig {
  std::optional<std::string> device;  // a device id; unset: the default device
  bool experimental = false;
  std::optional<PeakPerformance> peak;

  // The peak if it was measured on `device_id`, else nullopt (a peak of another device is
  // meaningless).
  std::optional<PeakPerformance> peak_for(const std::string& device_id) const;
};

// Where the config is written: $TARTAN_CONFIG, else config_dir()/config.yaml.
std::filesystem::path user_config_path();
// Where it is read from: user_config_path() if set by $TARTAN_CONFIG or if that file exists,
// else /etc/tartan/config.yaml if that exists, else user_config_path().
std::filesystem::path config_read_path();

// Parses config text; `file` names it in errors. Unknown keys and malformed values throw Error
// naming the key and its line.
UserConfig parse_config(const std::string& text, const std::string& file);
std::string format_config(const UserConfig& config);  // YAML, parse_config's inverse

// The file's config; a missing file gives the defaults. Throws Error for an unreadable or
// malformed file.
UserConfig load_config(const std::filesystem::path& path);
UserConfig load_config();  // load_config(config_read_path())

// Writes atomically (temp file + rename; never half a file). Throws Error naming the path, the
// reason and how to fix it.
void save_config(const UserConfig& config, const std::filesystem::path& path);

// TARTAN_DEVICE and TARTAN_EXPERIMENTAL applied over `config`. A TARTAN_EXPERIMENTAL that is
// not a boolean throws Error.
UserConfig apply_environment(UserConfig config);

}  // namespace tartan
