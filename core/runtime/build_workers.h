// Builds OpenCL programs from source in worker processes (tartan-build-worker) that store them
// in the kernel cache, so the caller then loads every one from there. Why processes: NVIDIA's
// driver (580) builds one program at a time per process whatever the threads, but separate
// processes compile at once (H200, MobileNet b64 cold: 5.0 s in one process, 2.4 s with 4 workers;
// results/perf-notes.md S5-compile). Best effort: a kernel no worker built is built in the caller
// as before, which then reports any build error with its log. How many: the device profile's
// build_processes (compile.cpp).
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

// Longest-processing-time-first list scheduling: the jobs of `costs` split among builders that
// become free at `ready` (seconds from now; one entry per builder), each job, largest first, onto
// the builder that would finish it first (ties: the lower index). Returns each builder's job
// indices, in the order given. Deterministic, so the assignment follows from the estimates alone.
std::vector<std::vector<std::size_t>> balance_by_estimate(const std::vector<double>& costs,
                                                          const std::vector<double>& ready);

// A worker's device start-up (driver, device, context): 0.4-0.5 s each with 3-4 workers starting
// at once on the H200 (results/perf-notes.md S5-compile). Until then this process, whose context
// is ready, is the only builder.
inline constexpr double kWorkerStartupSeconds = 0.5;

// What a worker prints once its device and context are ready, then the seconds since its start.
inline constexpr std::string_view kWorkerReadyLine = "tartan-build-worker: ready after ";

// The slowest worker's times, from its start.
struct WorkerTimes {
  double ready_seconds = 0;  // until its device and context were ready (its own report)
  double seconds = 0;        // until it exited
};

// A batch of workers for one device. The constructor starts them and returns at once: each gets
// its device and context ready, then reads the paths of the sources to build from its standard
// input (a socket) until the end of it. So they can start before their jobs are known
// (compile() starts them before its passes) and this process can build its own share while they
// run; assign() sends the jobs, wait() (or the destructor) reaps them.
class BuildWorkers {
 public:
  // Up to `processes` workers; each stores what it builds in the kernel cache at `cache_dir`
  // (KernelCache::dir()), built with `options`.
  BuildWorkers(const std::filesystem::path& worker, const std::string& device_id,
               const std::filesystem::path& cache_dir, const std::string& options, int processes);
  // Kills workers that got no jobs at once; waits for the others as wait(build_worker_timeout())
  // would, if wait() was not called.
  ~BuildWorkers();
  BuildWorkers(const BuildWorkers&) = delete;
  BuildWorkers& operator=(const BuildWorkers&) = delete;

  int started() const { return static_cast<int>(workers_.size()); }
  double age_seconds() const;  // since the first worker was started
  // Sends worker w the sources listed in groups[w] (indices into `sources`) and ends its input;
  // a worker with no (or an empty) group is killed. Once per batch.
  void assign(const std::vector<const KernelCache::Source*>& sources,
              const std::vector<std::vector<std::size_t>>& groups);
  // Waits for the workers up to `timeout` seconds from now, then kills those left; a worker that
  // failed or was killed is a warning (its log), its kernels are then the caller's to build.
  WorkerTimes wait(double timeout);

 private:
  struct Worker {
    pid_t pid;
    int input;  // this end of the socket that is the worker's standard input; -1 once closed
    bool idle;  // killed for lack of jobs: no warning, no times
  };
  std::filesystem::path log_path(std::size_t worker) const;
  std::unique_ptr<class JobDir> dir_;  // the jobs' folder, removed when the batch ends
  std::vector<Worker> workers_;
  std::chrono::steady_clock::time_point started_;
  bool assigned_ = false;
  bool waited_ = false;
};

}  // namespace tartan::runtime
