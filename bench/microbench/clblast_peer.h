// CLBlast, the tuned OpenCL BLAS, as the peer: the same SGEMM on the same device and queue.
#pragma once

#include <cstddef>

#include "tartan/runtime/buffer.h"
#include "tartan/runtime/context.h"

namespace tartan::bench {

// True when this build links CLBlast (libclblast-dev).
bool clblast_available();

// C = A * B (row-major, M x K times K x N) through CLBlast on one queue, with its buffers
// allocated and its kernels compiled (a warm-up call) once.
class ClblastSgemm {
 public:
  ClblastSgemm(runtime::Context& context, runtime::Queue& queue, std::size_t m, std::size_t n,
               std::size_t k);
  struct Times {
    double event_seconds;  // the event CLBlast returns: its last kernel only
    double wall_seconds;   // host time from enqueue to completion (queue idle before)
  };
  // One call. CLBlast returns the event of its last kernel; for sizes it runs through its
  // indirect path (pad/transpose kernels around the GEMM) that event misses most of the work,
  // which made CLBlast look faster than the card's peak at 4096. The wall time covers it all.
  Times run();

 private:
  runtime::Queue& queue_;
  std::size_t m_, n_, k_;
  runtime::Buffer a_, b_, c_;
};

}  // namespace tartan::bench
