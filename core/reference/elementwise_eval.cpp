#include "reference/elementwise_eval.h"

#include <array>

#include "reference/ew_math.h"
#include "reference/parallel.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

constexpr std::int64_t kMinParallelElements = 1 << 16;

// Strides of `in` seen through the output's shape: 0 along broadcast dimensions.
std::vector<std::int64_t> broadcast_strides(const Shape& in, const Shape& out) {
  const std::vector<std::int64_t> own = row_major_strides(in);
  std::vector<std::int64_t> strides(out.size(), 0);
  const std::size_t skip = out.size() - in.size();
  for (std::size_t d = 0; d < in.size(); ++d) {
    if (in[d] != 1) strides[skip + d] = own[d];
  }
  return strides;
}

}  // namespace

HostTensor eval_elementwise(const Program& program, const Elementwise& e,
                            const std::vector<const HostTensor*>& inputs, int threads) {
  const TensorInfo& info = program.tensor(e.output);
  TARTAN_CHECK(!inputs.empty() && inputs.size() <= 3, "elementwise operand count");
  HostTensor out(info.dtype, info.shape);
  const Shape& shape = out.shape;
  const std::size_t rank = shape.size();

  std::array<const double*, 3> data{};
  std::array<std::vector<std::int64_t>, 3> strides;
  for (std::size_t i = 0; i < 3; ++i) {
    const HostTensor* t = inputs[i < inputs.size() ? i : 0];  // unused slots alias input 0
    TARTAN_CHECK(t->shape.size() <= rank, "elementwise input rank above the output's");
    data[i] = t->values.data();
    strides[i] = broadcast_strides(t->shape, shape);
  }

  const auto run = [&](std::int64_t begin, std::int64_t end) {
    // Start the odometer at `begin`, then step it one element at a time.
    std::vector<std::int64_t> idx(rank);
    std::array<std::int64_t, 3> off{};
    std::int64_t rest = begin;
    for (std::size_t d = rank; d-- > 0;) {
      idx[d] = rest % shape[d];
      rest /= shape[d];
      for (std::size_t i = 0; i < 3; ++i) off[i] += idx[d] * strides[i][d];
    }
    for (std::int64_t n = begin; n < end; ++n) {
      out.values[static_cast<std::size_t>(n)] =
          ew_apply(e.op, info.dtype, data[0][off[0]], data[1][off[1]], data[2][off[2]]);
      for (std::size_t d = rank; d-- > 0;) {
        for (std::size_t i = 0; i < 3; ++i) off[i] += strides[i][d];
        if (++idx[d] < shape[d]) break;
        for (std::size_t i = 0; i < 3; ++i) off[i] -= shape[d] * strides[i][d];
        idx[d] = 0;
      }
    }
  };
  parallel_for(static_cast<std::int64_t>(out.values.size()), threads, kMinParallelElements, run);
  return out;
}

}  // namespace tartan
