// The pass pipeline, in order. A new pass is one file pair and one line here.
#include "tartan/passes/pipeline.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "tartan/lang/parse.h"
#include "tartan/passes/cse.h"
#include "tartan/passes/dce.h"
#include "tartan/passes/fold_batch_norm.h"
#include "tartan/passes/fold_constants.h"
#include "tartan/passes/fold_padding.h"
#include "tartan/passes/fold_unit_indices.h"
#include "tartan/passes/fuse.h"
#include "tartan/passes/infer_shapes.h"
#include "tartan/passes/lower_scan.h"
#include "tartan/passes/plan_memory.h"

namespace tartan {

namespace {

class PassRunner {
 public:
  PassRunner(Program* program, const PipelineOptions& options)
      : program_(program), options_(options) {}

  // Runs one rewriting pass, logs it, re-checks the program and dumps it if asked.
  template <typename Pass>
  void run(const char* name, Pass pass) {
    const std::size_t before = program_->ops().size();
    const auto start = std::chrono::steady_clock::now();
    pass(program_);
    rewrite_scan_bodies(program_, pass);  // a loop's body is optimised like any program
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    spdlog::debug("pass {}: {} -> {} ops in {} us", name, before, program_->ops().size(), us);
    infer_shapes(*program_);
    if (options_.dump_after_each_pass && spdlog::should_log(spdlog::level::debug)) {
      spdlog::debug("program after {}:\n{}", name, print_program(*program_));
    }
  }

 private:
  Program* program_;
  const PipelineOptions& options_;
};

}  // namespace

LoweredProgram run_pipeline(Program program, const PipelineOptions& options) {
  infer_shapes(program);
  PassRunner passes(&program, options);
  if (options.fold_constants) {
    passes.run("fold_constants", fold_constants);
    passes.run("fold_batch_norm", fold_batch_norm);
  }
  passes.run("fold_padding", fold_padding);
  passes.run("fold_unit_indices", fold_unit_indices);
  passes.run("cse", cse);
  passes.run("dce", dce);

  LoweredProgram lowered{std::move(program), {}, {}};
  lowered.kernels = fuse(lowered.program, options.fuse);
  lowered.memory = plan_memory(lowered.program, lowered.kernels, options.arena_alignment);
  lower_scans(&lowered, options);
  spdlog::debug("fuse: {} kernels; plan_memory: arena {} B, peak {} B", lowered.kernels.size(),
                lowered.memory.arena_bytes, lowered.memory.peak_bytes());
  return lowered;
}

}  // namespace tartan
