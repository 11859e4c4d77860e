// The inside of an Executable, shared by compile() (which fills it) and executable.cpp (which
// runs it). Not part of the public API.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <vector>

#include "tartan/codegen/step_args.h"
#include "tartan/runtime/buffer.h"
#include "tartan/runtime/context.h"
#include "tartan/runtime/event.h"
#include "tartan/runtime/executable.h"
#include "tartan/runtime/program.h"

namespace tartan {

// A scan body's kernel argument whose buffer changes with the step: a carried state, read
// from one of two buffers and written to the other, which swap every step. Step t uses
// `first` at t == 0 and `last` at the final step where they are set, else by_parity[t % 2].
struct CarriedArg {
  cl_uint index = 0;
  const runtime::Buffer* first = nullptr;
  std::array<const runtime::Buffer*, 2> by_parity{nullptr, nullptr};
  const runtime::Buffer* last = nullptr;
};

struct Launch {
  runtime::Kernel kernel;
  std::array<std::size_t, 3> global{1, 1, 1};
  std::array<std::size_t, 3> local{0, 0, 0};
  int dims = 1;
  // Scan body kernels only: the loop they belong to, their step-dependent buffers and the
  // index of their `tt_step` argument (-1: none).
  int loop = -1;
  std::vector<CarriedArg> carried;
  int step_arg = -1;
};

// A compiled scan: launches [first_launch, first_launch + launch_count) run trip_count times.
// It owns its body's buffers: an arena for the body's intermediates, its constants, and two
// buffers per carried state.
struct Loop {
  TensorId scan = -1;  // the scan's output in the outer program
  std::shared_ptr<const LoweredProgram> body;
  std::int64_t trip_count = 1;
  std::size_t first_launch = 0, launch_count = 0;
  StepStrides steps;  // the body tensors that move each step
  std::optional<runtime::Buffer> arena;
  std::vector<std::optional<runtime::Buffer>> buffers;  // per body tensor (constants, arena)
  std::vector<std::array<std::optional<runtime::Buffer>, 2>> carried;
};

// Points a body kernel's step-dependent arguments at step `step`'s buffers and sets its step
// argument. OpenCL captures argument values at enqueue, so all steps queue back to back.
void bind_step(Launch& l, std::int64_t step, std::int64_t trips);

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
  // One per launch site, in order; a scan body's kernels appear once and run trip_count times.
  std::vector<KernelSource> sources;
  std::optional<runtime::Program> program;
  std::vector<Launch> launches;              // one per source
  std::vector<std::unique_ptr<Loop>> loops;  // by Launch::loop; stable addresses
  std::vector<std::size_t> event_launch;     // per event of the last enqueue: its launch
  std::optional<runtime::Buffer> arena;
  // One entry per tensor: its own buffer or a sub-buffer of the arena; empty for tensors that
  // never reach memory and for aliases (see storage_of).
  std::vector<std::optional<runtime::Buffer>> buffers;
  std::vector<runtime::Event> events;  // of the last enqueue
  CompileStats stats;

  // The tensor whose buffer holds `t`'s values (follows reshape aliases).
  TensorId storage_of(TensorId t) const;
  runtime::Buffer& buffer_of(TensorId t);
  // How many times launch `i` runs per enqueue (a scan's trip count for its body's kernels).
  std::int64_t repeats(std::size_t i) const;
  // Creates the buffers of the memory plan and uploads the constants.
  void allocate();
};

}  // namespace tartan
