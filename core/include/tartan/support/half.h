// IEEE 754 binary16 <-> binary32 conversion on the host (round to nearest even).
#pragma once

#include <cstdint>

namespace tartan {

std::uint16_t float_to_half(float f);
float half_to_float(std::uint16_t h);

}  // namespace tartan
