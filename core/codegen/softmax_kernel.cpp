#include "codegen/softmax_kernel.h"

#include "codegen/elementwise_expr.h"
#include "codegen/opencl_dialect.h"
#include "tartan/support/error.h"

namespace tartan {

std::int64_t write_softmax(
    const Program& program, const KernelGroup& group, const std::string& index_type,
    CodeWriter& body, const std::function<std::string(TensorId)>& arg,
    const std::function<std::string(const std::string&, const std::string&)>& fold_max) {
  TARTAN_CHECK(group.softmax && group.ops.size() == 5, "a softmax kernel needs its five ops");
  const auto& ops = program.ops();
  const auto& max = std::get<Contraction>(ops[group.ops[0]]);
  const auto& sub = std::get<Elementwise>(ops[group.ops[1]]);
  const auto& exp = std::get<Elementwise>(ops[group.ops[2]]);
  const auto& div = std::get<Elementwise>(ops[group.ops[4]]);
  const TensorId x = max.inputs[0].tensor, y = div.output;
  const Shape& shape = program.tensor(x).shape;
  const std::int64_t n = shape.back();
  const std::int64_t rows = num_elements(shape) / n;
  const DType f = DType::kFloat32;
  const std::string t(opencl::compute_type(f));
  const std::string loop = "for (" + index_type + " j = 0; j < " + std::to_string(n) + "; ++j)";
  const std::string at = "row + j";
  body.line("const size_t gid = get_global_id(0);");
  body.line("if (gid >= " + std::to_string(rows) + ") return;");
  body.line("const " + index_type + " row = (" + index_type + ")gid * " + std::to_string(n) + ";");
  body.line(t + " vm = (-INFINITY);");
  body.open(loop);
  body.line("const " + t + " vx = " + opencl::load(f, arg(x), at) + ";");
  body.line(fold_max("vm", "vx"));
  body.close();
  body.line(t + " vs = 0.0f;");
  body.open(loop);
  body.line("const " + t + " vd = " +
            elementwise_expr(sub.op, f, {opencl::load(f, arg(x), at), "vm"}, {f, f}) + ";");
  body.line("const " + t + " ve = " + elementwise_expr(exp.op, f, {"vd"}, {f}) + ";");
  body.line(opencl::store(f, arg(y), at, "ve"));
  body.line("vs += ve;");
  body.close();
  body.open(loop);
  body.line(opencl::store(
      f, arg(y), at, elementwise_expr(div.op, f, {opencl::load(f, arg(y), at), "vs"}, {f, f})));
  body.close();
  return rows;
}

}  // namespace tartan
