#include "codegen/prologue.h"

#include <map>

#include "codegen/c_expr.h"
#include "codegen/elementwise_expr.h"
#include "codegen/opencl_dialect.h"

namespace tartan {

TensorId prologue_operand(const Program& program, const KernelGroup& group) {
  if (group.prologue.empty()) return -1;
  return op_output(program.ops()[group.prologue.back()]);
}

void write_prologue(const Program& program, const KernelGroup& group,
                    const std::vector<std::string>& terms, const std::string& guard,
                    const std::string& name, CodeWriter& body,
                    const std::function<std::string(TensorId)>& arg) {
  const TensorInfo& operand = program.tensor(prologue_operand(program, group));
  body.line(std::string(opencl::compute_type(operand.dtype)) + " " + name + " = " +
            opencl::literal(operand.dtype, 0) + ";");
  body.open(guard.empty() ? "" : "if (" + guard + ")");
  // Values by tensor: the ops' results, and each tensor read from memory, loaded once (the
  // operand-shaped one at `terms`, the others broadcast into it, NumPy-style).
  std::map<TensorId, std::string> values;
  const auto value = [&](TensorId t) {
    if (auto it = values.find(t); it != values.end()) return it->second;
    const TensorInfo& info = program.tensor(t);
    if (info.kind == TensorKind::kLiteral) return opencl::literal(info.dtype, info.data->at(0));
    const std::size_t skip = operand.shape.size() - info.shape.size();
    std::vector<std::string> at;
    for (std::size_t d = 0; d < info.shape.size(); ++d) {
      at.push_back(info.shape[d] == 1 ? "0" : terms[d + skip]);
    }
    const std::string v = name + "_" + std::to_string(values.size());
    body.line(
        "const " + std::string(opencl::compute_type(info.dtype)) + " " + v + " = " +
        opencl::load(info.dtype, arg(t), cexpr::flat_offset(at, row_major_strides(info.shape))) +
        ";");
    return values[t] = v;
  };
  for (std::size_t index : group.prologue) {
    const auto& e = std::get<Elementwise>(program.ops()[index]);
    std::vector<std::string> args;
    std::vector<DType> types;
    for (TensorId in : e.inputs) {
      args.push_back(value(in));
      types.push_back(program.tensor(in).dtype);
    }
    const TensorInfo& out = program.tensor(e.output);
    const std::string v = name + "_" + std::to_string(values.size());
    body.line("const " + std::string(opencl::compute_type(out.dtype)) + " " + v + " = " +
              elementwise_expr(e.op, out.dtype, args, types) + ";");
    values[e.output] = v;
  }
  body.line(name + " = " + values.at(prologue_operand(program, group)) + ";");
  body.close();
}

}  // namespace tartan
