// Argument checks and index helpers shared by the op library (internal).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tartan/ir/builder.h"

namespace tartan::ops::detail {

// Throws Error unless x has the given rank; `what` describes the argument ("input x [N, H, W, C]").
void require_rank(const char* op, const char* what, const Tensor& x, int rank);
void require_min_rank(const char* op, const char* what, const Tensor& x, int rank);
// Throws Error unless x has exactly this shape.
void require_shape(const char* op, const char* what, const Tensor& x, const Shape& shape);
// Throws Error unless every tensor was made by the same Builder as `first`.
void require_same_builder(const char* op, const Tensor& first, const Tensor& other);
// Maps a possibly negative axis into [0, rank); throws Error when out of range.
int normalize_axis(const char* op, int axis, int rank);
// Positive integer parameters (strides, sizes, ...).
void require_positive(const char* op, const char* what, std::int64_t value);
void require_non_negative(const char* op, const char* what, std::int64_t value);

// Index variables prefix0, prefix1, ... as IndexExprs, for ops of any rank.
std::vector<IndexExpr> index_vars(const std::string& prefix, int count);

}  // namespace tartan::ops::detail
