#include "ops/op_util.h"

#include "tartan/support/error.h"

namespace tartan::ops::detail {

void require_rank(const char* op, const char* what, const Tensor& x, int rank) {
  if (x.rank() != rank) {
    throw Error(std::string(op) + ": " + what + " must have rank " + std::to_string(rank) +
                    ", but " + x.name() + " has shape " + shape_str(x.shape()),
                "reshape the argument to rank " + std::to_string(rank));
  }
}

void require_min_rank(const char* op, const char* what, const Tensor& x, int rank) {
  if (x.rank() < rank) {
    throw Error(std::string(op) + ": " + what + " must have rank at least " + std::to_string(rank) +
                    ", but " + x.name() + " has shape " + shape_str(x.shape()),
                "reshape the argument to a higher rank");
  }
}

void require_shape(const char* op, const char* what, const Tensor& x, const Shape& shape) {
  if (x.shape() != shape) {
    throw Error(std::string(op) + ": " + what + " must have shape " + shape_str(shape) + ", but " +
                    x.name() + " has shape " + shape_str(x.shape()),
                "pass a tensor of the expected shape");
  }
}

void require_same_builder(const char* op, const Tensor& first, const Tensor& other) {
  if (&first.builder() != &other.builder()) {
    throw Error(std::string(op) + ": " + first.name() + " and " + other.name() +
                    " belong to different builders",
                "build all tensors of one program with one Builder");
  }
}

int normalize_axis(const char* op, int axis, int rank) {
  const int a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) {
    throw Error(std::string(op) + ": axis " + std::to_string(axis) + " is out of range for rank " +
                    std::to_string(rank),
                "use an axis in [" + std::to_string(-rank) + ", " + std::to_string(rank - 1) + "]");
  }
  return a;
}

void require_positive(const char* op, const char* what, std::int64_t value) {
  if (value < 1) {
    throw Error(std::string(op) + ": " + what + " is " + std::to_string(value),
                std::string(what) + " must be at least 1");
  }
}

void require_non_negative(const char* op, const char* what, std::int64_t value) {
  if (value < 0) {
    throw Error(std::string(op) + ": " + what + " is " + std::to_string(value),
                std::string(what) + " must not be negative");
  }
}

std::vector<IndexExpr> index_vars(const std::string& prefix, int count) {
  std::vector<IndexExpr> r;
  for (int d = 0; d < count; ++d) r.emplace_back(Index(prefix + std::to_string(d)));
  return r;
}

}  // namespace tartan::ops::detail
