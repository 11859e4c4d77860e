// One ONNX value during import: known at import (a HostConstant), or computed by the Program
// (a physical Tensor plus the layout permutation that gives its logical ONNX order).
#pragma once

#include <optional>

#include "src/constant.h"
#include "src/layout.h"

namespace tartan::onnx {

class Value {
 public:
  static Value host(HostConstant c);
  // `perm`: logical dimension d is physical dimension perm[d] (empty: the same order).
  // `elem_type`: the ONNX type (default: the one that the Program dtype stands for).
  static Value device(const Tensor& physical, Perm perm = {}, std::optional<int> elem_type = {});

  bool is_host() const { return host_.has_value(); }
  const HostConstant& constant() const { return *host_; }
  int elem_type() const { return elem_type_; }
  const Shape& shape() const { return shape_; }  // logical
  int rank() const { return static_cast<int>(shape_.size()); }

  // Device values only: the physical tensor and its permutation (never empty).
  const Tensor& physical() const { return *physical_; }
  const Perm& perm() const { return perm_; }

  // The value as a tensor of `b` in logical order: constants become Program constants (int64
  // checked to fit int32), permuted values are transposed once (cached per value).
  Tensor logical(Builder& b, const std::string& name) const;
  // The value in layout `perm` (logical = transpose(result, perm)), a constant permuted on the
  // host, a device value transposed from its own layout only where the two differ.
  Tensor in_layout(Builder& b, const Perm& perm, const std::string& name) const;
  // Drops the cached logical tensor. Called when a scratch Builder that it may belong to dies:
  // the cache is keyed by the builder's address, which a later scratch Builder can reuse.
  void forget_cached_tensor() const { logical_cache_.reset(); }

 private:
  Value() = default;
  std::optional<HostConstant> host_;
  std::optional<Tensor> physical_;
  Perm perm_;
  int elem_type_ = 1;
  Shape shape_;
  mutable std::optional<Tensor> logical_cache_;  // of physical_'s builder, or of the last `b`
};

}  // namespace tartan::onnx
