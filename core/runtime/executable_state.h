// The inside of an Executable, shared by compile() (which fills it) and executable.cpp (which
// runs it). Not part of the public API.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "tartan/runtime/buffer.h"
#include "tartan/runtime/context.h"
#include "tartan/runtime/event.h"
#include "tartan/runtime/executable.h"
#include "tartan/runtime/program.h"

namespace tartan {

struct Launch {
  runtime::Kernel kernel;
  std::array<std::size_t, 3> global{1, 1, 1};
  std::array<std::size_t, 3> local{0, 0, 0};
  int dims = 1;
};

struct Executable::State {
  State(runtime::Device d, LoweredProgram l)
      : device(std::move(d)), context(device), queue(context), lowered(std::move(l)) {}
  // Releases in dependency order: pending work, kernels (which hold their argument buffers),
  // events, sub-buffers, the arena, the program. NVIDIA's driver crashed in clReleaseMemObject
  // when the buffers went first, as member order would have it.
  ~State();

  runtime::Device device;
  runtime::Context context;
  runtime::Queue queue;
  LoweredProgram lowered;
  std::vector<KernelSource> sources;  // one per launch
  std::optional<runtime::Program> program;
  std::vector<Launch> launches;
  std::optional<runtime::Buffer> arena;
  // One entry per tensor: its own buffer or a sub-buffer of the arena; empty for tensors that
  // never reach memory and for aliases (see storage_of).
  std::vector<std::optional<runtime::Buffer>> buffers;
  std::vector<runtime::Event> events;  // of the last enqueue
  CompileStats stats;

  // The tensor whose buffer holds `t`'s values (follows reshape aliases).
  TensorId storage_of(TensorId t) const;
  runtime::Buffer& buffer_of(TensorId t);
  // Creates the buffers of the memory plan and uploads the constants.
  void allocate();
};

}  // namespace tartan
