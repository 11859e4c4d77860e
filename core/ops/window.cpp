#include "tartan/ops/window.h"

#include <algorithm>
#include <string>

#include "ops/op_util.h"
#include "tartan/support/error.h"

namespace tartan::ops {

AxisWindow axis_window(const char* op, const char* axis, std::int64_t in, std::int64_t kernel,
                       std::int64_t stride, std::int64_t dilation, const Padding& padding,
                       bool vertical) {
  detail::require_positive(op, "the kernel size", kernel);
  detail::require_positive(op, "the stride", stride);
  detail::require_positive(op, "the dilation", dilation);
  const std::int64_t extent = (kernel - 1) * dilation + 1;  // the dilated kernel's span
  std::int64_t before = 0, after = 0;
  switch (padding.kind) {
    case Padding::Kind::kValid:
      break;
    case Padding::Kind::kSame: {
      // TensorFlow's rule: out = ceil(in / stride), the odd padding element goes after.
      const std::int64_t out = (in + stride - 1) / stride;
      const std::int64_t total = std::max<std::int64_t>((out - 1) * stride + extent - in, 0);
      return {out, total / 2};
    }
    case Padding::Kind::kExplicit:
      before = vertical ? padding.top : padding.left;
      after = vertical ? padding.bottom : padding.right;
      detail::require_non_negative(op, "the padding", before);
      detail::require_non_negative(op, "the padding", after);
      break;
  }
  const std::int64_t padded = in + before + after;
  if (padded < extent) {
    throw Error(std::string(op) + ": the window spans " + std::to_string(extent) + " " + axis +
                    " (kernel " + std::to_string(kernel) + ", dilation " +
                    std::to_string(dilation) + ") but the padded input has only " +
                    std::to_string(padded),
                "use a smaller kernel or dilation, more padding, or `same` padding");
  }
  return {(padded - extent) / stride + 1, before};
}

}  // namespace tartan::ops
