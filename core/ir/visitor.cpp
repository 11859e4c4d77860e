#include "tartan/ir/visitor.h"

namespace tartan {

void OpVisitor::visit_all(const Program& program) {
  for (const Op& op : program.ops()) visit(op);
}

void OpVisitor::visit(const Op& op) {
  std::visit([this](const auto& o) { visit(o); }, op);
}

void ProgramMutator::run(Program* program) {
  program_ = program;
  std::vector<Op> rewritten;
  for (const Op& op : program->ops()) {
    std::vector<Op> replacement = std::visit([this](const auto& o) { return mutate(o); }, op);
    for (Op& r : replacement) rewritten.push_back(std::move(r));
  }
  program->set_ops(std::move(rewritten));
  program_ = nullptr;
}

}  // namespace tartan
