// The kernels compile() generates for a device profile, produced without a device: the same
// pipeline options (the profile's Winograd rule and softmax fusion), the cost model's plans and
// the kernel writer, scan bodies included. The kernel goldens (tests/codegen) and the network
// dump tool (tests/tools/dump_kernels.cpp) compare generated code through it, so a change in
// code generation shows as a difference in text.
#pragma once

#include <string>
#include <vector>

#include "tartan/codegen/kernel_source.h"
#include "tartan/ir/program.h"
#include "tartan/schedule/plan.h"

namespace tartan::testing {

// The cost model's view of a fixed device with the tuning of profile `profile`
// (configs/devices/<profile>.yaml): "pocl_cpu" (a 16-core AVX-512 CPU through PoCL) or
// "nvidia_gpu" (an H100). Fixed properties, so the kernels do not depend on the machine.
TargetInfo profile_target(const std::string& profile);

// Every kernel of `program` as compiled for `target`, deduplicated by code, in order of first
// use. With `candidates`, also every distinct kernel of the tuner's candidate plans (its whole
// search space) after the chosen ones.
std::vector<KernelSource> generate_kernels(const Program& program, const TargetInfo& target,
                                           bool candidates = false);

// One kernel as text: its comment, its launch (global and local size, FLOPs and bytes), its
// code. Everything code generation decides, so equal text means equal kernels.
std::string kernel_text(const KernelSource& k);

}  // namespace tartan::testing
