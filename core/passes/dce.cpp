#include "tartan/passes/dce.h"

namespace tartan {

void dce(Program* program) {
  std::vector<bool> live(program->tensors().size(), false);
  for (TensorId t : program->outputs()) live[static_cast<std::size_t>(t)] = true;
  const std::vector<Op>& ops = program->ops();
  std::vector<bool> keep(ops.size(), false);
  for (std::size_t i = ops.size(); i-- > 0;) {
    if (!live[static_cast<std::size_t>(op_output(ops[i]))]) continue;
    keep[i] = true;
    for (TensorId in : op_inputs(ops[i])) live[static_cast<std::size_t>(in)] = true;
  }
  std::vector<Op> kept;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (keep[i]) kept.push_back(ops[i]);
  }
  program->set_ops(std::move(kept));
}

}  // namespace tartan
