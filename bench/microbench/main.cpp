// tartan-microbench: GFLOP/s of generated kernels for plaidbench's op set, SGEMM and the
// MobileNet-style convolutions, with CLBlast's SGEMM on the same device as the peer.
//
//   TARTAN_DEVICE=<id> tartan-microbench [--benchmark_filter=...]   (default device otherwise)
//   TARTAN_MICROBENCH_TUNE=1 ...: plans measured by the tuner (--tune) instead of the cost model
//
// tartan's times are device times from profiling events (UseManualTime), summed over its
// kernels. CLBlast's are wall times from enqueue to completion, because the event CLBlast
// returns covers only its last kernel (clblast_peer.h). Both report `wall_ms`, the host time
// from enqueue to completion, for a like-for-like comparison that includes launch overhead.
#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <random>

#include "clblast_peer.h"
#include "common/op_programs.h"
#include "tartan/compiler.h"
#include "tartan/runtime/context.h"
#include "tartan/support/env.h"
#include "tartan/support/error.h"

namespace tartan::bench {
namespace {

runtime::Device& bench_device() {
  static runtime::Device device = [] {
    const auto id = env_string("TARTAN_DEVICE");
    return id ? runtime::find_device(*id) : runtime::default_device();
  }();
  return device;
}

// Milliseconds per iteration of a total over the benchmark's iterations.
double per_iteration_ms(double total_seconds, const benchmark::State& state) {
  return total_seconds * 1e3 /
         static_cast<double>(std::max<benchmark::IterationCount>(1, state.iterations()));
}

void run_tartan(benchmark::State& state, const std::string& name) {
  OpBenchmark op = make_op_benchmark(name);
  // TARTAN_MICROBENCH_TUNE=1 times the tuner's choice instead of the cost model's (main()
  // raises the log level so the tuner's debug lines can show; on the GPU machine they did
  // not appear in the output, which is not explained yet).
  CompileOptions options;
  options.tune = env_string("TARTAN_MICROBENCH_TUNE").has_value();
  Executable exe = compile(op.program, bench_device(), options);
  std::mt19937_64 rng(1);
  std::vector<HostTensor> inputs;
  for (TensorId id : op.program.inputs()) {
    const TensorInfo& t = op.program.tensor(id);
    inputs.push_back(random_tensor(t.dtype, t.shape, rng));
  }
  exe.set_inputs(inputs);
  exe.enqueue();  // warm-up
  exe.finish();
  double wall_seconds = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    exe.enqueue();
    exe.finish();
    wall_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double seconds = 0;
    for (const KernelProfile& k : exe.profile()) seconds += k.device_ms * 1e-3;
    state.SetIterationTime(seconds);
  }
  state.counters["GFLOP/s"] = benchmark::Counter(
      op.flops * static_cast<double>(state.iterations()) * 1e-9, benchmark::Counter::kIsRate);
  state.counters["kernels"] = exe.stats().kernels;
  state.counters["wall_ms"] = per_iteration_ms(wall_seconds, state);
  state.SetLabel(exe.device().name);
}

void run_clblast(benchmark::State& state, const std::string& name) {
  const OpBenchmark op = make_op_benchmark(name);
  runtime::Context context(bench_device());
  runtime::Queue queue(context);
  ClblastSgemm sgemm(context, queue, op.gemm_m, op.gemm_n, op.gemm_k);
  double wall_seconds = 0, event_seconds = 0;
  for (auto _ : state) {
    const ClblastSgemm::Times t = sgemm.run();
    state.SetIterationTime(t.wall_seconds);
    wall_seconds += t.wall_seconds;
    event_seconds += t.event_seconds;
  }
  state.counters["wall_ms"] = per_iteration_ms(wall_seconds, state);
  state.counters["last_kernel_ms"] = per_iteration_ms(event_seconds, state);
  state.counters["GFLOP/s"] = benchmark::Counter(
      op.flops * static_cast<double>(state.iterations()) * 1e-9, benchmark::Counter::kIsRate);
  state.SetLabel("CLBlast SGEMM " + std::to_string(op.gemm_m) + "x" + std::to_string(op.gemm_n) +
                 "x" + std::to_string(op.gemm_k));
}

}  // namespace
}  // namespace tartan::bench

int main(int argc, char** argv) {
  using namespace tartan::bench;
  for (const std::string& name : op_benchmark_names()) {
    benchmark::RegisterBenchmark(("tartan/" + name).c_str(), run_tartan, name)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    if (clblast_available() && make_op_benchmark(name).gemm_m > 0) {
      benchmark::RegisterBenchmark(("clblast/" + name).c_str(), run_clblast, name)
          ->UseManualTime()
          ->Unit(benchmark::kMillisecond);
    }
  }
  if (tartan::env_string("TARTAN_MICROBENCH_TUNE")) spdlog::set_level(spdlog::level::debug);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  try {
    std::cerr << "device: " << bench_device().info.id << " (" << bench_device().info.name << ")\n";
    benchmark::RunSpecifiedBenchmarks();
  } catch (const tartan::Error& e) {
    std::cerr << "tartan-microbench: " << e.what() << "\n";
    return 1;
  }
  benchmark::Shutdown();
  return 0;
}
