#include "tartan/reference/host_tensor.h"

#include <cmath>
#include <limits>

#include "tartan/support/error.h"
#include "tartan/support/half.h"

namespace tartan {

HostTensor random_tensor(DType dtype, const Shape& shape, std::mt19937_64& rng, double lo,
                         double hi) {
  HostTensor t(dtype, shape);
  switch (dtype) {
    case DType::kBool: {
      std::bernoulli_distribution coin(0.5);
      for (double& v : t.values) v = coin(rng) ? 1.0 : 0.0;
      break;
    }
    case DType::kInt32: {
      const auto first = static_cast<std::int64_t>(std::ceil(lo));
      const auto last = static_cast<std::int64_t>(std::ceil(hi)) - 1;
      TARTAN_CHECK(first <= last, "random_tensor: no integer in [lo, hi)");
      std::uniform_int_distribution<std::int64_t> dist(first, last);
      for (double& v : t.values) v = static_cast<double>(dist(rng));
      break;
    }
    case DType::kFloat16:
    case DType::kFloat32: {
      TARTAN_CHECK(lo < hi, "random_tensor: empty range");
      std::uniform_real_distribution<double> dist(lo, hi);
      // Values a device can hold exactly, so a device and the reference see the same inputs.
      for (double& v : t.values) {
        const auto f = static_cast<float>(dist(rng));
        v = dtype == DType::kFloat16 ? half_to_float(float_to_half(f)) : f;
      }
      break;
    }
  }
  return t;
}

double relative_error(const HostTensor& got, const HostTensor& want) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (got.shape != want.shape || got.values.size() != want.values.size() ||
      static_cast<std::int64_t>(want.values.size()) != num_elements(want.shape)) {
    return kInf;
  }
  double diff2 = 0.0, want2 = 0.0;
  for (std::size_t i = 0; i < want.values.size(); ++i) {
    const double g = got.values[i], w = want.values[i];
    if (!std::isfinite(w)) {
      // An expected NaN or Inf must be matched exactly; it takes no part in the norms.
      const bool same = std::isnan(w) ? std::isnan(g) : g == w;
      if (!same) return kInf;
      continue;
    }
    if (!std::isfinite(g)) return kInf;
    diff2 += (g - w) * (g - w);
    want2 += w * w;
  }
  return std::sqrt(diff2) / std::max(std::sqrt(want2), 1e-30);
}

}  // namespace tartan
