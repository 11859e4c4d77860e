// CLBlast, the tuned OpenCL BLAS, as the peer: the same SGEMM on the same device and queue.
#pragma once

#include <cstddef>

#include "tartan/runtime/context.h"

namespace tartan::bench {

// True when this build links CLBlast (libclblast-dev).
bool clblast_available();

// Device time in seconds of one C = A * B (row-major, M x K times K x N) through CLBlast on
// `queue`, after a warm-up call; buffers are allocated once per shape.
double clblast_sgemm_seconds(runtime::Context& context, runtime::Queue& queue, std::size_t m,
                             std::size_t n, std::size_t k);

}  // namespace tartan::bench
