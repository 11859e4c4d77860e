// compile(Program, Device) -> Executable: passes, scheduling, code generation, build.
#pragma once

#include <string>

#include "tartan/ir/program.h"
#include "tartan/passes/pipeline.h"
#include "tartan/runtime/device.h"
#include "tartan/runtime/executable.h"

namespace tartan {

struct CompileOptions {
  PipelineOptions pipeline;
  // Writes every generated kernel to this folder (created if missing). The environment
  // variable TARTAN_DUMP_KERNELS does the same when this is empty.
  std::string dump_kernels_dir;
  std::string extra_build_options;  // appended to the OpenCL build options
};

// Throws Error for user mistakes (unsupported features, out of device memory, a kernel the
// driver cannot build: with its build log and saved source).
Executable compile(const Program& program, const runtime::Device& device,
                   const CompileOptions& options = {});

}  // namespace tartan
