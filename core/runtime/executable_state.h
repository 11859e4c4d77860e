// The inside of an Executable, shared by compile() (which fills it) and executable.cpp (which
// runs it). Not part of the public API.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "tartan/reference/host_tensor.h"
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
  // Releases in dependency order: pending work, kernels, events, buffers, the program.
  ~State();

  runtime::Device device;
  runtime::Context context;
  runtime::Queue queue;
  LoweredProgram lowered;
  std::vector<KernelSource> sources;  // one per launch
  std::optional<runtime::Program> program;
  std::vector<Launch> launches;
  // Where a tensor's values live: a buffer of its own, or a place in the arena. Kernels get the
  // arena and an offset rather than OpenCL sub-buffers: NVIDIA's driver (580) crashed in
  // clReleaseMemObject on sub-buffers of a network's arena, whatever the release order.
  struct Place {
    runtime::Buffer* buffer = nullptr;
    std::size_t offset = 0;  // bytes
    std::size_t bytes = 0;
  };
  std::optional<runtime::Buffer> arena;
  std::vector<std::optional<runtime::Buffer>> own_buffers;  // per tensor, where it has one
  // One entry per tensor; no buffer for tensors that never reach memory and for aliases (see
  // storage_of).
  std::vector<Place> places;
  std::vector<runtime::Event> events;  // of the last enqueue
  CompileStats stats;

  // The tensor whose buffer holds `t`'s values (follows reshape aliases).
  TensorId storage_of(TensorId t) const;
  const Place& place_of(TensorId t);
  // Creates the buffers of the memory plan and uploads the constants.
  void allocate();
  // Sets a kernel's arguments for `args` (KernelSource::args): buffer and element offset each.
  void bind_args(runtime::Kernel& kernel, const std::vector<TensorId>& args);
  // Blocking transfers of a whole tensor, converting between host doubles and device storage.
  void write_tensor(TensorId t, const std::vector<double>& values);
  HostTensor read_tensor(TensorId t);
  // Fills a tensor with NaN (all-ones bytes, NaN in float32 and float16).
  void poison(TensorId t);
};

}  // namespace tartan
