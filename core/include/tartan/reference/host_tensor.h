// A tensor on the host: a dtype, a shape and its values in row-major order.
//
// Values are held as doubles whatever the dtype (int32 and bool values are exact); the dtype
// says how a device stores them. This is the exchange format of the reference executor and
// of Executable::run.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "tartan/ir/dtype.h"
#include "tartan/ir/shape.h"

namespace tartan {

struct HostTensor {
  DType dtype = DType::kFloat32;
  Shape shape;
  std::vector<double> values;

  HostTensor() = default;
  HostTensor(DType t, Shape s)
      : dtype(t), shape(std::move(s)), values(static_cast<std::size_t>(num_elements(shape))) {}
  HostTensor(DType t, Shape s, std::vector<double> v)
      : dtype(t), shape(std::move(s)), values(std::move(v)) {}
};

// Fresh random values: floats uniform in [lo, hi), int32 uniform integers in [lo, hi), bool
// fair coin flips. Float values are rounded to their dtype (half or single precision), so a
// device holds exactly the values the reference reads.
HostTensor random_tensor(DType dtype, const Shape& shape, std::mt19937_64& rng, double lo = -1.0,
                         double hi = 1.0);

// Norm-wise relative error ||got - want|| / max(||want||, tiny). NaN or Inf anywhere in `got`
// where `want` is finite, or a shape mismatch, gives +infinity: NaN never passes.
double relative_error(const HostTensor& got, const HostTensor& want);

}  // namespace tartan
