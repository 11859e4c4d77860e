// The inside of an Executable, shared by compile() (which fills it) and executable.cpp (which
// runs it). Not part of the public API.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "tartan/codegen/kernel_source.h"
#include "tartan/codegen/step_args.h"
#include "tartan/reference/host_tensor.h"
#include "tartan/runtime/buffer.h"
#include "tartan/runtime/context.h"
#include "tartan/runtime/event.h"
#include "tartan/runtime/executable.h"
#include "tartan/runtime/program.h"

namespace tartan {

// Where a tensor's values live: a buffer of its own, or a place in an arena. Kernels get the
// buffer and an element offset (opencl::buffer_param) rather than OpenCL sub-buffers: NVIDIA's
// driver (580) crashed in clReleaseMemObject on sub-buffers of a network's arena, whatever the
// release order.
struct TensorPlace {
  runtime::Buffer* buffer = nullptr;
  std::size_t offset = 0;  // bytes
  std::size_t bytes = 0;
};

// Sets kernel argument `a` (KernelSource::args[a]: OpenCL arguments 2a and 2a + 1) to a place
// holding elements of `element_bytes` bytes.
void set_tensor_arg(runtime::Kernel& kernel, std::size_t a, const TensorPlace& place,
                    std::size_t element_bytes);

// A scan body's kernel argument whose place changes with the step: a carried state, read
// from one of two buffers and written to the other, which swap every step. Step t uses
// `first` at t == 0 and `last` at the final step where they are set, else by_parity[t % 2].
struct CarriedArg {
  std::size_t arg = 0;  // index into KernelSource::args
  std::size_t element_bytes = 4;
  const TensorPlace* first = nullptr;
  std::array<const TensorPlace*, 2> by_parity{nullptr, nullptr};
  const TensorPlace* last = nullptr;
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
  std::vector<std::optional<runtime::Buffer>> own_buffers;  // per body tensor (constants)
  std::vector<TensorPlace> places;                          // per body tensor (constants, arena)
  std::vector<std::array<std::optional<runtime::Buffer>, 2>> carried;
  std::vector<std::array<TensorPlace, 2>> carried_places;
};

// Points a body kernel's step-dependent arguments at step `step`'s buffers and sets its step
// argument. OpenCL captures argument values at enqueue, so all steps queue back to back.
void bind_step(Launch& l, std::int64_t step, std::int64_t trips);

struct Executable::State {
  State(runtime::Device d, LoweredProgram l, runtime::Context c, runtime::Queue q)
      : device(std::move(d)), context(std::move(c)), queue(std::move(q)), lowered(std::move(l)) {}
  // Releases in dependency order: pending work, kernels, events, buffers, the program.
  ~State();

  runtime::Device device;
  runtime::Context context;
  runtime::Queue queue;
  LoweredProgram lowered;
  // One per launch site, in order; a scan body's kernels appear once and run trip_count times.
  std::vector<KernelSource> sources;
  std::vector<runtime::Program> programs;    // one per distinct kernel
  std::vector<Launch> launches;              // one per source
  std::vector<std::unique_ptr<Loop>> loops;  // by Launch::loop; stable addresses
  std::vector<std::size_t> event_launch;     // per event of the last enqueue: its launch
  std::optional<runtime::Buffer> arena;
  std::vector<std::optional<runtime::Buffer>> own_buffers;  // per tensor, where it has one
  // One entry per tensor; no buffer for tensors that never reach memory and for aliases (see
  // storage_of).
  std::vector<TensorPlace> places;
  // Packed copies of constants (schedule/packing.h), by storage tensor and panel width.
  std::map<std::pair<TensorId, int>, runtime::Buffer> packed;
  std::vector<runtime::Event> events;  // of the last enqueue; none without profiling
  CompileStats stats;

  // The tensor whose buffer holds `t`'s values (follows reshape aliases).
  TensorId storage_of(TensorId t) const;
  const TensorPlace& place_of(TensorId t);
  // How many times launch `i` runs per enqueue (a scan's trip count for its body's kernels).
  std::int64_t repeats(std::size_t i) const;
  // Creates the buffers of the memory plan and uploads the constants.
  void allocate();
  // Sets a kernel's arguments (KernelSource::args): buffer and element offset each; a constant
  // read packed gets its packed copy, made and uploaded on first use.
  void bind_args(runtime::Kernel& kernel, const KernelSource& source);
  // Frees the buffers of constants that every kernel reads packed (after binding, none reads
  // them as they are). Not with scans, whose bodies bind outer tensors on their own.
  void release_packed_originals();
  // Blocking transfers of a whole tensor, converting between host doubles and device storage.
  void write_tensor(TensorId t, const std::vector<double>& values);
  HostTensor read_tensor(TensorId t);
  // Fills a tensor with NaN (all-ones bytes, NaN in float32 and float16).
  void poison(TensorId t);
};

}  // namespace tartan
