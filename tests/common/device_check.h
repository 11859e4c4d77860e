// The device correctness harness: compile a program for a device, run it on fresh random
// inputs with poisoned outputs, and compare every output with the reference executor.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "tartan/compiler.h"
#include "tartan/ir/program.h"
#include "tartan/runtime/device.h"

namespace tartan::testing {

// Every available device of every platform (PoCL at least, on CI).
std::vector<runtime::Device> test_devices();

// A fresh seed for a randomised test, or $TARTAN_TEST_SEED to replay one. It is printed on
// stderr either way: a failure reported by an outside tool (Oclgrind) still names its seed.
std::uint64_t test_seed();

struct CheckOptions {
  double tolerance = 1e-4;                     // norm-wise relative error for float32 outputs
  double half_tolerance = 2e-3;                // for float16 outputs (the device rounds to half)
  std::vector<TensorId> small_integer_inputs;  // drawn from {-2, ..., 2}
  std::vector<std::string> output_labels;      // names outputs in failure messages
  // By output index: the error is relative to the output computed from the inputs' absolute
  // values (the sum of the terms' magnitudes), as for one dot product (RandomContraction).
  std::vector<bool> relative_to_magnitude;
  CompileOptions compile;  // e.g. a forced plan (common/forced_plans.h)
};

// Adds `count` random contractions (tests/common/random_program.h) to `program`, each with
// its own inputs and output, and records their input needs and labels in `options`.
// With `constant_inputs`, their inputs are random constants (random_program.h).
void add_random_contractions(Program* program, std::mt19937_64& rng, int count,
                             CheckOptions* options, bool constant_inputs = false);

// Adds a gtest failure per mismatching output (with its label, the error and the device).
void check_on_device(const Program& program, const runtime::Device& device, std::mt19937_64& rng,
                     const CheckOptions& options = {});

}  // namespace tartan::testing
