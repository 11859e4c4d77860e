// compile()'s settings, resolved in one place: the device's properties and profile, the caller's
// CompileOptions and the TARTAN_* environment variables (tartan/support/env.h lists them) are
// merged here, in that order of precedence from weakest (profile) to strongest (options, then
// the environment where an option is left to tartan), and the result is logged at debug level
// (`-v`), so a run says which profile, build split and worker count it used and why. compile()
// reads no environment variable itself.
#pragma once

#include <string>
#include <vector>

#include "tartan/compiler.h"
#include "tartan/runtime/device.h"
#include "tartan/schedule/plan.h"

namespace tartan {

struct CompileConfig {
  TargetInfo target;          // the device's properties with its profile's tuning
  std::string profile;        // which profile, and why ("matched pocl_cpu.yaml")
  PipelineOptions pipeline;   // the caller's, with the profile's Winograd and softmax rules
  std::string build_options;  // the caller's, then TARTAN_BUILD_OPTIONS
  bool program_per_kernel = true;
  int build_threads = 0;    // 0: one per hardware thread
  int build_processes = 0;  // tartan-build-worker processes for cold builds
  // When the build workers start: before the passes (early), so that their device start-up
  // runs beside this process's passes, context and codegen, or once the missing programs are
  // known (late). kAuto: early where the kernel cache looks cold (BuildForecast).
  enum class WorkerSpawn { kAuto, kEarly, kLate };
  WorkerSpawn worker_spawn = WorkerSpawn::kAuto;
  // Builds shared among the workers by estimated seconds (build_seconds), each worker's start-up
  // counted, or by source length with every builder alike (to compare on one machine).
  bool split_by_estimate = true;
  std::string dump_kernels_dir;  // empty: none

  // What was chosen, one line per part (profile, passes, schedule, build), for -v and logs.
  std::vector<std::string> describe() const;

  // A program's estimated build seconds (KernelCache::Source::cost), from the profile's fit.
  double build_seconds(std::string_view program) const;
};

// Throws Error naming the variable for a malformed TARTAN_* value.
CompileConfig resolve_compile_config(const CompileOptions& options,
                                     const runtime::DeviceInfo& device);

}  // namespace tartan
