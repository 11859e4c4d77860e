// Kernels of a scan's body: built once, launched once per step. The step index reaches them as
// their last argument (`const int tt_step`), so one kernel serves every step. A tensor that
// moves by a fixed number of elements each step (a sequence's step slice, the step's slice of a
// stacked output) is passed as its whole buffer and reached through the base pointer advanced
// by step * stride at the top of the kernel; the rest of the kernel is unchanged.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tartan/ir/ops.h"

namespace tartan {

struct StepStrides {
  std::map<TensorId, std::int64_t> elements;  // per tensor: elements it moves per step
  bool empty() const { return elements.empty(); }
};

// Whether a kernel with buffer arguments `args` takes the step argument.
bool takes_step(const std::vector<TensorId>& args, const StepStrides& steps);
// The extra parameter, to append to the parameter list: ", const int tt_step" or "".
std::string step_parameter(const std::vector<TensorId>& args, const StepStrides& steps);
// The lines that advance the stepped arguments (named names[i] for args[i]), or "".
std::string step_prologue(const std::vector<TensorId>& args,
                          const std::map<TensorId, std::string>& names, const StepStrides& steps);

}  // namespace tartan
