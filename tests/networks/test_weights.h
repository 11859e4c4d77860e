// A WeightSource for the networks tests: records every request and returns deterministic
// values that depend only on (layer, variable, element index), so a test can recompute any
// weight by itself. kZeros skips the value computation for tests that only count.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "tartan/ir/shape.h"
#include "tartan/networks/weights.h"

namespace tartan::networks::testing {

struct WeightRequest {
  std::string layer, variable;
  Shape shape;
};

class TestWeights : public WeightSource {
 public:
  enum class Mode { kValues, kZeros };
  explicit TestWeights(Mode mode = Mode::kValues) : mode_(mode) {}

  std::vector<float> get(const std::string& layer, const std::string& variable,
                         const Shape& shape) override {
    requests.push_back({layer, variable, shape});
    const auto n = static_cast<std::size_t>(num_elements(shape));
    total += static_cast<std::int64_t>(n);
    if (mode_ == Mode::kZeros) {
      // Copying calloc's zero pages is a memmove even in Debug builds, where filling a vector
      // is a slow loop (VGG asks for 138M values).
      const std::unique_ptr<float, decltype(&std::free)> zeros(
          static_cast<float*>(std::calloc(n, sizeof(float))), &std::free);
      return {zeros.get(), zeros.get() + n};
    }
    const Stream values(layer, variable, shape);
    std::vector<float> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = values(i);
    return v;
  }

  // The values of one variable: kernels uniform in +-1/sqrt(fan_in); BN statistics and
  // scales near Keras's initial values, with the variance kept positive.
  class Stream {
   public:
    Stream(const std::string& layer, const std::string& variable, const Shape& shape) {
      for (const char c : layer + "/" + variable) {  // FNV-1a
        seed_ = (seed_ ^ static_cast<unsigned char>(c)) * 1099511628211ull;
      }
      if (variable == "moving_variance") {
        offset_ = 0.75, scale_ = 0.25;
      } else if (variable == "gamma") {
        offset_ = 1.0, scale_ = 0.1;
      } else if (variable == "beta" || variable == "bias" || variable == "moving_mean") {
        scale_ = 0.1;
      } else {
        std::int64_t fan_in = 1;
        for (std::size_t d = 0; d + 1 < shape.size(); ++d) fan_in *= shape[d];
        if (variable == "depthwise_kernel") fan_in = shape[0] * shape[1];
        scale_ = 1.0 / std::sqrt(static_cast<double>(fan_in));
      }
    }
    float operator()(std::size_t i) const {
      std::uint64_t z = seed_ + 0x9e3779b97f4a7c15ull * (i + 1);  // splitmix64
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
      z ^= z >> 31;
      const double u = static_cast<double>(z >> 11) / 9007199254740992.0 * 2.0 - 1.0;  // [-1, 1)
      return static_cast<float>(offset_ + scale_ * u);
    }

   private:
    std::uint64_t seed_ = 1469598103934665603ull;
    double offset_ = 0.0, scale_ = 1.0;
  };

  std::vector<WeightRequest> requests;
  std::int64_t total = 0;

 private:
  Mode mode_;
};

}  // namespace tartan::networks::testing
