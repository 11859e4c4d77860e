// Fuzzes the YAML readers: the user config (tartan-setup's config.yaml) and the device
// profiles (configs/devices/*.yaml, as a profile and as default.yaml). Any text either reads
// or throws tartan::Error; a config that reads must format and read back as the same config.
#include <cmath>

#include "fuzz_input.h"
#include "tartan/schedule/device_profile.h"
#include "tartan/support/config.h"
#include "tartan/support/error.h"

namespace {

// format_config keeps 10 significant digits of the peak figures.
bool close(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::fabs(a); }

bool same(const tartan::UserConfig& a, const tartan::UserConfig& b) {
  if (a.device != b.device || a.experimental != b.experimental ||
      a.peak.has_value() != b.peak.has_value()) {
    return false;
  }
  return !a.peak ||
         (close(a.peak->gflops, b.peak->gflops) && close(a.peak->gbps, b.peak->gbps) &&
          a.peak->measured_at == b.peak->measured_at && a.peak->device == b.peak->device);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(tartan::fuzz::as_text(data, size));
  try {
    const tartan::UserConfig config = tartan::parse_config(text, "config.yaml");
    const tartan::UserConfig again =
        tartan::parse_config(tartan::format_config(config), "formatted.yaml");
    if (!same(config, again)) __builtin_trap();
  } catch (const tartan::Error&) {
  }
  for (const bool is_default : {false, true}) {
    try {
      (void)tartan::parse_profile(text, is_default ? "default.yaml" : "device.yaml", {},
                                  is_default);
    } catch (const tartan::Error&) {
    }
  }
  return 0;
}
