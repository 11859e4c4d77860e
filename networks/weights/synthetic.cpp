// The synthetic weight generator documented in networks/README.md. scripts/keras_fixtures.py
// holds its numpy twin; tests/networks/weights_synthetic_test.cpp checks they agree bit for bit.
#include <cmath>
#include <string>

#include "tartan/networks/weights.h"
#include "tartan/support/cancel.h"
#include "tartan/support/error.h"

namespace tartan::networks {
namespace {

std::uint64_t fnv1a64(const std::string& text) {
  std::uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001B3ull;
  }
  return h;
}

std::uint64_t splitmix64(std::uint64_t x) {
  std::uint64_t z = x + 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t stream_key(const std::string& layer, const std::string& variable,
                         std::uint64_t seed) {
  return fnv1a64(layer + "/" + variable) ^ seed;
}

// The top 24 bits of each draw: an exact float32 in [0, 1) once divided by 2^24.
std::uint64_t draw24(std::uint64_t key, std::uint64_t i) { return splitmix64(key + i) >> 40; }

struct Range {
  double lo = 0;
  double hi = 0;
};

std::int64_t fan_in(const std::string& variable, const Shape& shape) {
  if (variable == "depthwise_kernel") return shape[0] * shape[1];  // one input channel each
  if (shape.size() == 4) return shape[0] * shape[1] * shape[2];    // [kh, kw, in, out]
  return shape[0];                                                 // [in, out]
}

// The range of one variable kind, Keras-like (see networks/README.md for why LeCun).
Range range_of(const std::string& layer, const std::string& variable, const Shape& shape) {
  const bool conv_kernel =
      variable == "kernel" || variable == "depthwise_kernel" || variable == "pointwise_kernel";
  if (conv_kernel && shape.size() == 4) {
    const double a = std::sqrt(3.0 / static_cast<double>(fan_in(variable, shape)));
    return {-a, a};
  }
  if ((variable == "kernel" || variable == "recurrent_kernel") && shape.size() == 2) {
    const double a = std::sqrt(6.0 / static_cast<double>(shape[0] + shape[1]));
    return {-a, a};
  }
  if (variable == "bias") return {-0.05, 0.05};
  if (variable == "embeddings") return {-1.0, 1.0};
  if (variable == "gamma") return {0.8, 1.2};
  if (variable == "beta" || variable == "moving_mean") return {-0.1, 0.1};
  if (variable == "moving_variance") return {0.5, 1.5};
  if (variable == "batch") return {-1.0, 1.0};
  // Every variable the networks ask for has a rule; a new kind needs one here and in Python.
  throw InternalError("the synthetic generator has no rule for " + layer + "/" + variable + " " +
                      shape_str(shape));
}

std::vector<float> uniform(const std::string& layer, const std::string& variable,
                           std::int64_t count, Range r, std::uint64_t seed) {
  // lo and the span are rounded to float32 first: the product of two 24-bit significands is
  // exact in double, so a fused multiply-add gives the same bits as a separate one.
  const double lo = static_cast<float>(r.lo);
  const double span = static_cast<float>(r.hi - r.lo);
  const std::uint64_t key = stream_key(layer, variable, seed);
  std::vector<float> out(static_cast<std::size_t>(count));
  for (std::int64_t i = 0; i < count; ++i) {
    const double u = static_cast<double>(draw24(key, static_cast<std::uint64_t>(i))) / 16777216.0;
    out[static_cast<std::size_t>(i)] = static_cast<float>(lo + span * u);
  }
  return out;
}

class SyntheticWeights : public WeightSource {
 public:
  explicit SyntheticWeights(std::uint64_t seed) : seed_(seed) {}

  std::vector<float> get(const std::string& layer, const std::string& variable,
                         const Shape& shape) override {
    throw_if_cancelled();  // between variables: VGG's 138M values take seconds to make
    return uniform(layer, variable, num_elements(shape), range_of(layer, variable, shape), seed_);
  }

 private:
  std::uint64_t seed_;
};

}  // namespace

std::unique_ptr<WeightSource> synthetic_weights(std::uint64_t seed) {
  return std::make_unique<SyntheticWeights>(seed);
}

std::vector<float> synthetic_input(const Shape& shape, std::uint64_t seed) {
  return uniform("input", "batch", num_elements(shape), range_of("input", "batch", shape), seed);
}

std::vector<std::int32_t> synthetic_token_ids(const Shape& shape, std::int64_t vocabulary,
                                              std::uint64_t seed) {
  if (vocabulary <= 0 || vocabulary > (std::int64_t{1} << 31) - 1) {
    throw Error(
        "synthetic token ids need a vocabulary in [1, 2^31), got " + std::to_string(vocabulary),
        "pass the embedding's input_dim");
  }
  const std::uint64_t key = stream_key("input", "tokens", seed);
  std::vector<std::int32_t> out(static_cast<std::size_t>(num_elements(shape)));
  for (std::size_t i = 0; i < out.size(); ++i) {
    // draw24 * vocabulary < 2^24 * 2^31 fits in 64 bits; >> 24 is floor(u * vocabulary).
    out[i] =
        static_cast<std::int32_t>((draw24(key, i) * static_cast<std::uint64_t>(vocabulary)) >> 24);
  }
  return out;
}

}  // namespace tartan::networks
