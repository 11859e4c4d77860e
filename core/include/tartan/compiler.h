// compile(Program, Device) -> Executable: passes, scheduling, code generation, build.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "tartan/ir/program.h"
#include "tartan/passes/pipeline.h"
#include "tartan/runtime/device.h"
#include "tartan/runtime/executable.h"
#include "tartan/schedule/plan.h"

namespace tartan {

struct CompileOptions {
  PipelineOptions pipeline;
  // Writes every generated kernel to this folder (created if missing). The environment
  // variable TARTAN_DUMP_KERNELS does the same when this is empty.
  std::string dump_kernels_dir;
  std::string extra_build_options;  // appended to the OpenCL build options
  // How the kernels are split into OpenCL programs, each built (or loaded from the kernel
  // cache) on its own: kAuto follows the device profile's `one_program` (PoCL: one for all,
  // elsewhere one per distinct kernel). The kernels and results do not depend on it.
  // TARTAN_PROGRAMS=one|per-kernel and TARTAN_BUILD_THREADS=N override kAuto and 0; every
  // setting is resolved in compiler/compile_config.cpp, and `tartan-bench -v` shows the result.
  enum class Programs : std::uint8_t { kAuto, kPerKernel, kOne };
  Programs programs = Programs::kAuto;
  // Host threads that build or load those programs at once; 0: the profile's build_threads
  // (one per hardware thread; one on Oclgrind, whose compiler is not thread-safe).
  int build_threads = 0;
  // Worker processes (tartan-build-worker) that build the programs missing from the kernel
  // cache into it before they are loaded, for drivers that compile one program at a time per
  // process (NVIDIA's); -1: the device profile's build_processes (4 on NVIDIA, none elsewhere;
  // none with CUDA_CACHE_DISABLE set). The environment variable TARTAN_BUILD_PROCESSES=N
  // overrides -1 (0: none). On a cold kernel cache they start with the compile (compile.cpp).
  int build_processes = -1;
  // Measures a few candidate plans of each distinct kernel on the device, keeps the fastest
  // whose results match the plain plan's, and stores it in the tuning cache
  // ($XDG_CACHE_HOME/tartan/tuning). Without it, a kernel uses its tuning record where one
  // exists, else the cost model's plan.
  bool tune = false;
  // Profiling events for Executable::profile(). Off, launches create no events, which lowers
  // the per-kernel launch cost (batch-1 latency); tuning keeps it on, as it times kernels.
  bool profiling = true;
  // For tests: replaces each kernel's plan (after the tuning cache or the cost model). The
  // returned plan must fit the kernel (tartan/schedule/tiling.h), else InternalError.
  std::function<KernelPlan(const LoweredProgram&, const KernelGroup&, const KernelPlan&)>
      plan_override;
};

// Throws Error for user mistakes (unsupported features, out of device memory, a kernel the
// driver cannot build: with its build log and saved source).
Executable compile(const Program& program, const runtime::Device& device,
                   const CompileOptions& options = {});

}  // namespace tartan
