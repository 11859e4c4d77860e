#include "passes/uses.h"

namespace tartan {

Uses find_uses(const Program& program) {
  Uses uses;
  uses.readers.resize(program.tensors().size());
  uses.is_output.resize(program.tensors().size(), false);
  for (std::size_t i = 0; i < program.ops().size(); ++i) {
    for (TensorId t : op_inputs(program.ops()[i])) {
      auto& r = uses.readers[static_cast<std::size_t>(t)];
      if (r.empty() || r.back() != i) r.push_back(i);  // an op reading t twice counts once
    }
  }
  for (TensorId t : program.outputs()) uses.is_output[static_cast<std::size_t>(t)] = true;
  return uses;
}

}  // namespace tartan
