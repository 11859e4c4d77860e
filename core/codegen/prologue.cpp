#include "codegen/prologue.h"

#include <map>

#include "codegen/c_expr.h"
#include "codegen/elementwise_expr.h"

namespace tartan {

TensorId prologue_operand(const Program& program, const KernelGroup& group) {
  if (group.prologue.empty()) return -1;
  return op_output(program.ops()[group.prologue.back()]);
}

kir::Stmt lower_prologue(const Program& program, const KernelGroup& group,
                         const std::vector<kir::Expr>& terms, const kir::Expr& guard,
                         const std::string& name, const std::function<std::string(TensorId)>& arg) {
  const TensorInfo& operand = program.tensor(prologue_operand(program, group));
  std::vector<kir::Stmt> body;
  // Values by tensor: the ops' results, and each tensor read from memory, loaded once (the
  // operand-shaped one at `terms`, the others broadcast into it, NumPy-style).
  std::map<TensorId, kir::Expr> values;
  const auto value = [&](TensorId t) {
    if (auto it = values.find(t); it != values.end()) return it->second;
    const TensorInfo& info = program.tensor(t);
    if (info.kind == TensorKind::kLiteral) return kir::literal(info.dtype, info.data->at(0));
    const std::size_t skip = operand.shape.size() - info.shape.size();
    std::vector<kir::Expr> at;
    for (std::size_t d = 0; d < info.shape.size(); ++d) {
      at.push_back(info.shape[d] == 1 ? kir::imm(0) : terms[d + skip]);
    }
    const std::string v = name + "_" + std::to_string(values.size());
    body.push_back(kir::let(kir::compute_type(info.dtype), v,
                            kir::load(info.dtype, kir::var(arg(t)),
                                      cexpr::flat_offset(at, row_major_strides(info.shape)))));
    return values[t] = kir::var(v);
  };
  for (std::size_t index : group.prologue) {
    const auto& e = std::get<Elementwise>(program.ops()[index]);
    std::vector<kir::Expr> args;
    std::vector<DType> types;
    for (TensorId in : e.inputs) {
      args.push_back(value(in));
      types.push_back(program.tensor(in).dtype);
    }
    const TensorInfo& out = program.tensor(e.output);
    const std::string v = name + "_" + std::to_string(values.size());
    body.push_back(
        kir::let(kir::compute_type(out.dtype), v, elementwise(e.op, out.dtype, args, types)));
    values[e.output] = kir::var(v);
  }
  body.push_back(kir::assign(kir::var(name), "=", values.at(prologue_operand(program, group))));
  kir::Stmt computed = kir::block(std::move(body));
  return kir::block(
      {kir::let_mut(kir::compute_type(operand.dtype), name, kir::literal(operand.dtype, 0)),
       guard ? kir::if_then(guard, computed) : kir::scope(computed)});
}

}  // namespace tartan
