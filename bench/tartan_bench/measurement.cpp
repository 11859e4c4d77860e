#include "measurement.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tartan::bench {

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * values.size()));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

Summary summarize(const Measurement& m, int batch, std::optional<double> peak_gflops) {
  Summary s;
  s.batch = batch;
  s.examples = static_cast<int>(m.batch_seconds.size()) * batch;
  s.execution_seconds = std::accumulate(m.batch_seconds.begin(), m.batch_seconds.end(), 0.0);
  s.p50_ms = 1e3 * percentile(m.batch_seconds, 50);
  s.p90_ms = 1e3 * percentile(m.batch_seconds, 90);
  s.p99_ms = 1e3 * percentile(m.batch_seconds, 99);
  if (s.examples > 0 && s.execution_seconds > 0) {
    s.ms_per_example = 1e3 * s.execution_seconds / s.examples;
    s.examples_per_second = s.examples / s.execution_seconds;
    s.gflops_per_second = m.flops_per_example * s.examples / s.execution_seconds / 1e9;
    double kernel_ms = 0;
    for (const KernelTime& k : m.kernel_times) kernel_ms += k.total_ms;
    s.kernel_ms_per_example = kernel_ms / s.examples;
    if (peak_gflops && *peak_gflops > 0) {
      s.percent_of_peak = 100.0 * s.gflops_per_second / *peak_gflops;
    }
  }
  return s;
}

std::string run_status(const Measurement& m) {
  if (m.stopped != StopReason::kNone) return stop_reason_name(m.stopped);
  if (!m.failure.empty()) return "failed";
  if (m.validation && !m.validation->pass) return "validation_failed";
  return "ok";
}

}  // namespace tartan::bench
