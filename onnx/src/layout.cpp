#include "src/layout.h"

#include <numeric>

#include "tartan/ops/shape.h"

namespace tartan::onnx {

Perm identity_perm(int rank) {
  Perm p(static_cast<std::size_t>(rank));
  std::iota(p.begin(), p.end(), 0);
  return p;
}

bool is_identity(const Perm& perm) {
  for (std::size_t d = 0; d < perm.size(); ++d) {
    if (perm[d] != static_cast<int>(d)) return false;
  }
  return true;
}

Perm channels_last_perm(int rank) {
  if (rank < 3) return identity_perm(rank);
  Perm p = {0, rank - 1};
  for (int d = 1; d < rank - 1; ++d) p.push_back(d);
  return p;
}

Perm inverse_perm(const Perm& perm) {
  Perm inv(perm.size());
  for (std::size_t d = 0; d < perm.size(); ++d)
    inv[static_cast<std::size_t>(perm[d])] = static_cast<int>(d);
  return inv;
}

Perm compose_perms(const Perm& first, const Perm& then) {
  Perm p;
  for (const int t : then) p.push_back(first[static_cast<std::size_t>(t)]);
  return p;
}

Shape permute_shape(const Shape& shape, const Perm& perm) {
  Shape out;
  for (const int p : perm) out.push_back(shape[static_cast<std::size_t>(p)]);
  return out;
}

Tensor permute(const Tensor& x, const Perm& perm) {
  if (is_identity(perm)) return x;
  Perm moved;  // the order of the dimensions larger than 1
  for (const int p : perm) {
    if (x.shape()[static_cast<std::size_t>(p)] != 1) moved.push_back(p);
  }
  bool in_order = true;
  for (std::size_t k = 1; k < moved.size(); ++k) in_order = in_order && moved[k - 1] < moved[k];
  if (in_order) return x.builder().reshape(x, permute_shape(x.shape(), perm));
  return ops::transpose(x, perm);
}

}  // namespace tartan::onnx
