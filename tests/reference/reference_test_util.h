// Helpers for the reference executor's tests: seeded randomness and terse IR construction.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "tartan/ir/program.h"
#include "tartan/reference/executor.h"
#include "tartan/reference/host_tensor.h"

namespace tartan::testing {

// A fresh seed per test; tests print it with SCOPED_TRACE(seeded.trace()) so a failure can be
// reproduced.
struct Seeded {
  std::uint64_t seed = (std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}();
  std::mt19937_64 rng{seed};
  std::string trace() const { return "random seed " + std::to_string(seed); }
};

// A contraction from its parts, in the order they are written in tile text.
inline Contraction contraction(std::vector<std::string> index_names,
                               std::vector<Affine> output_indices, AggOp agg, CombOp comb,
                               std::vector<Access> inputs, std::vector<Constraint> constraints = {},
                               std::optional<TensorId> default_tensor = std::nullopt) {
  Contraction c;
  c.index_names = std::move(index_names);
  c.output_indices = std::move(output_indices);
  c.agg = agg;
  c.comb = comb;
  c.inputs = std::move(inputs);
  c.constraints = std::move(constraints);
  c.default_tensor = default_tensor;
  return c;
}

inline Affine ix(int var, std::int64_t coeff = 1) { return Affine::index(var, coeff); }
inline Affine k(std::int64_t c) { return Affine::constant(c); }

// A buffer of `n` NaNs: a value never written stays NaN, and NaN never passes a comparison.
inline std::vector<double> poisoned(std::int64_t n) {
  return std::vector<double>(static_cast<std::size_t>(n), std::numeric_limits<double>::quiet_NaN());
}

inline HostTensor expected(DType t, const Shape& s) {
  return HostTensor(t, s, poisoned(num_elements(s)));
}

// Runs `program`, single-threaded unless told otherwise, and returns its only output.
inline HostTensor run1(const Program& program, const std::vector<HostTensor>& inputs,
                       int threads = 1) {
  std::vector<HostTensor> outs = reference_run(program, inputs, ReferenceOptions{threads});
  EXPECT_EQ(outs.size(), 1u);
  return outs.empty() ? HostTensor() : outs[0];
}

// Exact equality, NaN never equal.
inline void expect_same(const HostTensor& got, const HostTensor& want) {
  ASSERT_EQ(got.dtype, want.dtype);
  ASSERT_EQ(got.shape, want.shape);
  ASSERT_EQ(got.values.size(), want.values.size());
  for (std::size_t i = 0; i < want.values.size(); ++i) {
    ASSERT_EQ(got.values[i], want.values[i]) << "at flat index " << i;
  }
}

}  // namespace tartan::testing
