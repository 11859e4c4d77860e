// Why a benchmark stops early: Ctrl-C (SIGINT/SIGTERM) or --timeout-secs. Both are checked
// between phases and between batches, so what was measured so far is still reported and
// written. A compile or a reference run cannot be cut short this way; a second Ctrl-C ends the
// process at once (the default action), and a timeout that passes a long step by more than
// kTimeoutGraceSeconds ends it with exit code 1 and a message naming the step.
#pragma once

#include <string>

namespace tartan::bench {

enum class StopReason { kNone, kInterrupted, kTimeout };
const char* stop_reason_name(StopReason reason);  // "", "interrupted", "timeout"

constexpr double kTimeoutGraceSeconds = 10;

// Installs the signal handlers and, when timeout_secs > 0, starts the watchdog's clock.
void start_stop_watch(double timeout_secs);

// The reason to stop now, if any.
StopReason should_stop();

// The signal behind StopReason::kInterrupted (SIGINT or SIGTERM); the exit code is 128 + it.
int stop_signal();

// The phase the watchdog names if it has to end the process ("compiling mobilenet").
void set_phase(const std::string& phase);

}  // namespace tartan::bench
