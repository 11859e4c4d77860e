#include "tartan/codegen/step_args.h"

namespace tartan {

bool takes_step(const std::vector<TensorId>& args, const StepStrides& steps) {
  for (TensorId t : args) {
    if (steps.elements.count(t)) return true;
  }
  return false;
}

std::string step_parameter(const std::vector<TensorId>& args, const StepStrides& steps) {
  return takes_step(args, steps) ? ", const int tt_step" : "";
}

std::string step_prologue(const std::vector<TensorId>& args,
                          const std::map<TensorId, std::string>& names, const StepStrides& steps) {
  std::string lines;
  for (TensorId t : args) {
    const auto it = steps.elements.find(t);
    if (it == steps.elements.end()) continue;
    // size_t arithmetic: step * stride may pass INT_MAX for long sequences of large slices.
    lines += "  " + names.at(t) + " += (size_t)tt_step * " + std::to_string(it->second) + ";\n";
  }
  return lines;
}

}  // namespace tartan
