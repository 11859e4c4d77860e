// A compiled program on one device: its buffers (weights resident, intermediates in one
// arena), its kernels, and the launch list that runs them all on one in-order queue.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tartan/codegen/kernel_source.h"
#include "tartan/passes/pipeline.h"
#include "tartan/reference/host_tensor.h"
#include "tartan/runtime/device.h"

namespace tartan {

// One per launch site (Executable::kernels()); a scan body's kernel sums its launches.
struct KernelProfile {
  std::string name;       // OpenCL function name
  std::string statement;  // the tile statement of the kernel's root op
  double device_ms = 0;   // from profiling events, over all its launches
  double flops = 0;       // per run, over all its launches
  double bytes = 0;
  int launches = 1;  // per run: a scan's trip count for its body's kernels
};

// Where compile() spent its time, in wall seconds: the phases run one after the other and add
// up to total_seconds (give or take the clock reads between them).
struct CompileStats {
  // The settings compile() resolved from the device profile, the options and the environment
  // (compiler/compile_config.h): the profile and why, then each stage's, one line each.
  std::vector<std::string> settings;
  int kernels = 0;              // launches per run (a scan's body kernels count once per step)
  int unique_kernels = 0;       // distinct OpenCL functions (identical kernels are shared)
  double pipeline_seconds = 0;  // the graph passes (pass_seconds has each one)
  // Waiting for the device's context and queue after the passes: they are created on another
  // thread meanwhile (NVIDIA's driver takes ~0.13 s, longer than the passes).
  double context_seconds = 0;
  double context_create_seconds = 0;  // creating them, hidden or not (not a phase of its own)
  double upload_seconds = 0;          // creating the buffers and uploading the constants
  double schedule_seconds = 0;  // choosing each kernel's plan: cost model, tuning records, tuner
  double codegen_seconds = 0;   // writing OpenCL C
  double build_seconds = 0;     // OpenCL programs: cache lookups, loads and builds from source
  double bind_seconds = 0;      // kernel objects, their arguments, the constants' upload finish
  double total_seconds = 0;
  // Per pass of the pipeline in order (a pass that runs on scan bodies includes them).
  std::vector<std::pair<std::string, double>> pass_seconds;
  bool cache_hit = false;           // every program came from the kernel cache
  int programs = 0;                 // OpenCL programs (CompileOptions::programs)
  int cache_hits = 0;               // programs loaded from the kernel cache
  int build_threads = 0;            // host threads that built or loaded the programs
  int build_processes = 0;          // worker processes that built programs (build_processes)
  int worker_builds = 0;            // programs those workers built (not in cache_hits)
  double worker_ready_seconds = 0;  // the slowest worker's start-up (device and context)
  double worker_seconds = 0;        // the slowest worker's whole run, from its spawn
  std::uint64_t source_builds = 0;  // clBuildProgram calls from source during this compile
  int tuned_kernels = 0;            // distinct kernels measured by the tuner (CompileOptions::tune)
  int tuning_records_used = 0;      // distinct kernels whose plan came from the tuning cache
  double tuning_seconds = 0;        // measuring candidate plans (tune); in schedule_seconds
};

struct RunOptions {
  bool poison = false;  // fill outputs and intermediates with NaN first (tests)
};

class Executable {
 public:
  ~Executable();
  Executable(Executable&&) noexcept;
  Executable& operator=(Executable&&) noexcept;

  // Uploads `inputs` (in program input order), runs every kernel, returns the outputs.
  std::vector<HostTensor> run(const std::vector<HostTensor>& inputs,
                              const RunOptions& options = {});

  // The same in steps, for benchmarks: inputs stay on the device between enqueues.
  void set_inputs(const std::vector<HostTensor>& inputs);
  void enqueue();  // all kernels, back to back, no host round trip
  void finish();
  std::vector<HostTensor> read_outputs();
  // Per-kernel device times of the last enqueue (waits for it), one per kernels() entry. Throws
  // Error when compiled without profiling (CompileOptions::profiling).
  std::vector<KernelProfile> profile() const;

  const MemoryPlan& memory() const;
  const CompileStats& stats() const;
  const runtime::DeviceInfo& device() const;
  // In launch order; a scan body's kernels appear once and run once per step.
  const std::vector<KernelSource>& kernels() const;
  double flops_per_run() const;

  struct State;
  explicit Executable(std::unique_ptr<State> state);

 private:
  std::unique_ptr<State> state_;
};

}  // namespace tartan
