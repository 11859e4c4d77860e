#include "common/generated_kernels.h"

#include <map>
#include <set>

#include "compiler/compile_loop.h"
#include "tartan/codegen/kernel_writer.h"
#include "tartan/passes/pipeline.h"
#include "tartan/schedule/cost_model.h"
#include "tartan/schedule/device_profile.h"
#include "tartan/support/error.h"

namespace tartan::testing {

namespace {

runtime::DeviceInfo device_like(const std::string& profile) {
  runtime::DeviceInfo d;
  if (profile == "pocl_cpu") {
    d.type = runtime::DeviceType::kCpu;
    d.compute_units = 16;
    d.local_mem_bytes = 256 * 1024;
    d.max_work_group_size = 4096;
    d.preferred_vector_width_float = 16;
    d.fp16 = true;
  } else if (profile == "nvidia_gpu") {
    d.type = runtime::DeviceType::kGpu;
    d.compute_units = 132;
    d.local_mem_bytes = 48 * 1024;
    d.max_work_group_size = 1024;
    d.preferred_vector_width_float = 1;
    d.fp16 = true;
  } else {
    throw Error("no fixed device for the profile '" + profile + "'",
                "use pocl_cpu or nvidia_gpu (tests/common/generated_kernels.cpp)");
  }
  return d;
}

PipelineOptions pipeline_for(const TargetInfo& target) {
  const Tuning& t = target.tuning;
  PipelineOptions o;
  o.winograd = {t.winograd, t.winograd_min_channels, t.winograd_min_tiles,
                t.winograd_flops_per_byte};
  o.fuse_softmax = t.fuse_softmax;
  return o;
}

// Collects kernels, keeping the first of each distinct code.
class Collector {
 public:
  void add(KernelSource k) {
    if (seen_.insert(k.code).second) kernels_.push_back(std::move(k));
  }
  std::vector<KernelSource> take() { return std::move(kernels_); }

 private:
  std::set<std::string> seen_;
  std::vector<KernelSource> kernels_;
};

void write_all(const LoweredProgram& lowered, const TargetInfo& target, const StepStrides& steps,
               bool in_body, bool candidates, Collector* out) {
  for (const KernelGroup& group : lowered.kernels) {
    const Op& root = lowered.program.ops()[group.ops.front()];
    if (const auto* scan = std::get_if<Scan>(&root)) {
      const LoweredProgram& body = *lowered.bodies.at(group.output);
      write_all(body, target, step_strides(*scan, body), true, candidates, out);
      continue;
    }
    std::vector<KernelPlan> plans{choose_plan(lowered, group, target)};
    if (candidates) {
      for (const KernelPlan& p : candidate_plans(lowered, group, target)) plans.push_back(p);
    }
    for (const KernelPlan& p : plans) {
      out->add(write_kernel(lowered, group, in_body ? body_plan(p) : p, steps));
    }
  }
}

}  // namespace

TargetInfo profile_target(const std::string& profile) {
  const runtime::DeviceInfo device = device_like(profile);
  const ProfileSet set = load_profiles();
  for (const DeviceProfile& p : set.profiles) {
    if (p.name == profile) return target_info(device, p.tuning);
  }
  throw Error("no device profile '" + profile + "' in " + set.dir.string(),
              "name one of configs/devices/*.yaml");
}

std::vector<KernelSource> generate_kernels(const Program& program, const TargetInfo& target,
                                           bool candidates) {
  const LoweredProgram lowered = run_pipeline(program, pipeline_for(target));
  Collector out;
  write_all(lowered, target, {}, false, candidates, &out);
  return out.take();
}

std::string kernel_text(const KernelSource& k) {
  const auto size = [](const std::array<std::size_t, 3>& s) {
    return std::to_string(s[0]) + "x" + std::to_string(s[1]) + "x" + std::to_string(s[2]);
  };
  return k.comment + "// launch: global " + size(k.global_size) + ", local " + size(k.local_size) +
         (k.exact_local_size ? " (exact)" : "") + ", " +
         std::to_string(static_cast<long long>(k.flops)) + " flops, " +
         std::to_string(static_cast<long long>(k.bytes)) + " bytes\n" + k.code;
}

}  // namespace tartan::testing
