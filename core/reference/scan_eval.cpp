#include "reference/scan_eval.h"

#include <algorithm>

#include "tartan/reference/executor.h"

namespace tartan {

HostTensor eval_scan(const Program& program, const Scan& s,
                     const std::vector<const HostTensor*>& operands, int threads) {
  const std::size_t n_carried = s.carried.size(), n_seq = s.sequences.size();
  std::vector<HostTensor> body_inputs;
  for (const HostTensor* t : operands) body_inputs.push_back(*t);
  const TensorInfo& info = program.tensor(s.output);
  HostTensor out(info.dtype, info.shape);
  const auto result = static_cast<std::size_t>(s.result);
  for (std::int64_t step = 0; step < s.trip_count; ++step) {
    for (std::size_t j = 0; j < n_seq; ++j) {
      const HostTensor& seq = *operands[n_carried + j];
      HostTensor& slice = body_inputs[n_carried + j];
      slice = HostTensor(seq.dtype, Shape(seq.shape.begin() + 1, seq.shape.end()));
      const auto size = static_cast<std::int64_t>(slice.values.size());
      std::copy_n(seq.values.begin() + step * size, size, slice.values.begin());
    }
    std::vector<HostTensor> next = reference_run(*s.body, body_inputs, ReferenceOptions{threads});
    for (std::size_t k = 0; k < n_carried; ++k) body_inputs[k] = std::move(next[k]);
    if (s.stacked) {
      const std::vector<double>& v = body_inputs[result].values;
      std::copy(v.begin(), v.end(),
                out.values.begin() + step * static_cast<std::int64_t>(v.size()));
    }
  }
  if (!s.stacked) out.values = body_inputs[result].values;
  return out;
}

}  // namespace tartan
