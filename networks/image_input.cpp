#include "image_input.h"

#include <string>

#include "tartan/support/error.h"

namespace tartan::networks {

std::int64_t image_size(const NetworkOptions& options, const ImageInputRules& rules) {
  const std::string net = rules.keras_name;
  if (options.batch < 1) {
    throw Error(net + ": batch size " + std::to_string(options.batch) + " is not positive",
                "pass a batch size of 1 or more");
  }
  if (!rules.takes_alpha && options.alpha != 1.0) {
    throw Error(net + " has no width multiplier (alpha " + std::to_string(options.alpha) + ")",
                "alpha applies to MobileNet and MobileNetV2 only; leave it at 1");
  }
  if (!rules.takes_alpha && options.classes != 1000) {
    throw Error(net + " is built with 1000 classes here (asked for " +
                    std::to_string(options.classes) + ")",
                "classes applies to MobileNet and MobileNetV2 only; leave it at 1000");
  }
  if (options.classes < 1) {
    throw Error(net + ": " + std::to_string(options.classes) + " classes",
                "pass 1 or more classes (1000 for ImageNet)");
  }
  const std::int64_t size = options.input_size == 0 ? rules.default_size : options.input_size;
  if (size < rules.min_size) {
    throw Error(
        net + ": input size " + std::to_string(size) + "x" + std::to_string(size) + " is too small",
        "Keras builds " + net + " for inputs of at least " + std::to_string(rules.min_size) + "x" +
            std::to_string(rules.min_size) + " (default " + std::to_string(rules.default_size) +
            ")");
  }
  return size;
}

}  // namespace tartan::networks
