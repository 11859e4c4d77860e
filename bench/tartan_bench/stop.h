// Why a benchmark stops early: Ctrl-C (SIGINT/SIGTERM) or --timeout-secs. Either one asks the
// library to cancel (tartan/support/cancel.h), which its long loops poll, and the harness checks
// between phases and batches, so what was measured so far is still reported and written.
// Inside one driver call (an OpenCL program build, one long batch) nothing polls: when the main
// thread has not reached a check within kStopGraceSeconds, the stop monitor writes what was
// measured itself (the stop writer the run registered) and ends the process with the stop's
// exit code. The signals are blocked in every other thread and taken by the monitor, so no
// system call elsewhere (a driver's file lock) fails with EINTR; a second Ctrl-C ends the
// process at once (the default action).
#pragma once

#include <functional>
#include <mutex>
#include <string>

namespace tartan::bench {

enum class StopReason { kNone, kInterrupted, kTimeout };
const char* stop_reason_name(StopReason reason);  // "", "interrupted", "timeout"

constexpr double kStopGraceSeconds = 0.5;

// Blocks SIGINT and SIGTERM and starts the stop monitor, which takes them (and, when
// timeout_secs > 0, keeps the deadline). Call before any other thread starts.
void start_stop_watch(double timeout_secs);

// The reason to stop now, if any. Called by the main thread only, never with results_lock()
// held: once the monitor has taken over a stop, it does not return (the monitor ends the
// process).
StopReason should_stop();

// The signal behind StopReason::kInterrupted (SIGINT or SIGTERM); the exit code is 128 + it.
int stop_signal();

// The phase the stop names ("compiling mobilenet").
void set_phase(const std::string& phase);
std::string current_phase();
// "interrupted while compiling mobilenet": what the results record of a stop.
std::string stopped_while(StopReason reason);

// What the monitor calls, with results_lock() held, when the main thread cannot stop in time:
// writes what was measured with the stop's status and returns the exit code. Empty: none.
using StopWriter = std::function<int(StopReason)>;
void set_stop_writer(StopWriter writer);

// Held by the main thread while it updates what the stop writer reads (the measurement).
std::unique_lock<std::mutex> results_lock();

}  // namespace tartan::bench
