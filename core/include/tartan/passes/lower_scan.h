// lower_scan: prepares each scan's body for code generation, after the outer program is fused
// and planned. The runtime runs the body's kernels trip_count times and points their carried
// inputs and outputs at two buffers per carried state that swap every step (no copies), so every
// body output must be written by a kernel of its own: an output that is a body input, a
// constant, a reshape view or a repeat of another output gets a copy. With `stacked`, the body
// also copies the result into one more output, the step's slice of the scan's output. Then the
// body is fused and planned like any program (its intermediates get an arena of their own).
#pragma once

#include "tartan/passes/pipeline.h"

namespace tartan {

// The lowered body of scan `s`. Throws Error for a scan nested in a scan's body, which the
// OpenCL runtime does not run yet (the reference executor does).
LoweredProgram lower_scan_body(const Scan& s, const PipelineOptions& options);

// Fills lowered->bodies for every scan kernel of lowered->kernels.
void lower_scans(LoweredProgram* lowered, const PipelineOptions& options);

// For the pass pipeline: applies `pass` to the body of every scan in `program`, recursively.
template <typename Pass>
void rewrite_scan_bodies(Program* program, Pass pass) {
  std::vector<Op> ops = program->ops();
  bool changed = false;
  for (Op& op : ops) {
    auto* s = std::get_if<Scan>(&op);
    if (!s) continue;
    auto body = std::make_shared<Program>(*s->body);
    pass(body.get());
    rewrite_scan_bodies(body.get(), pass);
    s->body = std::move(body);
    changed = true;
  }
  if (changed) program->set_ops(std::move(ops));
}

}  // namespace tartan
