// Input checks shared by the application builders: Keras's own rules for input_shape (with
// weights=None, where any size from the network's minimum up is allowed), alpha and classes.
#pragma once

#include <cstdint>

#include "tartan/networks/registry.h"

namespace tartan::networks {

// The widest MobileNet built: Keras sets no upper bound, this one keeps layer widths far from
// integer overflow.
constexpr double kMaxAlpha = 64.0;

struct ImageInputRules {
  const char* keras_name;     // "ResNet50", for messages
  std::int64_t default_size;  // 224, 299, 331
  std::int64_t min_size;      // Keras's min_size for obtain_input_shape
  bool takes_alpha = false;   // MobileNet, MobileNetV2: alpha and classes are theirs
};

// The square input size to build: options.input_size, or the default when it is 0. Throws
// Error for a batch below 1, a size below the minimum, an alpha or a class count the network
// does not take.
std::int64_t image_size(const NetworkOptions& options, const ImageInputRules& rules);

}  // namespace tartan::networks
