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
#include "tartan/passes/fuse_softmax.h"
#include "tartan/passes/infer_shapes.h"
#include "tartan/passes/lower_scan.h"
#include "tartan/passes/plan_memory.h"
#include "tartan/passes/winograd.h"

namespace tartan {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

class PassRunner {
 public:
  PassRunner(Program* program, const PipelineOptions& options)
      : program_(program), options_(options) {}

  // Runs one rewriting pass, logs it, re-checks the program and dumps it if asked.
  template <typename Pass>
  void run(const char* name, Pass pass) {
    const std::size_t before = program_->ops().size();
    Clock::time_point start = Clock::now();
    pass(program_);
    rewrite_scan_bodies(program_, pass);  // a loop's body is optimised like any program
    const double seconds = seconds_since(start);
    timings_.emplace_back(name, seconds);
    spdlog::debug("pass {}: {} -> {} ops in {:.0f} us", name, before, program_->ops().size(),
                  seconds * 1e6);
    if (check_each_pass_) check();
    if (options_.dump_after_each_pass && spdlog::should_log(spdlog::level::debug)) {
      spdlog::debug("program after {}:\n{}", name, print_program(*program_));
    }
  }

  // Re-checks the whole program (types, shapes, index ranges): after every pass where asked,
  // else once after the last rewriting pass. Each check re-derives every contraction's index
  // ranges (a third of a warm MobileNet compile's passes on PoCL), and a broken program is caught
  // either way; per pass, the message names the pass that broke it.
  void check() {
    const Clock::time_point start = Clock::now();
    infer_shapes(*program_);
    infer_shapes_seconds_ += seconds_since(start);
  }
  bool checks_each_pass() const { return check_each_pass_; }

  // Times one step of lowering (no re-check).
  template <typename Step>
  auto time(const char* name, Step step) {
    const Clock::time_point start = Clock::now();
    auto result = step();
    timings_.emplace_back(name, seconds_since(start));
    return result;
  }

  // Every timing so far, the re-checks after the passes summed as "infer_shapes".
  std::vector<std::pair<std::string, double>> timings() const {
    auto all = timings_;
    all.emplace_back("infer_shapes", infer_shapes_seconds_);
    return all;
  }

 private:
  Program* program_;
  const PipelineOptions& options_;
  const bool check_each_pass_ = options_.check_each_pass || options_.dump_after_each_pass;
  std::vector<std::pair<std::string, double>> timings_;
  double infer_shapes_seconds_ = 0;
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
  passes.run("winograd", [&](Program* p) { winograd(p, options.winograd); });
  passes.run("fold_unit_indices", fold_unit_indices);
  passes.run("cse", cse);
  passes.run("dce", dce);
  if (!passes.checks_each_pass()) passes.check();

  LoweredProgram lowered{std::move(program), {}, {}};
  lowered.kernels = passes.time("fuse", [&] { return fuse(lowered.program, options.fuse); });
  if (options.fuse && options.fuse_softmax) {
    passes.time("fuse_softmax", [&] {
      fuse_softmax(lowered.program, &lowered.kernels);
      return 0;
    });
  }
  lowered.memory = passes.time("plan_memory", [&] {
    return plan_memory(lowered.program, lowered.kernels, options.arena_alignment);
  });
  passes.time("lower_scans", [&] {
    lower_scans(&lowered, options);
    return 0;
  });
  lowered.pass_seconds = passes.timings();
  spdlog::debug("fuse: {} kernels; plan_memory: arena {} B, peak {} B", lowered.kernels.size(),
                lowered.memory.arena_bytes, lowered.memory.peak_bytes());
  return lowered;
}

}  // namespace tartan
