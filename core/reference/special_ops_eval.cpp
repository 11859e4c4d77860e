#include "reference/special_ops_eval.h"

#include <algorithm>

namespace tartan {

HostTensor eval_reshape(const Program& program, const Reshape& r, const HostTensor& input) {
  const TensorInfo& info = program.tensor(r.output);
  return HostTensor(info.dtype, info.shape, input.values);  // row-major: the same sequence
}

HostTensor eval_gather(const Program& program, const Gather& g, const HostTensor& data,
                       const HostTensor& indices) {
  const TensorInfo& info = program.tensor(g.output);
  HostTensor out(info.dtype, info.shape);
  const std::int64_t rows = data.shape[0];
  const std::int64_t row_size = num_elements(data.shape) / rows;
  for (std::size_t k = 0; k < indices.values.size(); ++k) {
    // Clamped, as the language defines, after the int32 conversion the device's index makes.
    const std::int64_t row =
        std::clamp<std::int64_t>(to_int32_saturated(indices.values[k]), 0, rows - 1);
    std::copy_n(data.values.begin() + row * row_size, row_size,
                out.values.begin() + static_cast<std::int64_t>(k) * row_size);
  }
  return out;
}

HostTensor eval_index(const Program& program, const IndexOf& i) {
  const TensorInfo& info = program.tensor(i.output);
  HostTensor out(info.dtype, info.shape);
  const auto axis = static_cast<std::size_t>(i.axis);
  const std::int64_t stride = row_major_strides(info.shape)[axis];
  const std::int64_t size = info.shape[axis];
  for (std::size_t n = 0; n < out.values.size(); ++n) {
    out.values[n] = static_cast<double>((static_cast<std::int64_t>(n) / stride) % size);
  }
  return out;
}

}  // namespace tartan
