#include "workload.h"

#include "tartan/support/error.h"

namespace tartan::bench {

HostTensor leading_slice(const HostTensor& t, std::int64_t count) {
  TARTAN_CHECK(!t.shape.empty() && t.shape[0] >= count, "slice beyond the leading dimension");
  Shape shape = t.shape;
  shape[0] = count;
  const auto n = static_cast<std::size_t>(num_elements(shape));
  return HostTensor(t.dtype, shape, std::vector<double>(t.values.begin(), t.values.begin() + n));
}

}  // namespace tartan::bench
