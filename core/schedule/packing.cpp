#include "tartan/schedule/packing.h"

#include <cstring>

#include "tartan/support/error.h"

namespace tartan {

namespace {

// The index variable of output dimension `t.dim`, or -1 for an untiled (size 1) tile.
int tile_var(const Contraction& c, const TileDim& t) {
  if (t.dim < 0 || t.size <= 1) return -1;
  return c.output_indices.at(static_cast<std::size_t>(t.dim)).terms().at(0).first;
}

}  // namespace

bool reads_packed(const Program& program, const Contraction& c, const KernelPlan& plan,
                  std::size_t i) {
  if (!plan.pack_weights || plan.uses_local_memory() || plan.uses_group_reduce()) return false;
  const int v0 = tile_var(c, plan.tile[0]);
  const int v1 = tile_var(c, plan.tile[1]);
  if (v0 < 0) return false;
  const Access& a = c.inputs.at(i);
  const TensorInfo& t = program.tensor(a.tensor);
  if (t.kind != TensorKind::kConstant || t.data == nullptr || t.shape.size() < 2) return false;
  if (a.indices.back() != Affine::index(v0)) return false;
  for (std::size_t d = 0; d < a.indices.size(); ++d) {
    if ((d + 1 < a.indices.size() && a.indices[d].coeff(v0) != 0) ||
        (v1 >= 0 && a.indices[d].coeff(v1) != 0)) {
      return false;
    }
  }
  return true;
}

bool any_reads_packed(const Program& program, const KernelGroup& group, const KernelPlan& plan) {
  const auto* c = std::get_if<Contraction>(&program.ops()[group.ops.front()]);
  if (c == nullptr) return false;
  for (std::size_t i = 0; i < c->inputs.size(); ++i) {
    if (reads_packed(program, *c, plan, i)) return true;
  }
  return false;
}

std::shared_ptr<const ConstantData> pack_panels(const ConstantData& data, const Shape& shape,
                                                int panel) {
  TARTAN_CHECK(
      !shape.empty() && panel > 0 && static_cast<std::int64_t>(data.size()) == num_elements(shape),
      "packing a constant that does not match its shape");
  const auto k = static_cast<std::size_t>(shape.back());
  const std::size_t rows = k == 0 ? 0 : data.size() / k;
  const auto p = static_cast<std::size_t>(panel);
  const std::size_t panels = (k + p - 1) / p;
  const std::size_t size = dtype_size(data.dtype());
  std::vector<std::byte> out(panels * rows * p * size);  // zero: the last panel's padding
  const std::byte* in = data.bytes().data();
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t q = 0; q < panels; ++q) {
      const std::size_t width = std::min(p, k - q * p);
      std::memcpy(out.data() + ((q * rows + r) * p) * size, in + (r * k + q * p) * size,
                  width * size);
    }
  }
  return std::make_shared<const ConstantData>(data.dtype(), std::move(out));
}

}  // namespace tartan
