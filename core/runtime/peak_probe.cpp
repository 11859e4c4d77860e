#include "tartan/runtime/peak_probe.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <string>

#include "tartan/runtime/buffer.h"
#include "tartan/runtime/context.h"
#include "tartan/runtime/program.h"
#include "tartan/support/error.h"

namespace tartan::runtime {
namespace {

constexpr const char* kPeakKernels =
#include "peak_kernels.cl.inc"
    ;

constexpr int kMadsPerIteration = 128;
constexpr int kMaxIterations = 1 << 20;
constexpr int kReadsPerItem = 16;
constexpr std::size_t kFloat4Bytes = 16;

class Budget {
 public:
  explicit Budget(double seconds) : end_(clock::now() + to_duration(seconds)) {}
  bool spent() const { return clock::now() >= end_; }

 private:
  using clock = std::chrono::steady_clock;
  static clock::duration to_duration(double s) {
    return std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(s));
  }
  clock::time_point end_;
};

std::size_t work_group_size(const Kernel& kernel, const DeviceInfo& info) {
  return std::max<std::size_t>(
      1, std::min({kernel.max_work_group_size(), info.max_work_group_size, std::size_t{256}}));
}

// The shortest of up to `repeats` launches (at least one); each launch's profiling event times
// it, so queueing and host overhead do not count.
std::uint64_t best_of(Kernel& kernel, Queue& queue, std::size_t global, std::size_t local,
                      int repeats, const Budget& budget) {
  std::uint64_t best = UINT64_MAX;
  for (int r = 0; r < std::max(repeats, 1) && (r == 0 || !budget.spent()); ++r) {
    const std::array<std::size_t, 1> g{global}, l{local};
    best = std::min(best, kernel.launch(queue, g, l).duration_ns());
  }
  return best;
}

// How much to grow a size whose launch took `ns` to reach `target_ns`: in one or two steps
// rather than by many doublings.
double growth(std::uint64_t ns, std::uint64_t target_ns) {
  return std::clamp(static_cast<double>(target_ns) / std::max<double>(static_cast<double>(ns), 1),
                    2.0, 64.0);
}

double per_ns(double amount, std::uint64_t ns, const char* what) {
  if (ns == 0) {
    throw Error(std::string("the ") + what +
                    " probe's profiling event reported 0 ns, so no rate can be computed",
                "the driver's profiling timer looks broken; try another device or driver");
  }
  return amount / static_cast<double>(ns);  // per ns = 1e9 per second: GFLOP/s, GB/s
}

double measure_gflops(const Context& context, Queue& queue, const Program& program,
                      const PeakOptions& options, const Budget& budget) {
  const DeviceInfo& info = context.device().info;
  const auto target_ns = static_cast<std::uint64_t>(options.target_seconds * 1e9);
  double best = 0;
  for (const auto& [name, width] : {std::pair{"peak_flops_float4", 4}, {"peak_flops_float8", 8}}) {
    if (best > 0 && budget.spent()) break;
    Kernel kernel(program, name);
    const std::size_t local = work_group_size(kernel, info);
    // Enough work-groups to keep every compute unit busy with several groups in flight.
    const std::size_t full = local * std::max<std::uint32_t>(info.compute_units, 1) * 16;
    Buffer out(context, full * sizeof(float));
    kernel.set_arg(0, out);
    kernel.set_arg(1, 0.999f);  // m and c of v = v * m + c: see peak_kernels.cl
    kernel.set_arg(2, 0.001f);
    int iterations = 1;
    kernel.set_arg(3, iterations);
    // Start with one work-group, so that a slow device or a simulator is not stuck on the first
    // launch; grow to the full size, then lengthen the loop until a launch takes the target time.
    std::size_t global = local;
    best_of(kernel, queue, global, local, 1, budget);  // warm-up: may include JIT work
    std::uint64_t ns = best_of(kernel, queue, global, local, 1, budget);
    while (ns < target_ns && !budget.spent() && (global < full || iterations < kMaxIterations)) {
      const double factor = growth(ns, target_ns);
      if (global < full) {
        global = std::min(
            full, static_cast<std::size_t>(static_cast<double>(global) * factor) / local * local);
      } else {
        iterations = static_cast<int>(std::min<double>(iterations * factor, kMaxIterations));
        kernel.set_arg(3, iterations);
      }
      ns = best_of(kernel, queue, global, local, 1, budget);
    }
    ns = std::min(ns, best_of(kernel, queue, global, local, options.repeats - 1, budget));
    const double flops = 2.0 * kMadsPerIteration * width * iterations * static_cast<double>(global);
    spdlog::debug("peak probe {}: {} work-items x {} iterations in {} ns: {} GFLOP/s", name, global,
                  iterations, ns, flops / static_cast<double>(std::max<std::uint64_t>(ns, 1)));
    best = std::max(best, per_ns(flops, ns, "compute"));
  }
  return best;
}

double measure_gbps(const Context& context, Queue& queue, const Program& program,
                    const PeakOptions& options, const Budget& budget) {
  const DeviceInfo& info = context.device().info;
  const auto target_ns = static_cast<std::uint64_t>(options.target_seconds * 1e9);
  Kernel kernel(program, "peak_read_float4");
  const std::size_t local = work_group_size(kernel, info);
  const std::size_t bytes_per_item = kFloat4Bytes * kReadsPerItem;
  // Whole work-groups that fit the budget; at least one.
  const std::uint64_t cap = std::min(options.max_buffer_bytes, info.max_alloc_bytes / 4);
  const std::size_t full = std::max<std::size_t>(1, cap / (bytes_per_item * local)) * local;
  Buffer src(context, full * bytes_per_item, CL_MEM_READ_ONLY);
  Buffer out(context, full * sizeof(float));
  // Touch every page first: CPU drivers allocate lazily, and the first pass would time that.
  src.fill(queue, 0.0f).wait();
  kernel.set_arg(0, src);
  kernel.set_arg(1, out);
  kernel.set_arg(2, kReadsPerItem);
  // Grow from one work-group until a launch takes the target time or the buffer is used up.
  std::size_t global = std::min(full, local * std::max<std::uint32_t>(info.compute_units, 1));
  best_of(kernel, queue, global, local, 1, budget);  // warm-up
  std::uint64_t ns = best_of(kernel, queue, global, local, 1, budget);
  while (ns < target_ns && global < full && !budget.spent()) {
    global = std::min(
        full, static_cast<std::size_t>(static_cast<double>(global) * growth(ns, target_ns)) /
                  local * local);
    ns = best_of(kernel, queue, global, local, 1, budget);
  }
  ns = std::min(ns, best_of(kernel, queue, global, local, options.repeats - 1, budget));
  const double bytes = static_cast<double>(global) * (bytes_per_item + sizeof(float));
  spdlog::debug("peak probe bandwidth: {} bytes in {} ns", bytes, ns);
  return per_ns(bytes, ns, "bandwidth");
}

}  // namespace

PeakResult measure_peak(const Device& device, const PeakOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Context context(device);
  Queue queue(context);
  const Program program =
      Program::from_source(context, kPeakKernels, "-cl-mad-enable", "peak_probe");
  // Half the time for each probe (the build does not count): the bandwidth probe must not go
  // without a turn.
  const Budget compute_budget(options.budget_seconds / 2);
  const auto probes_start = std::chrono::steady_clock::now();
  PeakResult result;
  result.gflops = measure_gflops(context, queue, program, options, compute_budget);
  const Budget memory_budget(
      options.budget_seconds -
      std::chrono::duration<double>(std::chrono::steady_clock::now() - probes_start).count());
  result.gbps = measure_gbps(context, queue, program, options, memory_budget);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace tartan::runtime
