// Which device a tartan program runs on: the configured one (config file, or TARTAN_DEVICE),
// else the best usable device, with a note saying so. Experimental and unmatched devices are
// used only when the config (or TARTAN_EXPERIMENTAL) allows them.
#pragma once

#include <string>
#include <vector>

#include "tartan/runtime/device.h"
#include "tartan/schedule/device_profile.h"
#include "tartan/support/config.h"

namespace tartan {

struct RankedDevice {
  runtime::Device device;
  Tier tier = Tier::kUnmatched;
  std::string profile;  // the matched profile's name ("default" when unmatched)
};

// Whether tartan may run on a device: it is available, has a compiler, and is validated or
// experimental devices are allowed.
bool is_usable(const runtime::DeviceInfo& info, Tier tier, bool experimental);

// The usable devices, GPUs first, then CPUs, then the rest; enumeration order within each.
std::vector<RankedDevice> usable_devices(const std::vector<runtime::Device>& devices,
                                         const ProfileSet& profiles, bool experimental);

struct SelectedDevice {
  RankedDevice device;
  std::string note;  // set when no device was configured and the default was taken
};

// `config` with the environment applied (apply_environment). A configured device that does not
// exist, or that is experimental while experimental devices are off, throws Error saying how to
// fix it; so does having no usable device.
SelectedDevice select_device(const UserConfig& config, const std::vector<runtime::Device>& devices,
                             const ProfileSet& profiles);

}  // namespace tartan
