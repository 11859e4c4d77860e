// Builds OpenCL programs from source in worker processes (tartan-build-worker) that store them
// in the kernel cache, so the caller then loads every one from there. Why processes: NVIDIA's
// driver (580) builds one program at a time per process whatever the threads, but separate
// processes compile at once (H200, MobileNet b64 cold: 5.0 s in one process, 2.4 s with 4 workers;
// results/perf-notes.md S5-compile). Best effort: a kernel no worker built is built in the caller
// as before, which then reports any build error with its log. On by default on NVIDIA only
// (compile.cpp says why).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tartan/runtime/kernel_cache.h"

namespace tartan::runtime {

// The worker executable: $TARTAN_BUILD_WORKER, else tartan-build-worker beside the running
// executable; empty where there is none.
std::filesystem::path build_worker_path();

// How long the caller waits for its workers: $TARTAN_BUILD_WORKER_TIMEOUT seconds, else
// kDefaultWorkerTimeout (a cold MobileNet takes ~2 s of a worker's time on NVIDIA); throws Error
// for a value that is not a positive number.
inline constexpr double kDefaultWorkerTimeout = 60;
double build_worker_timeout();

// `sources` split into `groups` lists of indices of about equal total length, longest source first
// onto the least loaded list: build time grows with the source, and the slowest builder sets the
// wall time.
std::vector<std::vector<std::size_t>> balance_by_length(
    const std::vector<const KernelCache::Source*>& sources, int groups);

// What a worker prints once its device and context are ready, then the seconds since its start.
inline constexpr std::string_view kWorkerReadyLine = "tartan-build-worker: ready after ";

// The slowest worker's times, from its start.
struct WorkerTimes {
  double ready_seconds = 0;  // until its device and context were ready (its own report)
  double seconds = 0;        // until it exited
};

// A batch of workers for one device: started by the constructor, which returns at once, so the
// caller can build its own share meanwhile; wait() (or the destructor) reaps them.
class BuildWorkers {
 public:
  // Spreads `sources` over up to `processes` workers, balancing by source length; each stores
  // what it builds in the kernel cache at `cache_dir` (KernelCache::dir()).
  BuildWorkers(const std::filesystem::path& worker, const std::string& device_id,
               const std::filesystem::path& cache_dir,
               const std::vector<const KernelCache::Source*>& sources, const std::string& options,
               int processes);
  ~BuildWorkers();  // waits as wait(build_worker_timeout()) would, if wait() was not called
  BuildWorkers(const BuildWorkers&) = delete;
  BuildWorkers& operator=(const BuildWorkers&) = delete;

  int started() const { return static_cast<int>(workers_.size()); }
  // Waits for the workers up to `timeout` seconds from now, then kills those left; a worker that
  // failed or was killed is a warning (its log), its kernels are then the caller's to build.
  WorkerTimes wait(double timeout);

 private:
  struct Worker {
    pid_t pid;
    std::size_t index;
    std::chrono::steady_clock::time_point started;
  };
  std::unique_ptr<class JobDir> dir_;  // the jobs' folder, removed when the batch ends
  std::vector<Worker> workers_;
  bool waited_ = false;
};

// Starts a batch and waits for it (the caller builds nothing meanwhile). Returns how many ran.
int build_in_workers(const std::filesystem::path& worker, const std::string& device_id,
                     const std::filesystem::path& cache_dir,
                     const std::vector<const KernelCache::Source*>& sources,
                     const std::string& options, int processes, double timeout);

}  // namespace tartan::runtime
