#include "tartan/passes/lower_scan.h"

#include <set>

#include "tartan/passes/fuse.h"
#include "tartan/passes/plan_memory.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

// Whether the runtime can bind `t` as a body output: computed by an op that forms a kernel.
bool kernel_computed(const Program& body, TensorId t) {
  const Op* op = body.producer(t);
  return op != nullptr && !std::holds_alternative<Reshape>(*op);
}

}  // namespace

LoweredProgram lower_scan_body(const Scan& s, const PipelineOptions& options) {
  Program body = *s.body;
  for (const Op& op : body.ops()) {
    if (std::holds_alternative<Scan>(op)) {
      throw Error("scan " + body.tensor(op_output(op)).name +
                      " is nested in another scan's body, which the OpenCL backend does not "
                      "run yet",
                  "run nested loops with the reference executor, or unroll the inner loop");
    }
  }
  std::vector<TensorId> outputs = body.outputs();
  std::set<TensorId> seen;
  for (TensorId& t : outputs) {
    if (!kernel_computed(body, t) || !seen.insert(t).second) {
      t = body.add_elementwise("", EwOp::kIdentity, {t});
    }
  }
  if (s.stacked) {
    outputs.push_back(
        body.add_elementwise("", EwOp::kIdentity, {outputs[static_cast<std::size_t>(s.result)]}));
  }
  body.set_outputs(std::move(outputs));
  LoweredProgram lowered{std::move(body), {}, {}};
  lowered.kernels = fuse(lowered.program, options.fuse);
  lowered.memory = plan_memory(lowered.program, lowered.kernels, options.arena_alignment);
  return lowered;
}

void lower_scans(LoweredProgram* lowered, const PipelineOptions& options) {
  for (const KernelGroup& k : lowered->kernels) {
    const Op& root = lowered->program.ops()[k.ops.front()];
    if (const auto* s = std::get_if<Scan>(&root)) {
      lowered->bodies[k.output] =
          std::make_shared<const LoweredProgram>(lower_scan_body(*s, options));
    }
  }
}

}  // namespace tartan
