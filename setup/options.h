// tartan-setup's command line, parsed, and the error kind that means "wrong usage" (exit 2).
#pragma once

#include <optional>
#include <string>

#include "tartan/support/error.h"

namespace tartan::setup {

struct SetupOptions {
  bool list = false;                       // print the devices and exit
  bool json = false;                       // with list: JSON instead of the table
  std::optional<std::string> device;       // choose this device id without asking
  bool experimental = false;               // allow experimental devices without asking
  bool yes = false;                        // accept every default without asking
  std::optional<std::string> config_path;  // instead of $TARTAN_CONFIG / the XDG path
  bool no_probe = false;                   // skip the peak measurement
  bool verbose = false;                    // profile matching, full build logs, debug logging
};

// A mistake in how tartan-setup was invoked (unknown device id, contradictory choices):
// exit status 2 rather than 1.
class UsageError : public Error {
 public:
  using Error::Error;
};

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

}  // namespace tartan::setup
