#include "report.h"

#include <fmt/format.h>

#include <algorithm>

namespace tartan::bench {
namespace {

std::string mebibytes(std::size_t bytes) {
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1 << 20));
}

void print_top_kernels(std::ostream& out, const Measurement& m, int examples, int count) {
  std::vector<KernelTime> top = m.kernel_times;
  std::sort(top.begin(), top.end(),
            [](const KernelTime& a, const KernelTime& b) { return a.total_ms > b.total_ms; });
  top.resize(std::min<std::size_t>(top.size(), static_cast<std::size_t>(count)));
  const int runs = static_cast<int>(m.batch_seconds.size());
  out << fmt::format(
      "Most expensive kernels (device ms per batch, over {} batches of {} "
      "examples):\n",
      runs, runs > 0 ? examples / runs : 0);
  out << fmt::format("  {:>9}  {:>9}  {:<28}  {}\n", "ms", "GFLOP/s", "kernel", "statement");
  for (const KernelTime& k : top) {
    const double ms = runs > 0 ? k.total_ms / runs : 0;
    const double gflops = ms > 0 ? k.flops / (ms * 1e-3) / 1e9 : 0;
    std::string statement = k.statement.substr(0, k.statement.find('\n'));
    if (statement.size() > 100) statement = statement.substr(0, 97) + "...";
    out << fmt::format("  {:>9.3f}  {:>9.2f}  {:<28}  {}\n", ms, gflops, k.name, statement);
  }
}

// "warm" when every program came from the kernel cache, "cold" when none did.
std::string cache_state(const CompileStats& c) {
  if (c.programs == 0 || c.cache_hits == c.programs) return "warm";
  if (c.cache_hits == 0) return "cold";
  return fmt::format("partly warm, {} of {} kernels", c.cache_hits, c.programs);
}

void print_compile_phases(std::ostream& out, const CompileStats& c) {
  out << fmt::format(
      "    passes {:.3f} s, device context {:.3f} s more (created in {:.3f} s beside the passes),\n"
      "    buffers and constants {:.3f} s, scheduling {:.3f} s, codegen {:.3f} s,\n"
      "    program build {:.3f} s ({} programs on {} threads, {} from the cache{}), "
      "kernel setup {:.3f} s\n",
      c.pipeline_seconds, c.context_seconds, c.context_create_seconds, c.upload_seconds,
      c.schedule_seconds, c.codegen_seconds, c.build_seconds, c.programs, c.build_threads,
      c.cache_hits,
      c.build_processes > 0
          ? fmt::format(
                ", {} built by {} worker processes: ready after {:.3f} s, done after {:.3f} s",
                c.worker_builds, c.build_processes, c.worker_ready_seconds, c.worker_seconds)
          : std::string(),
      c.bind_seconds);
  std::string passes;
  for (const auto& [name, seconds] : c.pass_seconds) {
    passes += fmt::format("{}{} {:.3f}", passes.empty() ? "" : ", ", name, seconds);
  }
  if (!passes.empty()) out << "    passes (s): " << passes << "\n";
  for (const std::string& line : c.settings) out << "    settings: " << line << "\n";
}

}  // namespace

void print_report(std::ostream& out, const RunContext& c, const Measurement& m, const Summary& s) {
  const BenchOptions& o = *c.options;
  if (!m.compiled) return;  // the failure message says it all
  // plaidbench's line, exactly (log parsers read it).
  out << fmt::format("Example finished, elapsed: {:.3f}s (compile), {:.3f}s (execution)\n",
                     m.compile_seconds, s.execution_seconds);
  const std::string rule(72, '-');
  out << rule << "\n";
  out << fmt::format("{}  batch {}  {} of {} examples  on {}\n", c.name, s.batch, s.examples,
                     m.batches_planned * s.batch, c.device.id);
  out << rule << "\n";
  const auto row = [&](const std::string& what, const std::string& value) {
    out << fmt::format("  {:<22}{}\n", what, value);
  };
  row("compile",
      fmt::format("{:.3f} s (kernel cache {}; {} launches, {} kernels)", m.compile_seconds,
                  cache_state(m.compile_stats), m.kernels, m.unique_kernels));
  if (o.verbose) print_compile_phases(out, m.compile_stats);
  if (o.tune) {
    row("tuning", fmt::format("{:.3f} s ({} kernel{} measured; plans kept in the tuning cache)",
                              m.tuning_seconds, m.tuned_kernels, m.tuned_kernels == 1 ? "" : "s"));
  } else if (m.tuning_records_used > 0) {
    row("tuning", fmt::format("{} kernel plan{} from the tuning cache", m.tuning_records_used,
                              m.tuning_records_used == 1 ? "" : "s"));
  }
  if (o.fp16) row("precision", "float16 storage, float arithmetic (--fp16)");
  if (o.warmup) {
    row("warm-up", fmt::format("{} batch{}, {:.3f} s", m.warmup_batches,
                               m.warmup_batches == 1 ? "" : "es", m.warmup_seconds));
  }
  row("time per example", fmt::format("{:.3f} ms (wall)", s.ms_per_example));
  row("latency per batch",
      fmt::format("p50 {:.3f} ms   p90 {:.3f} ms   p99 {:.3f} ms", s.p50_ms, s.p90_ms, s.p99_ms));
  row("throughput", fmt::format("{:.2f} examples/s", s.examples_per_second));
  // A run stopped before its first timed batch measured no kernel either, whatever the flag.
  row("kernel time", !o.kernel_timing ? std::string("not measured (--no-kernel-timing)")
                     : s.examples == 0
                         ? std::string("not measured (no timed batch ran)")
                         : fmt::format("{:.3f} ms per example (device, profiling events)",
                                       s.kernel_ms_per_example));
  std::string rate = fmt::format("{:.2f} GFLOP/s ({:.3f} GFLOP per example)", s.gflops_per_second,
                                 m.flops_per_example / 1e9);
  if (s.percent_of_peak) {
    rate += fmt::format(", {:.1f}% of the measured peak {:.1f} GFLOP/s", *s.percent_of_peak,
                        *c.peak_gflops);
  } else {
    rate += ", % of peak unknown (run tartan-setup to measure this device)";
  }
  row("compute", rate);
  row("peak device memory", mebibytes(m.peak_bytes));
  if (m.cpu) {
    const CpuComparison& cpu = *m.cpu;
    if (cpu.status == "ok") {
      row("CPU comparison", fmt::format("{:.2f} examples/s on {} ({} examples)",
                                        cpu.examples_per_second, cpu.device.id, cpu.examples));
      if (cpu.speedup) row("speedup over the CPU", fmt::format("{:.2f}x", *cpu.speedup));
    } else {
      row("CPU comparison", "not measured: " + cpu.note);
    }
  }
  out << rule << "\n";
  if (m.validation) {
    const ValidationResult& v = *m.validation;
    out << fmt::format(
        "Correctness: {}, max_error: {:.6g}, max_abs_error: {:.6g}, fail_ratio: {:.6f}\n",
        v.pass ? "PASS" : "FAIL", v.max_error, v.max_abs_error, v.fail_ratio);
    if (o.fp16) {
      out << fmt::format(
          "  (float16 run against the float64 reference of the float32 network, at half "
          "precision's tolerances: rtol {:g}, atol {:g})\n",
          v.rtol, v.atol);
    }
  } else if (!o.validate) {
    out << "Correctness: not checked (--no-validate)\n";
  }
  if (o.verbose && !m.kernel_times.empty()) print_top_kernels(out, m, s.examples, o.top_kernels);
}

}  // namespace tartan::bench
