// The graph pass pipeline: Program -> folded, fused, memory-planned program ready for
// scheduling and code generation. core/passes/pipeline.cpp lists the passes in order.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tartan/ir/program.h"
#include "tartan/passes/winograd.h"

namespace tartan {

// One kernel of the compiled program: a root op and the elementwise ops fused after it (its
// epilogue), all indices into LoweredProgram::program.ops(). The root is a Contraction, an
// Elementwise, a Gather, an IndexOf or a Scan (alone: its body's kernels run in its place,
// see LoweredProgram::bodies); Reshape ops are views and never form kernels. The
// kernel writes one tensor: the output of its last op. Intermediates inside a kernel never
// reach memory.
struct KernelGroup {
  std::vector<std::size_t> ops;  // root first (or a chain of placements), then the epilogue
  TensorId output = -1;
  // Elementwise ops, in program order, that compute one input of the root contraction: applied
  // to that input's elements as the root loads them (their result never reaches memory).
  std::vector<std::size_t> prologue;
  // A row-wise softmax (tartan/passes/fuse_softmax.h): ops are max, sub, exp, sum, div, and the
  // kernel writer emits them as one loop nest per row (codegen/softmax_kernel.h).
  bool softmax = false;
};

// Where each tensor lives on the device. Inputs, constants and outputs get their own buffers;
// intermediates share one arena, placed by liveness; a reshape aliases its input.
struct BufferSlot {
  enum class Kind : std::uint8_t { kNone, kInput, kConstant, kOutput, kArena, kAlias };
  Kind kind = Kind::kNone;
  std::size_t offset = 0;  // bytes into the arena (kArena)
  std::size_t bytes = 0;
  TensorId alias_of = -1;  // kAlias: the tensor whose storage this one views
};

struct MemoryPlan {
  std::vector<BufferSlot> slots;  // one per tensor of the program
  std::size_t arena_bytes = 0;
  std::size_t constant_bytes = 0;
  std::size_t io_bytes = 0;  // inputs and outputs
  std::size_t peak_bytes() const { return arena_bytes + constant_bytes + io_bytes; }
};

struct LoweredProgram {
  Program program;
  std::vector<KernelGroup> kernels;  // in execution order
  MemoryPlan memory;
  // The body of each Scan kernel, by the scan's output tensor, lowered for code generation
  // (tartan/passes/lower_scan.h).
  std::map<TensorId, std::shared_ptr<const LoweredProgram>> bodies = {};
  // Wall seconds of each pass and of fuse / plan_memory / lower_scan, in order, for reports.
  std::vector<std::pair<std::string, double>> pass_seconds = {};
};

struct PipelineOptions {
  bool fold_constants = true;         // fold_constants and fold_batch_norm
  bool fuse = true;                   // off: every op except reshapes is its own kernel
  bool dump_after_each_pass = false;  // the IR after every pass, at debug log level
  // Re-check the program (infer_shapes) after every rewriting pass rather than once after the
  // last; on with dump_after_each_pass, in debug builds, or (in
  // compile()) with TARTAN_CHECK_PASSES=1.
#ifdef NDEBUG
  bool check_each_pass = false;
#else
  bool check_each_pass = true;
#endif
  std::size_t arena_alignment = 256;  // bytes; compile() raises it to the device's alignment
  WinogradOptions winograd = {};      // off by default; compile() takes the device profile's
  // One kernel per row-wise softmax (fuse_softmax) instead of four; compile() takes the device
  // profile's `fuse_softmax` where the caller left it off.
  bool fuse_softmax = false;
};

// infer_shapes (again after the last rewriting pass, or after each) -> fold_constants ->
// fold_batch_norm -> fold_padding -> winograd -> fold_unit_indices -> cse -> dce -> fuse ->
// fuse_softmax (where asked) -> plan_memory -> lower_scan; each pass is declared in
// tartan/passes/<name>.h. The rewriting passes also rewrite every scan's body. Throws InternalError
// when a pass breaks the program, Error when folding a constant evaluates a user mistake (an `=`
// contraction writing one element twice).
LoweredProgram run_pipeline(Program program, const PipelineOptions& options = {});

}  // namespace tartan
