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
  double run_seconds();  // device time of one call, from its profiling event

 private:
  runtime::Queue& queue_;
  std::size_t m_, n_, k_;
  runtime::Buffer a_, b_, c_;
};

}  // namespace tartan::bench
