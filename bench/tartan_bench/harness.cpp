#include "harness.h"

#include <chrono>
#include <iostream>

#include "cpu_compare.h"
#include "progress.h"
#include "tartan/compiler.h"
#include "tartan/support/cancel.h"
#include "tartan/support/env.h"
#include "tartan/support/error.h"

namespace tartan::bench {
namespace {

using Clock = std::chrono::steady_clock;

// plaidbench's progress lines: they also show, in a log, which step a slow run is in.
void announce(const std::string& phase, const char* line) {
  set_phase(phase);
  std::cout << line << "\n" << std::flush;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void add_profile(const std::vector<KernelProfile>& profile, std::vector<KernelTime>& totals) {
  if (totals.empty()) {
    for (const KernelProfile& k : profile) {
      totals.push_back({k.name, k.statement, 0, k.flops, k.bytes});
    }
  }
  TARTAN_CHECK(totals.size() == profile.size(), "the launch list changed between runs");
  for (std::size_t i = 0; i < profile.size(); ++i) totals[i].total_ms += profile[i].device_ms;
}

void measure(const Workload& w, const runtime::Device& device, const BenchOptions& o,
             Measurement& m, std::vector<HostTensor>* first_outputs) {
  announce("compiling " + w.name,
           o.tune ? "Compiling network (tuning kernels)..." : "Compiling network...");
  CompileOptions options;
  options.tune = o.tune;
  options.profiling = o.kernel_timing;
  const Clock::time_point compile_start = Clock::now();
  Executable exe = compile(w.program, device, options);
  std::unique_lock<std::mutex> lock = results_lock();
  m.tuning_seconds = exe.stats().tuning_seconds;
  m.compile_seconds = seconds_since(compile_start) - m.tuning_seconds;
  m.tuned_kernels = exe.stats().tuned_kernels;
  m.tuning_records_used = exe.stats().tuning_records_used;
  m.compiled = true;
  m.cache_hit = exe.stats().cache_hit;
  m.kernels = exe.stats().kernels;
  m.unique_kernels = exe.stats().unique_kernels;
  m.compile_stats = exe.stats();
  m.peak_bytes = exe.memory().peak_bytes();
  m.flops_per_example =
      w.flops_per_example > 0 ? w.flops_per_example : exe.flops_per_run() / w.batch;
  lock.unlock();
  if ((m.stopped = should_stop()) != StopReason::kNone) return;

  exe.set_inputs(w.inputs);
  const int warmups = warmup_batches(o);
  if (warmups > 0) {
    announce("warming up", "Warming up...");
    ProgressBar bar("warm-up", warmups);
    const Clock::time_point start = Clock::now();
    for (int b = 0; b < warmups; ++b) {
      if ((m.stopped = should_stop()) != StopReason::kNone) return;
      exe.enqueue();
      exe.finish();
      const auto held = results_lock();
      m.warmup_batches = b + 1;
      m.warmup_seconds = seconds_since(start);  // so far: a stop may come before the end
      bar.update(b + 1);
    }
  }

  announce("running", "Running...");
  lock.lock();
  m.batches_planned = timed_batches(o);
  m.kernel_timing = o.kernel_timing;
  m.batch_seconds.reserve(static_cast<std::size_t>(m.batches_planned));
  lock.unlock();
  {
    ProgressBar bar("running", m.batches_planned);
    for (int b = 0; b < m.batches_planned; ++b) {
      if ((m.stopped = should_stop()) != StopReason::kNone) break;
      const Clock::time_point start = Clock::now();
      exe.enqueue();
      exe.finish();
      const double seconds = seconds_since(start);
      // Outside the timed window: reading events and outputs costs host time, not device time.
      std::vector<KernelProfile> profile;
      if (o.kernel_timing) profile = exe.profile();
      const auto held = results_lock();
      m.batch_seconds.push_back(seconds);
      if (o.kernel_timing) add_profile(profile, m.kernel_times);
      if (b == 0 && first_outputs) {
        *first_outputs = exe.read_outputs();
        if (const auto how = env_string("TARTAN_BENCH_CORRUPT_OUTPUT")) {
          corrupt_for_testing(*first_outputs, *how);
        }
      }
      bar.update(b + 1);
    }
  }
  if (m.stopped != StopReason::kNone || !o.validate || !w.reference_first_example ||
      !first_outputs || first_outputs->empty()) {
    return;
  }
  announce("validating against the reference executor",
           "Validating against the reference executor...");
  const Clock::time_point start = Clock::now();
  const std::vector<HostTensor> want = w.reference_first_example();
  const ValidationResult result =
      compare_outputs(*first_outputs, want, w.atol, w.rtol_value, w.atol_value);
  lock.lock();
  m.validation = result;
  m.validation_seconds = seconds_since(start);
  lock.unlock();
  m.stopped = should_stop();
}

}  // namespace

void run_benchmark(const Workload& workload, const runtime::Device& device,
                   const BenchOptions& options, Measurement& m,
                   std::vector<HostTensor>* first_outputs) {
  std::string failure;
  try {
    measure(workload, device, options, m, first_outputs);
  } catch (const Cancelled&) {
    m.stopped = should_stop();  // a long step saw the stop and gave up
  } catch (const Error& e) {
    failure = e.hint().empty() ? e.what() : std::string(e.what()) + "\n  " + e.hint();
  } catch (const std::bad_alloc&) {
    failure = "out of host memory while " + current_phase() +
              ": use a smaller --batch-size or --input-size";
  } catch (const std::exception& e) {
    failure = std::string("internal error: ") + e.what();
  }
  if (!failure.empty() && cancel_requested()) {
    m.stopped = should_stop();  // a step that failed because it was stopping is a stop
  } else if (!failure.empty()) {
    const auto held = results_lock();
    m.failure = failure;
  }
  // After measure(): the device's executable is gone before the CPU's is made.
  if (cpu_compare_enabled(options, device.info) && m.failure.empty() &&
      m.stopped == StopReason::kNone && !m.batch_seconds.empty()) {
    const Summary s = summarize(m, workload.batch, std::nullopt);
    CpuComparison cpu = compare_on_cpu(workload, options, s.examples_per_second);
    {
      const auto held = results_lock();
      m.cpu = std::move(cpu);
    }
    m.stopped = should_stop();
  }
}

}  // namespace tartan::bench
