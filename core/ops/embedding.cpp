#include "tartan/ops/embedding.h"

#include <string>

#include "ops/op_util.h"
#include "tartan/support/error.h"

namespace tartan::ops {

Tensor embedding(const Tensor& indices, const Tensor& table) {
  constexpr const char* kOp = "embedding";
  detail::require_rank(kOp, "the table [V, D]", table, 2);
  detail::require_same_builder(kOp, indices, table);
  if (indices.dtype() != DType::kInt32) {
    throw Error(std::string(kOp) + ": the indices " + indices.name() + " are " +
                    std::string(dtype_name(indices.dtype())),
                "pass int32 indices (cast(indices, DType::kInt32))");
  }
  return gather(table, indices);
}

}  // namespace tartan::ops
