#include "tartan/runtime/select_device.h"

#include <algorithm>

#include "tartan/support/error.h"

namespace tartan {
namespace {

using runtime::DeviceType;

int type_rank(DeviceType type) {
  switch (type) {
    case DeviceType::kGpu:
      return 0;
    case DeviceType::kCpu:
      return 1;
    default:
      return 2;
  }
}

RankedDevice rank(const runtime::Device& d, const ProfileSet& profiles) {
  const ProfileMatch m = match_profile(profiles, d.info);
  return {d, m.tier, m.profile->name};
}

}  // namespace

bool is_usable(const runtime::DeviceInfo& info, Tier tier, bool experimental) {
  return info.available && info.compiler_available && (tier == Tier::kValidated || experimental);
}

std::vector<RankedDevice> usable_devices(const std::vector<runtime::Device>& devices,
                                         const ProfileSet& profiles, bool experimental) {
  std::vector<RankedDevice> usable;
  for (const runtime::Device& d : devices) {
    RankedDevice r = rank(d, profiles);
    if (is_usable(d.info, r.tier, experimental)) usable.push_back(std::move(r));
  }
  std::stable_sort(usable.begin(), usable.end(), [](const RankedDevice& a, const RankedDevice& b) {
    return type_rank(a.device.info.type) < type_rank(b.device.info.type);
  });
  return usable;
}

SelectedDevice select_device(const UserConfig& config, const std::vector<runtime::Device>& devices,
                             const ProfileSet& profiles) {
  if (config.device) {
    const RankedDevice r = rank(runtime::find_device(devices, *config.device), profiles);
    const runtime::DeviceInfo& info = r.device.info;
    if (!info.available || !info.compiler_available) {
      throw Error("the configured device " + info.id + " is " +
                      (info.available ? "missing an OpenCL C compiler" : "unavailable"),
                  "choose another device with `tartan-setup` (or TARTAN_DEVICE)");
    }
    if (!is_usable(info, r.tier, config.experimental)) {
      throw Error("the configured device " + info.id + " is " + tier_name(r.tier) +
                      " and experimental devices are off",
                  "allow them with TARTAN_EXPERIMENTAL=1 (or `tartan-setup --experimental`), or "
                  "choose a validated device with `tartan-setup`");
    }
    return {r, ""};
  }
  const std::vector<RankedDevice> usable = usable_devices(devices, profiles, config.experimental);
  if (usable.empty()) {
    throw Error("no usable OpenCL device: every device is unavailable" +
                    std::string(config.experimental ? "" : ", or experimental"),
                config.experimental ? "check `clinfo`: a device must be available and have a "
                                      "compiler"
                                    : "allow experimental devices with TARTAN_EXPERIMENTAL=1, "
                                      "or install a validated driver (see `tartan-setup --list`)");
  }
  return {usable.front(), "no device configured (run `tartan-setup` to choose one); using " +
                              usable.front().device.info.id};
}

}  // namespace tartan
