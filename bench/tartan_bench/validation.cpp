#include "validation.h"

#include <algorithm>
#include <cmath>

#include "tartan/support/error.h"

namespace tartan::bench {

ValidationResult compare_outputs(const std::vector<HostTensor>& got,
                                 const std::vector<HostTensor>& want, AbsoluteTolerance mode,
                                 double rtol, double atol) {
  TARTAN_CHECK(got.size() == want.size(), "device and reference output counts differ");
  ValidationResult r;
  r.rtol = rtol;
  r.atol = atol;
  if (mode == AbsoluteTolerance::kOutputScale) {
    double sum_squares = 0;
    std::size_t n = 0;
    for (const HostTensor& w : want) {
      for (double v : w.values) {
        if (!std::isfinite(v)) continue;
        sum_squares += v * v;
        ++n;
      }
    }
    if (n > 0) r.atol = std::max(r.atol, r.rtol * std::sqrt(sum_squares / n));
  }
  for (std::size_t k = 0; k < got.size(); ++k) {
    const HostTensor& g = got[k];
    const HostTensor& w = want[k];
    Shape expected = g.shape;
    if (!expected.empty() && !w.shape.empty()) expected[0] = w.shape[0];
    TARTAN_CHECK(expected == w.shape, "reference output shape " + shape_str(w.shape) +
                                          " does not match device output " + shape_str(g.shape));
    for (std::size_t i = 0; i < w.values.size(); ++i) {
      // The same infinity on both sides is exact agreement (inf - inf alone would be NaN);
      // NaN still never passes, not even where the reference is NaN.
      const bool same_infinity = std::isinf(w.values[i]) && g.values[i] == w.values[i];
      const double diff = same_infinity ? 0.0 : std::abs(g.values[i] - w.values[i]);
      const double bound = r.atol + r.rtol * std::abs(w.values[i]);
      // A non-finite value where the reference is finite fails outright (NaN compares false,
      // so `diff <= bound` alone would let it through).
      const bool finite_ok = std::isfinite(g.values[i]) || !std::isfinite(w.values[i]);
      const bool ok = finite_ok && diff <= bound;
      const double error = finite_ok && std::isfinite(diff) ? r.rtol * diff / bound : INFINITY;
      r.max_error = std::max(r.max_error, error);
      r.max_abs_error = std::max(r.max_abs_error, std::isnan(diff) ? INFINITY : diff);
      if (!ok) ++r.failures;
      ++r.elements;
    }
  }
  r.fail_ratio = r.elements == 0 ? 0 : static_cast<double>(r.failures) / r.elements;
  r.pass = r.failures == 0;
  return r;
}

void corrupt_for_testing(std::vector<HostTensor>& outputs, const std::string& how) {
  for (HostTensor& t : outputs) {
    if (t.values.empty()) continue;
    t.values[0] = how == "nan" ? NAN : t.values[0] + 1.0;
  }
}

}  // namespace tartan::bench
