// Sliding-window geometry shared by convolutions and pooling: padding modes and output sizes.
#pragma once

#include <cstdint>

namespace tartan::ops {

// `valid` (no padding), `same` (Keras/TensorFlow: output = ceil(input / stride); the total
// padding is split with the extra row/column at the bottom/right), or explicit amounts.
struct Padding {
  enum class Kind { kValid, kSame, kExplicit };
  Kind kind = Kind::kValid;
  std::int64_t top = 0, bottom = 0, left = 0, right = 0;  // kExplicit only

  static Padding valid() { return {}; }
  static Padding same() { return {Kind::kSame}; }
  static Padding explicit_amounts(std::int64_t top, std::int64_t bottom, std::int64_t left,
                                  std::int64_t right) {
    return {Kind::kExplicit, top, bottom, left, right};
  }
};

// One spatial axis of a window op: output size and the padding before it. Padding is not
// materialised: the op reads input[stride * out + dilation * k - before] and skips reads that
// fall outside.
struct AxisWindow {
  std::int64_t out = 0;
  std::int64_t before = 0;
};

// Throws Error (naming `op`) when the window does not fit or a parameter is not positive.
AxisWindow axis_window(const char* op, const char* axis, std::int64_t in, std::int64_t kernel,
                       std::int64_t stride, std::int64_t dilation, const Padding& padding,
                       bool vertical);

}  // namespace tartan::ops
