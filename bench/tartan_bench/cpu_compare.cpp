#include "cpu_compare.h"

#include <chrono>
#include <iostream>

#include "stop.h"
#include "tartan/compiler.h"
#include "tartan/support/cancel.h"
#include "tartan/support/error.h"

namespace tartan::bench {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void run_on(const runtime::Device& cpu, const Workload& w, const BenchOptions& o,
            CpuComparison& r) {
  set_phase("compiling " + w.name + " for the CPU comparison");
  const Clock::time_point compile_start = Clock::now();
  Executable exe = compile(w.program, cpu);
  r.compile_seconds = seconds_since(compile_start);
  exe.set_inputs(w.inputs);
  set_phase("running " + w.name + " on the CPU");
  // One untimed batch: the first run of an executable pays for first-touch allocations.
  if (should_stop() != StopReason::kNone) return;
  exe.enqueue();
  exe.finish();
  const int planned = std::min(kCpuCompareBatches, timed_batches(o));
  for (int b = 0; b < planned && r.execution_seconds < kCpuCompareSeconds; ++b) {
    if (should_stop() != StopReason::kNone) return;
    const Clock::time_point start = Clock::now();
    exe.enqueue();
    exe.finish();
    r.execution_seconds += seconds_since(start);
    ++r.batches;
  }
}

}  // namespace

bool cpu_compare_enabled(const BenchOptions& options, const runtime::DeviceInfo& device) {
  return options.cpu_compare.value_or(device.type != runtime::DeviceType::kCpu);
}

std::optional<runtime::Device> find_cpu_device() {
  for (const runtime::Device& d : runtime::enumerate_devices()) {
    if (d.info.type == runtime::DeviceType::kCpu && d.info.available && d.info.compiler_available) {
      return d;
    }
  }
  return std::nullopt;
}

CpuComparison compare_on_cpu(const Workload& w, const BenchOptions& o,
                             double device_examples_per_second) {
  CpuComparison r;
  try {
    const std::optional<runtime::Device> cpu = find_cpu_device();
    if (!cpu) {
      r.status = "no_cpu_device";
      r.note =
          "no OpenCL CPU device to compare with; install PoCL (Debian/Ubuntu: pocl-opencl-icd)";
      return r;
    }
    r.device = cpu->info;
    std::cout << "Comparing with the CPU (" << r.device.id << ")...\n" << std::flush;
    run_on(*cpu, w, o, r);
  } catch (const Cancelled&) {
    r.batches = 0;  // a stop during its compile: reported as stopped below
  } catch (const Error& e) {
    r.status = "failed";
    r.note = e.hint().empty() ? e.what() : std::string(e.what()) + "\n  " + e.hint();
    return r;
  } catch (const std::exception& e) {
    r.status = "failed";
    r.note = std::string("internal error: ") + e.what();
    return r;
  }
  if (r.batches == 0) {
    r.status = "stopped";
    r.note = "stopped before a timed batch finished on the CPU";
    return r;
  }
  r.status = "ok";
  r.examples = r.batches * w.batch;
  r.examples_per_second = r.examples / r.execution_seconds;
  if (device_examples_per_second > 0) {
    r.speedup = device_examples_per_second / r.examples_per_second;
  }
  return r;
}

}  // namespace tartan::bench
