// Random contraction programs for the correctness harness: random ranks, sizes, strides,
// offsets (out-of-bounds taps act as padding), constraints, aggregations, combinations,
// defaults and fused elementwise epilogues. Every program is valid (bounded, non-empty).
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "tartan/ir/program.h"

namespace tartan::testing {

struct RandomProgram {
  Program program;
  std::string description;  // one line saying what was drawn, for failure messages
  // Inputs hold small integers where equality matters (== and ?: combinations), so that
  // exact comparisons are meaningful in float32.
  bool small_integer_inputs = false;
};

RandomProgram random_contraction_program(std::mt19937_64& rng);

}  // namespace tartan::testing
