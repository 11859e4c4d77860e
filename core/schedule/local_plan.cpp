#include "schedule/local_plan.h"

#include <algorithm>
#include <cmath>

namespace tartan {

namespace {

// Measured on the H200 (sweep of block shapes over InceptionV3, DenseNet121 and MobileNet at
// batch 64, results/perf-notes.md "S4-conv"): at equal padded work, 256-item groups ran ~10%
// slower than 128-item ones (each barrier stalls more warps; fewer independent groups per
// compute unit), a thin register tile reads __local memory more per multiply-add, and more
// than kMaxRowSlots row-side load slots per item (each keeps its own hoisted offset and check
// in registers) ran 30-45% slower.
constexpr double kLargeGroupCost = 1.1;
constexpr double kThinTileCost = 1.0;  // times (1/rows + 1/cols - 1/4) of the register tile
constexpr double kManySlotsCost = 1.3;
constexpr int kMaxRowSlots = 8;
constexpr std::size_t kLargeGroup = 256;
// Where the search lost to the old rule (profile's group, tile shrunk until there is a group per
// compute unit) on the H200: GEMMs with fewer of the profile's blocks than compute units and a
// short reduction (MobileNet's batch-1 pointwise convolutions, K <= 128: 8-21% slower), latency
// bound, where the old rule's many small tiles win and the padded-work cost says nothing. (Dense
// layers at batch 64, M = 64, also lost 4-19%, but batch-1 7x7 pointwise ones, M = 49, gained
// 10-22%: no rule here separates them.)
constexpr std::int64_t kShortReduction = 256;

}  // namespace

bool local_block_search_applies(const GemmShape& g, const TargetInfo& target) {
  const Tuning& t = target.tuning;
  const std::int64_t block_rows = std::int64_t{t.local_group_rows} * t.local_tile_rows;
  const std::int64_t block_cols = std::int64_t{t.local_group_cols} * t.local_tile_cols;
  const bool few =
      g.blocks(block_rows, block_cols) < static_cast<std::int64_t>(target.compute_units);
  return t.local_block_search && !(few && g.k < kShortReduction);
}

std::vector<LocalTile> local_tile_candidates(const TargetInfo& target) {
  const Tuning& t = target.tuning;
  const std::size_t profile_group =
      static_cast<std::size_t>(t.local_group_rows) * static_cast<std::size_t>(t.local_group_cols);
  std::vector<LocalTile> out;
  // Work-groups of the profile's size and half of it, in the profile's shape and with one side
  // halved or doubled; register tiles of the profile's size down to 2 on each side.
  const int gr = t.local_group_rows, gc = t.local_group_cols;
  const std::vector<std::pair<int, int>> groups = {
      {gr, gc}, {gr / 2, gc}, {gr, gc / 2}, {gr * 2, gc / 2}, {gr / 2, gc * 2}};
  for (const auto& [rows, cols] : groups) {
    const auto wg = static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);
    if (rows < 1 || cols < 1 || wg > target.max_work_group_size || wg * 2 < profile_group) continue;
    for (int tr = t.local_tile_rows; tr >= 2; tr /= 2) {
      for (int tc = t.local_tile_cols; tc >= 2; tc /= 2) {
        LocalTile l{rows, cols, tr, tc, t.k_chunk, t.local_vector, t.local_double_buffer};
        if (!l.loads_split_evenly() || l.local_memory_bytes() > target.local_memory_bytes) continue;
        if (std::find(out.begin(), out.end(), l) == out.end()) out.push_back(l);
      }
    }
  }
  return out;
}

double local_tile_cost(const GemmShape& g, const LocalTile& l, const TargetInfo& target) {
  const std::int64_t groups = g.blocks(l.block_rows(), l.block_cols());
  const auto units = static_cast<std::int64_t>(target.compute_units);
  // The busiest compute unit's share, whole blocks (partial ones cost as much as whole ones).
  double cost = static_cast<double>((groups + units - 1) / units) *
                static_cast<double>(l.block_rows()) * static_cast<double>(l.block_cols());
  const auto wg = static_cast<std::size_t>(l.rows * l.cols);
  if (wg >= kLargeGroup) cost *= kLargeGroupCost;
  cost *= 1.0 + kThinTileCost * (1.0 / l.tile_rows + 1.0 / l.tile_cols - 0.25);
  if (l.block_rows() * l.k_chunk / (l.rows * l.cols) > kMaxRowSlots) cost *= kManySlotsCost;
  return cost;
}

std::optional<KernelPlan> choose_local_plan(const GemmShape& g, const TargetInfo& target) {
  if (g.rows < 32 || g.cols < 32 || g.k < 16) return std::nullopt;
  std::optional<KernelPlan> best;
  double best_cost = 0;
  // Ties go to the earlier candidate: the profile's shape, larger tiles first.
  for (const LocalTile& l : local_tile_candidates(target)) {
    const double cost = local_tile_cost(g, l, target);
    if (best && cost >= best_cost) continue;
    KernelPlan p;
    p.local = l;
    p.work_group_size = static_cast<std::size_t>(l.rows * l.cols);
    best = p;
    best_cost = cost;
  }
  return best;
}

}  // namespace tartan
