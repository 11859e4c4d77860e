#include "src/value.h"

namespace tartan::onnx {

Value Value::host(HostConstant c) {
  Value v;
  v.elem_type_ = c.elem_type;
  v.shape_ = c.dims;
  v.host_ = std::move(c);
  return v;
}

Value Value::device(const Tensor& physical, Perm perm, std::optional<int> elem_type) {
  Value v;
  v.perm_ = perm.empty() ? identity_perm(physical.rank()) : std::move(perm);
  v.shape_ = permute_shape(physical.shape(), v.perm_);
  v.elem_type_ = elem_type.value_or(default_elem_type(physical.dtype()));
  v.physical_ = physical;
  return v;
}

Tensor Value::logical(Builder& b, const std::string& name) const {
  if (logical_cache_ && &logical_cache_->builder() == &b) return *logical_cache_;
  if (host_) {
    logical_cache_ = b.constant(name, host_->dims, to_constant_data(*host_, "'" + name + "'"));
  } else {
    logical_cache_ = permute(*physical_, perm_);
  }
  return *logical_cache_;
}

Tensor Value::in_layout(Builder& b, const Perm& perm, const std::string& name) const {
  if (host_) {
    const HostConstant permuted = transpose_host(*host_, inverse_perm(perm));
    return b.constant(name, permuted.dims, to_constant_data(permuted, "'" + name + "'"));
  }
  if (perm == perm_) return *physical_;
  // physical_ -> logical -> wanted, as one transpose: wanted dim k = logical dim inv(perm)[k]
  // = physical dim perm_[inv(perm)[k]].
  return permute(*physical_, compose_perms(perm_, inverse_perm(perm)));
}

}  // namespace tartan::onnx
