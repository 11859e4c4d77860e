#include "codegen/work_item.h"

namespace tartan {

kir::Stmt one_item_each(std::int64_t items) {
  return kir::block({
      kir::let(kir::scalar_type(kir::Type::Scalar::kSizeT), "gid",
               kir::call(kir::Fn::kGlobalId, {kir::imm(0)})),
      kir::if_compact(kir::binary(">=", kir::var("gid"), kir::imm(items)), kir::ret()),
  });
}

}  // namespace tartan
