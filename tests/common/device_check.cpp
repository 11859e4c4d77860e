#include "common/device_check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "common/random_program.h"
#include "tartan/compiler.h"
#include "tartan/reference/executor.h"
#include "tartan/support/half.h"

namespace tartan::testing {

std::vector<runtime::Device> test_devices() {
  std::vector<runtime::Device> devices;
  for (runtime::Device& d : runtime::enumerate_devices()) {
    if (d.info.available && d.info.compiler_available) devices.push_back(std::move(d));
  }
  return devices;
}

namespace {

// Like relative_error, but values below half precision's smallest normal number (6.1e-5) do
// not count as signal: when every value of an output is subnormal in float16 (a long product
// of small factors), one rounding step is a large fraction of the norm on any device.
double half_relative_error(const HostTensor& got, const HostTensor& want) {
  const double err = relative_error(got, want);
  if (!std::isfinite(err)) return err;
  double diff = 0, norm = 0;
  for (std::size_t k = 0; k < want.values.size(); ++k) {
    diff += (got.values[k] - want.values[k]) * (got.values[k] - want.values[k]);
    norm += want.values[k] * want.values[k];
  }
  const double floor = 6.1e-5 * std::sqrt(static_cast<double>(want.values.size()));
  return std::sqrt(diff) / std::max(std::sqrt(norm), floor);
}

}  // namespace

std::uint64_t test_seed() {
  const char* replay = std::getenv("TARTAN_TEST_SEED");
  const std::uint64_t seed =
      replay != nullptr ? std::stoull(replay) : std::uint64_t{std::random_device{}()};
  std::cerr << "[ seed     ] " << seed << " (replay with TARTAN_TEST_SEED=" << seed << ")\n";
  return seed;
}

void add_random_contractions(Program* program, std::mt19937_64& rng, int count,
                             CheckOptions* options, bool constant_inputs) {
  for (int c = 0; c < count; ++c) {
    const std::string prefix = "P" + std::to_string(c) + "_";
    const RandomContraction r = add_random_contraction(program, rng, prefix, constant_inputs);
    options->small_integer_inputs.insert(options->small_integer_inputs.end(),
                                         r.small_integer_inputs.begin(),
                                         r.small_integer_inputs.end());
    options->output_labels.push_back(prefix + ": " + r.description);
    options->relative_to_magnitude.push_back(r.scalar_sum);
  }
}

namespace {

double norm(const HostTensor& t) {
  double sum = 0;
  for (double v : t.values) sum += v * v;
  return std::sqrt(sum);
}

}  // namespace

void check_on_device(const Program& program, const runtime::Device& device, std::mt19937_64& rng,
                     const CheckOptions& options) {
  std::vector<HostTensor> inputs;
  for (TensorId id : program.inputs()) {
    const TensorInfo& t = program.tensor(id);
    const bool small =
        std::find(options.small_integer_inputs.begin(), options.small_integer_inputs.end(), id) !=
        options.small_integer_inputs.end();
    if (small || t.dtype == DType::kInt32) {
      HostTensor h(t.dtype, t.shape);
      std::uniform_int_distribution<int> pick(-2, 2);
      for (double& v : h.values) v = pick(rng);
      inputs.push_back(std::move(h));
    } else {
      inputs.push_back(random_tensor(t.dtype, t.shape, rng));
    }
  }
  const std::vector<HostTensor> want = reference_run(program, inputs);
  // The magnitudes of the terms: the same program on the inputs' absolute values.
  std::vector<HostTensor> magnitude;
  if (std::find(options.relative_to_magnitude.begin(), options.relative_to_magnitude.end(), true) !=
      options.relative_to_magnitude.end()) {
    std::vector<HostTensor> abs_inputs = inputs;
    for (HostTensor& h : abs_inputs) {
      for (double& v : h.values) v = std::fabs(v);
    }
    magnitude = reference_run(program, abs_inputs);
  }
  Executable exe = compile(program, device, options.compile);
  const std::vector<HostTensor> got = exe.run(inputs, {.poison = true});
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    const DType t = program.tensor(program.outputs()[i]).dtype;
    const double tol = t == DType::kFloat16 ? options.half_tolerance
                       : is_float(t)        ? options.tolerance
                                            : 0.0;
    // A float16 output holds what half precision can: compare with the reference rounded the
    // same way (products and sums that leave half's range become 0 or infinity on both).
    HostTensor expected = want[i];
    double err = 0;
    if (t == DType::kFloat16) {
      for (double& v : expected.values) v = half_to_float(float_to_half(static_cast<float>(v)));
      err = half_relative_error(got[i], expected);
    } else if (i < options.relative_to_magnitude.size() && options.relative_to_magnitude[i]) {
      // relative_error keeps NaN failing; rescaled from ||want|| to ||magnitude|| (>= ||want||).
      err = relative_error(got[i], expected) * std::max(norm(expected), 1e-30) /
            std::max(norm(magnitude[i]), 1e-30);
    } else {
      err = relative_error(got[i], expected);
    }
    const std::string label = i < options.output_labels.size()
                                  ? options.output_labels[i]
                                  : program.tensor(program.outputs()[i]).name;
    EXPECT_LE(err, tol) << label << " on " << device.info.id << ": relative error " << err;
  }
}

}  // namespace tartan::testing
