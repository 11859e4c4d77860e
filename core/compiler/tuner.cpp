#include "compiler/tuner.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>
#include <random>
#include <set>

#include "codegen/opencl_dialect.h"
#include "tartan/codegen/kernel_writer.h"
#include "tartan/reference/host_tensor.h"

namespace tartan {

namespace {

constexpr int kTimedRuns = 3;

// Random contents for a kernel input: small integers for int32 (they may be gather indices or
// counts), 0/1 for bool, uniform [-1, 1] for floats.
void fill_random(Executable::State& s, TensorId id, std::mt19937_64& rng) {
  const TensorInfo& t = s.lowered.program.tensor(id);
  std::vector<double> values(static_cast<std::size_t>(num_elements(t.shape)));
  std::uniform_real_distribution<double> real(-1.0, 1.0);
  std::uniform_int_distribution<int> small(0, 2);
  for (double& v : values) {
    v = t.dtype == DType::kBool    ? small(rng) % 2
        : t.dtype == DType::kInt32 ? small(rng)
                                   : real(rng);
  }
  s.write_tensor(id, values);
}

runtime::Event launch(Executable::State& s, runtime::Kernel& kernel, const KernelSource& k) {
  std::array<std::size_t, 3> local = k.local_size;
  while (local[0] > kernel.max_work_group_size() && local[0] > 1) local[0] /= 2;
  return kernel.launch(s.queue, std::span<const std::size_t>(k.global_size.data(), 1),
                       std::span<const std::size_t>(local.data(), 1));
}

}  // namespace

TuningRecord tune_kernel(Executable::State& s, const KernelGroup& group,
                         const std::vector<KernelPlan>& candidates,
                         const std::string& build_options) {
  // One program holds every candidate, so the driver compiles once.
  std::vector<KernelSource> sources;
  std::string program = std::string(opencl::prelude());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    KernelSource k = write_kernel(s.lowered, group, candidates[i]);
    k.name = "tt_tune_" + std::to_string(i);
    std::string code = k.code;
    code.replace(code.find(KernelSource::kNamePlaceholder),
                 std::string_view(KernelSource::kNamePlaceholder).size(), k.name);
    program += "\n" + k.comment + code;
    sources.push_back(std::move(k));
  }
  const runtime::Program built =
      runtime::Program::from_source(s.context, program, build_options, "tartan_tuning");

  std::mt19937_64 rng(0x7a7a);  // fixed: every candidate sees the same inputs
  std::set<TensorId> inputs;
  for (const KernelSource& k : sources) inputs.insert(k.args.begin() + 1, k.args.end());
  for (TensorId id : inputs) {
    const BufferSlot::Kind kind =
        s.lowered.memory.slots[static_cast<std::size_t>(s.storage_of(id))].kind;
    if (kind != BufferSlot::Kind::kConstant) fill_random(s, id, rng);
  }
  const TensorId out = group.output;

  TuningRecord best;
  best.time_ms = std::numeric_limits<double>::infinity();
  HostTensor want;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const KernelSource& k = sources[i];
    runtime::Kernel kernel(built, k.name);
    if (k.exact_local_size && k.local_size[0] > kernel.max_work_group_size()) {
      spdlog::debug("tuning: plan '{}' needs larger work-groups than the kernel allows; skipped",
                    candidates[i].describe());
      continue;
    }
    s.bind_args(kernel, k);
    s.poison(out);  // NaN: an element the candidate misses cannot pass
    launch(s, kernel, k).wait();
    HostTensor got = s.read_tensor(out);
    if (i == 0) {
      want = std::move(got);
    } else if (const double err = relative_error(got, want); !(err <= 1e-4)) {
      spdlog::warn(
          "tuning: plan '{}' of kernel `{}` gives other results (relative error {}); "
          "skipped",
          candidates[i].describe(), k.statement, err);
      continue;
    }
    double ms = std::numeric_limits<double>::infinity();
    for (int r = 0; r < kTimedRuns; ++r) {
      ms = std::min(ms, static_cast<double>(launch(s, kernel, k).duration_ns()) * 1e-6);
    }
    spdlog::debug("tuning `{}`: {:.4f} ms with {}", k.statement, ms, candidates[i].describe());
    if (i == 0) best.plain_time_ms = ms;
    if (ms < best.time_ms) {
      best.time_ms = ms;
      best.plan = candidates[i];
    }
  }
  best.device = s.device.info.name + " (driver " + s.device.info.driver_version + ")";
  return best;
}

}  // namespace tartan
