// The command line: plaidbench's options and frontends, plus tartan's own.
//
//   tartan-bench [options] keras NETWORK... | keras --list | tile FILE [--shape ...] | ops [OP...]
#pragma once

#include <optional>

#include "options.h"

namespace tartan::bench {

// Fills `options` from argv. Returns an exit code when the program should stop now: 0 after
// --help, 2 after a usage mistake (already printed to stderr, with what to do instead).
std::optional<int> parse_command_line(int argc, char** argv, BenchOptions& options);

}  // namespace tartan::bench
