#include "codegen/softmax_kernel.h"

#include <limits>

#include "codegen/aggregation.h"
#include "codegen/elementwise_expr.h"
#include "codegen/work_item.h"
#include "tartan/support/error.h"

namespace tartan {

SoftmaxKernel lower_softmax(const Program& program, const KernelGroup& group,
                            const kir::Type& index_type,
                            const std::function<std::string(TensorId)>& arg) {
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
  const kir::Type t = kir::compute_type(f);
  const kir::Expr gid = kir::var("gid"), row = kir::var("row"), j = kir::var("j");
  const kir::Expr vm = kir::var("vm"), vs = kir::var("vs");
  const kir::Expr at = kir::binary("+", row, j);
  const kir::Expr xs = kir::var(arg(x)), ys = kir::var(arg(y));
  const auto row_loop = [&](std::vector<kir::Stmt> body) {
    return kir::for_loop(index_type, "j", kir::imm(0), kir::imm(n), kir::block(std::move(body)));
  };
  const kir::Expr vx = kir::var("vx"), vd = kir::var("vd"), ve = kir::var("ve");
  kir::Stmt body = kir::block({
      one_item_each(rows),
      kir::let(index_type, "row", kir::binary("*", kir::cast(index_type, gid), kir::imm(n))),
      kir::let_mut(t, "vm", kir::literal(f, -std::numeric_limits<double>::infinity())),
      row_loop({kir::let(t, "vx", kir::load(f, xs, at)), fold(AggOp::kMax, vm, vx)}),
      kir::let_mut(t, "vs", kir::literal(f, 0)),
      row_loop({kir::let(t, "vd", elementwise(sub.op, f, {kir::load(f, xs, at), vm}, {f, f})),
                kir::let(t, "ve", elementwise(exp.op, f, {vd}, {f})), kir::store(f, ys, at, ve),
                kir::assign(vs, "+=", ve)}),
      row_loop({kir::store(f, ys, at, elementwise(div.op, f, {kir::load(f, ys, at), vs}, {f, f}))}),
  });
  return {std::move(body), rows};
}

}  // namespace tartan
