// Random contraction programs for the correctness harness: random ranks, sizes, strides,
// offsets (out-of-bounds taps act as padding), constraints, aggregations, combinations,
// defaults and fused elementwise epilogues. Every program is valid (bounded, non-empty).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "tartan/ir/builder.h"
#include "tartan/ir/program.h"

namespace tartan::testing {

struct RandomContraction {
  std::string description;  // one line saying what was drawn, for failure messages
  // Inputs that must hold small integers because equality matters (== and ?: combinations),
  // so that exact comparisons are meaningful in float32.
  std::vector<TensorId> small_integer_inputs;
  // A single output that sums many products (or sums): its float32 rounding error scales with
  // the sum of the terms' magnitudes, not with the result, which cancellation can make tiny.
  bool scalar_sum = false;
};

// Adds one random contraction (and maybe an epilogue) to `program`: its inputs, named
// `prefix` + "A", "B", ..., and its result as a new program output. With `constant_inputs` the
// inputs but the first operand are constants of random values instead, the second operand with
// a last dimension indexed by the output's last variable (weights; never a scalar sum).
RandomContraction add_random_contraction(Program* program, std::mt19937_64& rng,
                                         const std::string& prefix, bool constant_inputs = false);

// A float32 constant of random values in [-1, 1), as a network's weights.
Tensor random_constant(Builder& b, const std::string& name, const Shape& shape,
                       std::mt19937_64& rng);

}  // namespace tartan::testing
