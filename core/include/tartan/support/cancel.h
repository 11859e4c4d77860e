// A process-wide request to stop long work early (Ctrl-C, a deadline). The caller that owns
// the process (tartan-bench) requests it, from a signal handler too; long loops in the library
// (the reference executor's chunks, the weight readers, compile()'s per-kernel steps) poll it
// and throw Cancelled, which unwinds like any exception, so what the caller measured so far is
// still its to report. Work inside one driver call (an OpenCL build) cannot see it.
#pragma once

#include <exception>

namespace tartan {

// Not a tartan::Error: nothing went wrong, the caller asked to stop.
class Cancelled : public std::exception {
 public:
  const char* what() const noexcept override { return "cancelled"; }
};

// Async-signal-safe (one lock-free atomic store).
void request_cancel() noexcept;
bool cancel_requested() noexcept;
// Throws Cancelled when a stop was requested.
void throw_if_cancelled();

}  // namespace tartan
