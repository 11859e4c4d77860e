// BatchNormalization at inference, on the channels-last physical tensor so that tartan's
// fold_batch_norm pass folds it into the preceding convolution.
#include "tartan/ops/norm.h"

#include "ops/families.h"
#include "src/registry.h"

namespace tartan::onnx {

namespace {

std::vector<Value> convert_batch_norm(NodeContext& ctx) {
  if (ctx.attr_int("training_mode", 0) != 0 || ctx.output_wanted(1) || ctx.output_wanted(2)) {
    ctx.unsupported("training mode (running statistics as outputs)",
                    "BatchNormalization at inference: one output, training_mode 0");
  }
  const int rank = ctx.value(0).rank();
  if (rank < 2) ctx.invalid("the input needs a channel axis");
  const Perm perm = channels_last_perm(rank);
  const Tensor x = ctx.tensor_in_layout(0, perm);
  const double eps = ctx.attr_float("epsilon", 1e-5f);
  const Tensor y =
      ops::batch_norm(x, ctx.tensor(3), ctx.tensor(4), ctx.tensor(1), ctx.tensor(2), eps);
  return {Value::device(y, perm, ctx.value(0).elem_type())};
}

}  // namespace

void register_norm_ops(Registry& r) {
  r.add("BatchNormalization", 7, kMaxOpset, convert_batch_norm);
}

}  // namespace tartan::onnx
