// Correctness of a run: the device's output for one example against the reference executor's,
// with plaidbench's tolerances and figures.
//
// An element fails when |got - want| > kAbsoluteTolerance + kRelativeTolerance * |want|
// (numpy.allclose(got, want, rtol, atol), `want` being the float64 reference), or when `got` is
// NaN or infinite where `want` is finite: NaN never passes (not even against a NaN reference),
// and an infinite `want` is met only by the same infinity. The run passes when no element
// fails. Reported as plaidbench did:
//   max_error     = max over elements of rtol * |got - want| / (atol + rtol * |want|), which is
//                   above rtol exactly when some element fails (infinite for NaN);
//   max_abs_error = max |got - want|;
//   fail_ratio    = failing elements / elements.
// Programs on random inputs (tile, ops) sum products of both signs, so some outputs are near
// zero with float32 rounding error of the size of the partial sums; for them the absolute
// tolerance is rtol x the reference output's root mean square (at least kAbsoluteTolerance),
// which still catches any wrong value of the output's own scale.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tartan/reference/host_tensor.h"

namespace tartan::bench {

constexpr double kRelativeTolerance = 5e-4;
constexpr double kAbsoluteTolerance = 1e-6;
// --fp16: the half-precision network against the float64 reference of the float32 one. Half
// keeps 11 significant bits (unit roundoff 4.9e-4, itself plaidbench's rtol), and every stored
// activation is rounded again, so errors grow with depth: see results/README.md.
constexpr double kHalfRelativeTolerance = 2e-2;
constexpr double kHalfAbsoluteTolerance = 1e-5;

enum class AbsoluteTolerance { kFixed, kOutputScale };

struct ValidationResult {
  bool pass = false;
  double rtol = kRelativeTolerance;
  double atol = kAbsoluteTolerance;
  double max_error = 0;
  double max_abs_error = 0;
  double fail_ratio = 0;
  std::int64_t elements = 0;
  std::int64_t failures = 0;
};

// `got`: the device's outputs (a whole batch); `want`: the reference's for the batch's first
// examples (as many as want's leading dimension), or for all of it when the shapes are equal.
// `rtol` and `atol` are the tolerances (with kOutputScale, atol is the floor).
ValidationResult compare_outputs(const std::vector<HostTensor>& got,
                                 const std::vector<HostTensor>& want,
                                 AbsoluteTolerance mode = AbsoluteTolerance::kFixed,
                                 double rtol = kRelativeTolerance,
                                 double atol = kAbsoluteTolerance);

// The test hook behind TARTAN_BENCH_CORRUPT_OUTPUT: `nan` makes the first element of each
// output NaN, any other value adds 1 to it, so tests can see validation fail on a result that
// is really wrong.
void corrupt_for_testing(std::vector<HostTensor>& outputs, const std::string& how);

}  // namespace tartan::bench
