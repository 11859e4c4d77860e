#include "compiler/compile_config.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>

#include "tartan/schedule/cost_model.h"
#include "tartan/support/env.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

// One of `values` from the environment variable `name`, else nullopt when unset.
std::optional<std::string> choice_from_environment(const char* name,
                                                   std::initializer_list<std::string_view> values,
                                                   const std::string& hint) {
  const std::optional<std::string> v = env_string(name);
  if (!v) return std::nullopt;
  for (std::string_view ok : values) {
    if (*v == ok) return v;
  }
  throw Error(std::string(name) + " is '" + *v + "'", hint);
}

// A count from the environment variable `name` (at least `min`), else `fallback`.
int count_from_environment(const char* name, int fallback, int min) {
  const std::optional<std::string> v = env_string(name);
  if (!v) return fallback;
  std::size_t used = 0;
  int n = 0;
  try {
    n = std::stoi(*v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != v->size() || n < min) {
    throw Error(std::string(name) + " is '" + *v + "'",
                "set it to a number of at least " + std::to_string(min) + ", or unset it");
  }
  return n;
}

// The profile's Winograd rule where the caller did not switch it on (a caller that did chose its
// thresholds); TARTAN_WINOGRAD=0 or 1 switches it off or on, keeping the thresholds.
WinogradOptions winograd_options(const PipelineOptions& caller, const PassTuning& t) {
  if (caller.winograd.enabled) return caller.winograd;
  WinogradOptions o{t.winograd, t.winograd_min_channels, t.winograd_min_tiles,
                    t.winograd_flops_per_byte};
  if (const auto v = choice_from_environment("TARTAN_WINOGRAD", {"0", "1"},
                                             "set it to 1 (Winograd convolutions on) or 0 (off), "
                                             "or unset it to follow the device profile")) {
    o.enabled = *v == "1";
  }
  return o;
}

PipelineOptions pipeline_options(const CompileOptions& options, const runtime::DeviceInfo& device,
                                 const PassTuning& tuning) {
  PipelineOptions p = options.pipeline;
  p.winograd = winograd_options(options.pipeline, tuning);
  p.fuse_softmax = p.fuse_softmax || tuning.fuse_softmax;
  p.arena_alignment = std::max<std::size_t>(p.arena_alignment, device.base_addr_align_bytes);
  p.check_each_pass = p.check_each_pass || env_flag("TARTAN_CHECK_PASSES");
  return p;
}

void resolve_build(const CompileOptions& options, const BuildTuning& tuning, CompileConfig* c) {
  c->build_options = options.extra_build_options;
  if (const std::optional<std::string> extra = env_string("TARTAN_BUILD_OPTIONS")) {
    c->build_options += (c->build_options.empty() ? "" : " ") + *extra;
  }
  using Programs = CompileOptions::Programs;
  Programs programs = options.programs;
  if (programs == Programs::kAuto) {
    if (const auto v = choice_from_environment("TARTAN_PROGRAMS", {"one", "per-kernel"},
                                               "set it to 'one' or 'per-kernel', or unset it")) {
      programs = *v == "one" ? Programs::kOne : Programs::kPerKernel;
    }
  }
  c->program_per_kernel =
      programs == Programs::kAuto ? !tuning.one_program : programs == Programs::kPerKernel;
  c->build_threads = options.build_threads > 0
                         ? options.build_threads
                         : count_from_environment("TARTAN_BUILD_THREADS", tuning.build_threads, 1);
  // With NVIDIA's compute cache off (CUDA_CACHE_DISABLE), this process's load of each
  // worker-built binary compiles it again (b64 7.7 s in-process, 9.1 s with 4 workers;
  // results/perf-notes.md S5-compile): no workers by default there.
  const int profile_processes = env_flag("CUDA_CACHE_DISABLE") ? 0 : tuning.build_processes;
  c->build_processes = options.build_processes >= 0
                           ? options.build_processes
                           : count_from_environment("TARTAN_BUILD_PROCESSES", profile_processes, 0);
  if (const auto v = choice_from_environment(
          "TARTAN_WORKER_SPAWN", {"early", "late"},
          "set it to 'early' or 'late', or unset it (early when the kernel cache looks cold)")) {
    c->worker_spawn =
        *v == "early" ? CompileConfig::WorkerSpawn::kEarly : CompileConfig::WorkerSpawn::kLate;
  }
  c->split_by_estimate = choice_from_environment("TARTAN_BUILD_SPLIT", {"estimate", "length"},
                                                 "set it to 'estimate' or 'length', or unset it "
                                                 "(estimate)")
                             .value_or("estimate") == "estimate";
  c->dump_kernels_dir = options.dump_kernels_dir.empty()
                            ? env_string("TARTAN_DUMP_KERNELS").value_or("")
                            : options.dump_kernels_dir;
}

const char* spawn_name(CompileConfig::WorkerSpawn s) {
  switch (s) {
    case CompileConfig::WorkerSpawn::kEarly:
      return "early";
    case CompileConfig::WorkerSpawn::kLate:
      return "late";
    case CompileConfig::WorkerSpawn::kAuto:
      break;
  }
  return "early if the kernel cache looks cold";
}

}  // namespace

std::vector<std::string> CompileConfig::describe() const {
  const Tuning& t = target.tuning;
  return {"device profile: " + profile,
          "passes: " + describe_fields<PassTuning>(t, kPassTuningFields),
          "schedule: " + describe_fields<ScheduleTuning>(t, kScheduleTuningFields),
          std::string("build: ") + (program_per_kernel ? "a program per kernel" : "one program") +
              ", " +
              (build_threads == 0 ? std::string("a build thread per hardware thread")
                                  : std::to_string(build_threads) + " build threads") +
              ", " + std::to_string(build_processes) + " worker processes started " +
              spawn_name(worker_spawn) + ", builds shared by " +
              (split_by_estimate ? "estimated seconds" : "source length") + ", options '" +
              build_options + "'" +
              (dump_kernels_dir.empty() ? "" : ", kernels dumped to " + dump_kernels_dir)};
}

double CompileConfig::build_seconds(std::string_view program) const {
  const BuildTuning& t = target.tuning;
  return t.build_seconds_per_program +
         static_cast<double>(program.size()) * t.build_seconds_per_byte;
}

CompileConfig resolve_compile_config(const CompileOptions& options,
                                     const runtime::DeviceInfo& device) {
  CompileConfig c;
  c.target = target_info_with_profile(device, &c.profile);
  c.pipeline = pipeline_options(options, device, c.target.tuning);
  resolve_build(options, c.target.tuning, &c);
  for (const std::string& line : c.describe()) spdlog::debug("compile settings: {}", line);
  return c;
}

}  // namespace tartan
