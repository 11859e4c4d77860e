// The interactive flow of tartan-setup: show the devices, ask about experimental devices and
// the default device, run the smoke test and the peak probe, and save the config. Every
// question can be answered by a flag (--experimental, --device, --yes) for scripts.
#pragma once

#include <iosfwd>

#include "options.h"
#include "terminal.h"

namespace tartan::setup {

struct Streams {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  Style out_style;
  Style err_style;
  bool input_echoed;  // stdin is a terminal
};

// Returns the exit status; throws Error (exit 1) or UsageError (exit 2) for what it cannot fix.
int run_wizard(const SetupOptions& options, const Streams& io);

}  // namespace tartan::setup
