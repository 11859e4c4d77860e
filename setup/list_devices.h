// `tartan-setup --list [--json]`: the devices, their tiers and which one tartan uses now.
#pragma once

#include <iosfwd>

#include "options.h"
#include "terminal.h"

namespace tartan::setup {

int list_devices(const SetupOptions& options, std::ostream& out, std::ostream& err,
                 const Style& out_style, const Style& err_style);

}  // namespace tartan::setup
