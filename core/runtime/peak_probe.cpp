#include "tartan/runtime/peak_probe.h"

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
constexpr std::uint64_t kMaxIterations = std::uint64_t{1} << 20;

std::size_t work_group_size(const Kernel& kernel, const DeviceInfo& info) {
  return std::max<std::size_t>(
      1, std::min({kernel.max_work_group_size(), info.max_work_group_size, std::size_t{256}}));
}

// The shortest of `repeats` launches; each launch's own profiling event times it.
std::uint64_t best_of(Kernel& kernel, Queue& queue, std::size_t global, std::size_t local,
                      int repeats) {
  std::uint64_t best = UINT64_MAX;
  for (int r = 0; r < std::max(repeats, 1); ++r) {
    const std::array<std::size_t, 1> g{global}, l{local};
    best = std::min(best, kernel.launch(queue, g, l).duration_ns());
  }
  return best;
}

double per_second(double amount, std::uint64_t ns, const char* what) {
  if (ns == 0) {
    throw Error(std::string("the ") + what +
                    " probe's profiling event reported 0 ns, so no rate can be computed",
                "the driver's profiling timer looks broken; try another device or driver");
  }
  return amount / static_cast<double>(ns);  // per ns = 1e9 per second: GFLOP/s, GB/s
}

double measure_gflops(const Context& context, Queue& queue, const Program& program,
                      const PeakOptions& options) {
  const DeviceInfo& info = context.device().info;
  double best = 0;
  for (const auto& [name, width] : {std::pair{"peak_flops_float4", 4}, {"peak_flops_float8", 8}}) {
    Kernel kernel(program, name);
    const std::size_t local = work_group_size(kernel, info);
    // Enough work-groups to keep every compute unit busy with several groups in flight.
    const std::size_t global = local * std::max<std::uint32_t>(info.compute_units, 1) * 16;
    Buffer out(context, global * sizeof(float));
    kernel.set_arg(0, out);
    kernel.set_arg(1, 0.999f);  // m and c of v = v * m + c: see peak_kernels.cl
    kernel.set_arg(2, 0.001f);
    int iterations = 1;
    kernel.set_arg(3, iterations);
    best_of(kernel, queue, global, local, 1);  // warm-up: first launches may include JIT work
    std::uint64_t ns = best_of(kernel, queue, global, local, 1);
    const auto target_ns = static_cast<std::uint64_t>(options.target_seconds * 1e9);
    while (ns < target_ns && static_cast<std::uint64_t>(iterations) < kMaxIterations) {
      // Grow towards the target in one or two steps rather than doubling many times.
      const double factor =
          std::clamp(static_cast<double>(target_ns) / std::max<double>(ns, 1.0), 2.0, 64.0);
      iterations = static_cast<int>(std::min<double>(iterations * factor, kMaxIterations));
      kernel.set_arg(3, iterations);
      ns = best_of(kernel, queue, global, local, 1);
    }
    ns = std::min(ns, best_of(kernel, queue, global, local, options.repeats));
    const double flops = 2.0 * kMadsPerIteration * width * static_cast<double>(iterations) * global;
    best = std::max(best, per_second(flops, ns, "compute"));
  }
  return best;
}

double measure_gbps(const Context& context, Queue& queue, const Program& program,
                    const PeakOptions& options) {
  const DeviceInfo& info = context.device().info;
  Kernel kernel(program, "peak_read_float4");
  const std::size_t local = work_group_size(kernel, info);
  const std::uint64_t budget = std::max<std::uint64_t>(
      std::min(options.max_buffer_bytes, info.max_alloc_bytes / 4), local * sizeof(float) * 4);
  // Each work-item reads `reads` float4; a work-group count that is a whole number of groups.
  int reads = 16;
  std::size_t global = budget / (16 * reads) / local * local;
  if (global == 0) {
    global = local;
    reads = static_cast<int>(std::max<std::uint64_t>(1, budget / (16 * local)));
  }
  const std::size_t src_bytes = global * 16 * static_cast<std::size_t>(reads);
  Buffer src(context, src_bytes, CL_MEM_READ_ONLY);
  Buffer out(context, global * sizeof(float));
  // Touch every page first: CPU drivers allocate lazily, and the first pass would time that.
  src.fill(queue, 0.0f).wait();
  kernel.set_arg(0, src);
  kernel.set_arg(1, out);
  kernel.set_arg(2, reads);
  best_of(kernel, queue, global, local, 1);  // warm-up
  const std::uint64_t ns = best_of(kernel, queue, global, local, options.repeats);
  const double bytes = static_cast<double>(src_bytes) + static_cast<double>(global * sizeof(float));
  return per_second(bytes, ns, "bandwidth");
}

}  // namespace

PeakResult measure_peak(const Device& device, const PeakOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Context context(device);
  Queue queue(context);
  const Program program =
      Program::from_source(context, kPeakKernels, "-cl-mad-enable", "peak_probe");
  PeakResult result;
  result.gflops = measure_gflops(context, queue, program, options);
  result.gbps = measure_gbps(context, queue, program, options);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace tartan::runtime
