// Builds OpenCL programs from source in worker processes (tartan-build-worker) that store them
// in the kernel cache, so the caller then loads every one from there. Why processes: NVIDIA's
// driver (580) builds one program at a time per process whatever the threads, but separate
// processes compile at once (H200: 25 MobileNet kernels, 6.6 s in one process, ~0.7 s for the
// slowest alone). Best effort: a kernel no worker built is built in the caller as before, which
// then reports any build error with its log. Off unless asked for (compile.cpp says why).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tartan/runtime/kernel_cache.h"

namespace tartan::runtime {

// The worker executable: $TARTAN_BUILD_WORKER, else tartan-build-worker beside the running
// executable; empty where there is none.
std::filesystem::path build_worker_path();

// How long build_in_workers waits for its workers: $TARTAN_BUILD_WORKER_TIMEOUT seconds, else
// kDefaultWorkerTimeout (a cold MobileNet takes ~1 s of a worker's time on NVIDIA); throws Error
// for a value that is not a positive number.
inline constexpr double kDefaultWorkerTimeout = 60;
double build_worker_timeout();

// Spreads `sources` (their cache entries missing) over up to `processes` workers for the device
// `device_id`, balancing by source length; they store what they build in the kernel cache at
// `cache_dir` (KernelCache::dir()). Waits for them up to `timeout` seconds, then kills those left.
// Returns how many workers ran.
int build_in_workers(const std::filesystem::path& worker, const std::string& device_id,
                     const std::filesystem::path& cache_dir,
                     const std::vector<const KernelCache::Source*>& sources,
                     const std::string& options, int processes, double timeout);

}  // namespace tartan::runtime
