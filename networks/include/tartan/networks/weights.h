// Where a network's weights come from: the synthetic generator (default) or a Keras HDF5 file.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tartan/ir/shape.h"

namespace tartan::networks {

class WeightSource {
 public:
  virtual ~WeightSource() = default;
  // The values of one Keras variable, row-major in Keras's own layout: `layer` and `variable`
  // are Keras's names ("conv1" / "kernel", "conv1_bn" / "moving_variance"), `shape` Keras's
  // shape ([3, 3, 3, 32] for a 3x3 Conv2D kernel). Throws Error naming the layer and both
  // shapes when a file holds another shape, or the layer when it is missing.
  virtual std::vector<float> get(const std::string& layer, const std::string& variable,
                                 const Shape& shape) = 0;
  // Called by every builder once all its variables were asked for: Error naming the weights
  // the file holds that no layer used.
  virtual void finish() {}
};

// The documented deterministic generator (networks/README.md): values depend only on
// (seed, layer, variable, element index) and are scaled like Keras's initializers.
std::unique_ptr<WeightSource> synthetic_weights(std::uint64_t seed = 0);

// Keras HDF5 weights: the Keras 2 layout (`layer_names` / `weight_names` attributes, as in the
// published ImageNet files) and the Keras 3 `.weights.h5` layout. Throws Error for a file that
// is missing, not HDF5, or truncated.
std::unique_ptr<WeightSource> hdf5_weights(const std::string& path);

// The synthetic input batch for a network: the same generator, layer "input", variable
// "batch", values uniform in [-1, 1) as Keras's MobileNet preprocessing produces.
std::vector<float> synthetic_input(const Shape& shape, std::uint64_t seed = 0);

// Synthetic token ids for an embedding input (imdb_lstm): the same generator, layer "input",
// variable "tokens", id = floor(u * vocabulary) computed in integers, so in [0, vocabulary).
std::vector<std::int32_t> synthetic_token_ids(const Shape& shape, std::int64_t vocabulary,
                                              std::uint64_t seed = 0);

}  // namespace tartan::networks
