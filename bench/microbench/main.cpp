// tartan-microbench: GFLOP/s of generated kernels for plaidbench's op set, SGEMM and the
// MobileNet-style convolutions, with CLBlast's SGEMM on the same device as the peer.
//
//   TARTAN_DEVICE=<id> tartan-microbench [--benchmark_filter=...]   (default device otherwise)
//   TARTAN_MICROBENCH_TUNE=1 ...: plans measured by the tuner (--tune) instead of the cost model
//
// Times are device times from profiling events (UseManualTime), so host overhead is excluded
// for tartan and CLBlast alike.
#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>

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
  for (auto _ : state) {
    exe.enqueue();
    exe.finish();
    double seconds = 0;
    for (const KernelProfile& k : exe.profile()) seconds += k.device_ms * 1e-3;
    state.SetIterationTime(seconds);
  }
  state.counters["GFLOP/s"] = benchmark::Counter(
      op.flops * static_cast<double>(state.iterations()) * 1e-9, benchmark::Counter::kIsRate);
  state.counters["kernels"] = exe.stats().kernels;
  state.SetLabel(exe.device().name);
}

void run_clblast(benchmark::State& state, const std::string& name) {
  const OpBenchmark op = make_op_benchmark(name);
  runtime::Context context(bench_device());
  runtime::Queue queue(context);
  ClblastSgemm sgemm(context, queue, op.gemm_m, op.gemm_n, op.gemm_k);
  for (auto _ : state) state.SetIterationTime(sgemm.run_seconds());
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
