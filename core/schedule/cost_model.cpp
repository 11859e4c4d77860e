#include "tartan/schedule/cost_model.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>

#include "schedule/local_plan.h"
#include "tartan/ir/bounds.h"
#include "tartan/schedule/device_profile.h"
#include "tartan/schedule/gemm_shape.h"
#include "tartan/schedule/packing.h"
#include "tartan/schedule/tiling.h"
#include "tartan/schedule/transform_shape.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

// Group reductions: items reading neighbouring floats that fill one 32-byte memory sector; the
// largest work-group; the work-groups per compute unit they aim for; the shortest reduction
// worth splitting, and the fewest assignments per share.
constexpr std::int64_t kWarpReads = 8;
constexpr std::int64_t kMinRun = 32;  // a contiguous reduction run worth a warp's items
constexpr std::int64_t kReduceGroup = 256;
constexpr std::int64_t kGroupsPerUnit = 4;
constexpr std::int64_t kMinSplitReduction = 32;
constexpr std::int64_t kMinShare = 4;
// Local block shapes from the block search that the tuner measures, best rated first.
constexpr std::size_t kSearchCandidates = 6;

// What the cost model knows about a contraction kernel: for each tileable output dimension,
// which inputs do not use its variable (and are therefore reused across a tile along it), and
// the trip count of the innermost reduction loop.
struct ContractionShape {
  std::vector<int> dims;                  // tileable output dimensions
  std::vector<std::vector<bool>> reused;  // [k][input]: input k-th dim's tile reuses it
  std::int64_t reduction = 1;             // assignments per output element
  std::int64_t inner_trip = 1;            // innermost reduction loop's range
};

ContractionShape analyse(const Program& program, const KernelGroup& group, const Contraction& c) {
  ContractionShape s;
  s.dims = tileable_dims(program, group);
  for (int d : s.dims) {
    const int v = c.output_indices[static_cast<std::size_t>(d)].terms()[0].first;
    std::vector<bool> r;
    for (const Access& a : c.inputs) {
      bool uses = false;
      for (const Affine& e : a.indices) uses = uses || e.coeff(v) != 0;
      r.push_back(!uses && program.tensor(a.tensor).kind != TensorKind::kLiteral);
    }
    s.reused.push_back(r);
  }
  const std::vector<IndexRange> ranges = derive_index_ranges(program, c);
  for (int v : reduction_vars(program, c)) {
    s.reduction *= ranges[static_cast<std::size_t>(v)].size();
    // Loops run in variable order: the last is innermost.
    s.inner_trip = ranges[static_cast<std::size_t>(v)].size();
  }
  return s;
}

bool any(const std::vector<bool>& v) { return std::find(v.begin(), v.end(), true) != v.end(); }

std::int64_t work_items(const Shape& out, const KernelPlan& plan) {
  Shape grid = out;
  for (const TileDim& t : plan.tile) {
    if (t.dim >= 0) {
      auto& g = grid[static_cast<std::size_t>(t.dim)];
      g = (g + t.size - 1) / t.size;
    }
  }
  return num_elements(grid);
}

std::size_t default_work_group(const TargetInfo& target) {
  // The profile's work-group size, as a power of two the device allows: GPUs want a few warps
  // per group, CPU implementations (which loop over a work-group, vectorising across
  // work-items) enough work per group.
  const auto want = static_cast<std::size_t>(std::max(1, target.tuning.work_group_size));
  std::size_t wg = 1;
  while (wg * 2 <= std::min(want, target.max_work_group_size)) wg *= 2;
  return wg;
}

// Powers of two from `largest` down to 2, the candidates of a register tile size.
std::vector<int> halvings(int largest) {
  std::vector<int> sizes;
  // Built largest first: with vector::insert at the front, g++ 13 at -O3 reported a false
  // out-of-bounds memmove here (-Warray-bounds, an error with -Werror).
  int top = 1;
  while (top * 2 <= largest) top *= 2;
  for (int s = top; s >= 2; s /= 2) sizes.push_back(s);
  return sizes;
}

// Every size from `largest` down to 2: a CPU's row tile is a count of vector accumulators, so
// any size fits, and one that divides the extent (7 for 7, 14, 28 spatial columns) has no
// partial tiles.
std::vector<int> countdown(int largest) {
  std::vector<int> sizes;
  for (int s = largest; s >= 2; --s) sizes.push_back(s);
  return sizes;
}

// The largest of `sizes` (descending) that divides `extent`, else the largest not above it:
// a dividing tile has no partial tiles, so no edge predicates at all.
int pick_size(std::int64_t extent, const std::vector<int>& sizes) {
  for (int s : sizes) {
    if (s <= extent && extent % s == 0) return s;
  }
  for (int s : sizes) {
    if (s <= extent) return s;
  }
  return 1;
}

// Whether every input using output dimension d's variable reads it contiguously (unit
// stride, no denominator): a tile along d is then one vector load per input and tile row.
bool contiguous_along(const Program& program, const Contraction& c, int d) {
  const int v = c.output_indices[static_cast<std::size_t>(d)].terms()[0].first;
  bool any_use = false;
  for (const Access& a : c.inputs) {
    const TensorInfo& t = program.tensor(a.tensor);
    if (t.kind == TensorKind::kLiteral) continue;
    const std::vector<std::int64_t> strides = row_major_strides(t.shape);
    std::int64_t step = 0;
    bool uses = false;
    for (std::size_t k = 0; k < a.indices.size(); ++k) {
      if (a.indices[k].coeff(v) == 0) continue;
      if (a.indices[k].denom() != 1) return false;
      uses = true;
      step += a.indices[k].coeff(v) * strides[k];
    }
    if (uses && step != 1) return false;
    any_use = any_use || uses;
  }
  return any_use;
}

// Work-groups of a local plan: its output blocks.
std::int64_t local_groups(const GemmShape& g, const LocalTile& l) {
  return g.blocks(l.block_rows(), l.block_cols());
}

// Halves the larger register tile dimension (columns on a tie) while the blocks leave compute
// units idle and the tile has more than `floor` elements.
void shrink_tile(const GemmShape& g, const TargetInfo& target, int floor, LocalTile& l) {
  while (local_groups(g, l) < static_cast<std::int64_t>(target.compute_units) &&
         l.tile_rows * l.tile_cols > floor) {
    int& shrink = l.tile_cols >= l.tile_rows ? l.tile_cols : l.tile_rows;
    shrink /= 2;
  }
}

// Whether the device can run the local plan: its __local memory, its work-group size, and its
// blocks split evenly into the group's cooperative loads.
bool local_plan_runs(const KernelPlan& p, const TargetInfo& target) {
  const LocalTile& l = p.local;
  return l.local_memory_bytes() <= target.local_memory_bytes &&
         p.work_group_size <= target.max_work_group_size && l.k_chunk % l.k_split == 0 &&
         l.loads_split_evenly();
}

// Split-K inside the work-group (LocalTile::k_split) for GEMMs whose output blocks are fewer
// than the compute units and whose reduction is long (MobileNet's 1x1 convolutions at 7x7 and
// 14x14 at batch 1, a dense layer at a small batch): the register tile shrinks only to 4x4
// (float4 __local reads, 2 bytes of __local reads per multiply-add: the 1x1 tile that shrinking
// alone reaches reads 8, and with blocks of 16 rows it computes 64 rows for 49), then each
// step halves the item grid along one side (twice the blocks) and doubles the slices (the same
// work-group size), until the blocks fill the compute units, the profile's most slices are
// reached, or a slice would get fewer than kMinSliceK reduction positions. Each slice keeps
// the profile's K chunk per stage where __local memory allows.
constexpr int kSplitTile = 16;
constexpr std::int64_t kMinSliceK = 64;

std::optional<KernelPlan> split_local_plan(KernelPlan p, const GemmShape& g,
                                           const TargetInfo& target, int most) {
  LocalTile& l = p.local;
  const auto cu = static_cast<std::int64_t>(target.compute_units);
  shrink_tile(g, target, kSplitTile, l);
  while (local_groups(g, l) < cu && l.k_split * 2 <= most && g.k >= kMinSliceK * l.k_split * 2 &&
         l.rows * l.cols > 1) {
    // Halve the side that gives more blocks (the other may only add rows past the problem's
    // edge), on a tie the one with the longer block (squarer blocks read less), then columns.
    LocalTile by_rows = l, by_cols = l;
    by_rows.rows /= 2;
    by_cols.cols /= 2;
    const std::int64_t gr = l.rows > 1 ? local_groups(g, by_rows) : 0;
    const std::int64_t gc = l.cols > 1 ? local_groups(g, by_cols) : 0;
    const bool rows = gr > gc || (gr == gc && l.block_rows() > l.block_cols());
    l = rows ? by_rows : by_cols;
    l.k_split *= 2;
  }
  if (l.k_split == 1) return std::nullopt;
  l.k_chunk *= l.k_split;
  while (l.local_memory_bytes() > target.local_memory_bytes && l.k_chunk > l.k_split) {
    l.k_chunk /= 2;
  }
  p.work_group_size = static_cast<std::size_t>(l.items());
  if (!local_plan_runs(p, target)) return std::nullopt;
  return p;
}

// The local-memory GEMM plan: split along K (split_local_plan) where the profile allows it, the
// profile's blocks leave compute units idle and the reduction is long (1.2-2.6x over either
// shape rule on the H200: MobileNet's batch-1 pointwise convolutions, VGG16's fc1 at batch 64,
// perf-notes S4-smallm); else, with the profile's block search, the cheapest of its variants
// (schedule/local_plan.h); else the profile's shape, its register tile shrunk (columns first)
// until the blocks do not overshoot the problem and there is a work-group per compute unit.
// nullopt when the kernel is too small to pay for staging or the device lacks the local memory.
// `most_split` overrides the profile's local_max_k_split (the tuner's candidates).
std::optional<KernelPlan> local_plan(const GemmShape& g, const TargetInfo& target,
                                     std::optional<int> most_split = std::nullopt) {
  const Tuning& t = target.tuning;
  const bool search = local_block_search_applies(g, target);
  const bool large_enough = g.rows >= 32 && g.cols >= 32 && g.k >= 16;
  if (!search && !large_enough) return std::nullopt;
  KernelPlan p;
  p.local = {t.local_group_rows, t.local_group_cols, t.local_tile_rows,    t.local_tile_cols,
             t.k_chunk,          t.local_vector,     t.local_double_buffer};
  p.work_group_size = static_cast<std::size_t>(p.local.rows * p.local.cols);
  const bool profile_group_runs = p.work_group_size <= target.max_work_group_size;
  LocalTile& l = p.local;
  while (l.tile_cols > 1 && l.block_cols() / 2 >= g.cols) l.tile_cols /= 2;
  while (l.tile_rows > 1 && l.block_rows() / 2 >= g.rows) l.tile_rows /= 2;
  if (large_enough && profile_group_runs) {
    if (const std::optional<KernelPlan> s =
            split_local_plan(p, g, target, most_split.value_or(t.local_max_k_split))) {
      return s;
    }
  }
  if (search) return choose_local_plan(g, target);
  if (!profile_group_runs) return std::nullopt;
  shrink_tile(g, target, 1, l);
  if (!local_plan_runs(p, target)) return std::nullopt;
  return p;
}

std::int64_t pow2_at_least(std::int64_t n) {
  std::int64_t p = 1;
  while (p < n) p *= 2;
  return p;
}

// Where a group reduction splits the reduction and how its work-items line up: the reduction
// variable that the largest input reads contiguously (threads inner: neighbouring items read
// neighbouring elements), else the longest one (outputs inner: neighbouring items take
// neighbouring outputs, which a dense layer's weights hold contiguously).
struct ReduceLayout {
  int var = -1;
  std::int64_t range = 0;  // of var
  bool threads_inner = false;
};

std::optional<ReduceLayout> reduce_layout(const Program& program, const Contraction& c) {
  const std::vector<int> vars = reduction_vars(program, c);
  if (vars.empty()) return std::nullopt;
  const std::vector<IndexRange> ranges = derive_index_ranges(program, c);
  const Access* major = nullptr;
  for (const Access& a : c.inputs) {
    const TensorInfo& t = program.tensor(a.tensor);
    if (t.kind != TensorKind::kLiteral &&
        (major == nullptr ||
         num_elements(t.shape) > num_elements(program.tensor(major->tensor).shape))) {
      major = &a;
    }
  }
  ReduceLayout l;
  for (int v : vars) {
    const std::int64_t r = ranges[static_cast<std::size_t>(v)].size();
    if (r >= l.range) l = {v, r, false};
  }
  if (major == nullptr) return l;
  const std::vector<std::int64_t> strides = row_major_strides(program.tensor(major->tensor).shape);
  for (int v : vars) {
    std::int64_t step = 0;
    bool whole = true;
    for (std::size_t d = 0; d < major->indices.size(); ++d) {
      step += major->indices[d].coeff(v) * strides[d];
      whole = whole && (major->indices[d].coeff(v) == 0 || major->indices[d].denom() == 1);
    }
    const std::int64_t r = ranges[static_cast<std::size_t>(v)].size();
    if (whole && step == 1 && r >= kMinRun) return ReduceLayout{v, r, true};
  }
  return l;
}

// A group-reduction plan of `threads` items per output (clamped to what the layout allows) in
// work-groups of at most `group` items.
std::optional<KernelPlan> group_plan(const ReduceLayout& l, std::int64_t threads,
                                     std::int64_t total, std::int64_t group) {
  // Outputs inner: at least kWarpReads outputs per group keep a warp's reads in whole 32-byte
  // sectors, unless the kernel has fewer outputs.
  const std::int64_t min_outputs = l.threads_inner ? 1 : std::min(kWarpReads, pow2_at_least(total));
  threads = std::min({threads, group / min_outputs, pow2_at_least(l.range)});
  if (threads < 2) return std::nullopt;
  KernelPlan p;
  p.reduce = {l.var, static_cast<int>(threads),
              static_cast<int>(std::min(group / threads, pow2_at_least(total))), l.threads_inner};
  p.work_group_size = static_cast<std::size_t>(p.reduce.threads * p.reduce.outputs);
  return p;
}

// The largest power-of-two work-group a group reduction takes.
std::int64_t reduce_group_size(const TargetInfo& target) {
  std::int64_t wg = 1;
  while (wg * 2 <= std::min<std::int64_t>(kReduceGroup,
                                          static_cast<std::int64_t>(target.max_work_group_size))) {
    wg *= 2;
  }
  return wg;
}

// When one work-item per output leaves the device short of work (fewer outputs than a few
// work-groups per compute unit) and each output's reduction is long, its reduction is split
// over enough work-items per output to give each compute unit kGroupsPerUnit work-groups.
std::optional<KernelPlan> group_reduce_plan(const Program& program, const Contraction& c,
                                            const ContractionShape& s, std::int64_t total,
                                            const TargetInfo& target) {
  const auto want =
      static_cast<std::int64_t>(target.compute_units * default_work_group(target)) * kGroupsPerUnit;
  // Not on CPUs: PoCL runs a work-group's items in one thread, so splitting an output's
  // reduction over them adds the tree and gains no parallelism (measured 2-10x slower for
  // GEMVs on PoCL 3.1; results/perf-notes.md).
  if (target.is_cpu || s.reduction < kMinSplitReduction || total * 2 > want) return std::nullopt;
  const std::optional<ReduceLayout> l = reduce_layout(program, c);
  if (!l) return std::nullopt;
  // At most the power of two of items that leaves each at least kMinShare assignments.
  const std::int64_t most = pow2_at_least(s.reduction / kMinShare + 1) / 2;
  std::optional<KernelPlan> p =
      group_plan(*l, std::min(pow2_at_least((want + total - 1) / total), most), total,
                 reduce_group_size(target));
  // Unrolling a long innermost split loop keeps several independent loads in flight per item,
  // what a bandwidth-bound GEMV needs.
  if (p && l->var == reduction_vars(program, c).back() && l->range / p->reduce.threads >= 16)
    p->unroll = 4;
  return p;
}

}  // namespace

TargetInfo target_info(const runtime::DeviceInfo& device, const Tuning& tuning) {
  TargetInfo t;
  t.tuning = tuning;
  t.max_work_group_size = std::max<std::size_t>(1, device.max_work_group_size);
  t.local_memory_bytes = device.local_mem_bytes;
  t.compute_units = std::max<std::size_t>(1, device.compute_units);
  t.preferred_vector_width = std::max<std::size_t>(1, device.preferred_vector_width_float);
  t.is_cpu = device.type == runtime::DeviceType::kCpu;
  t.has_fp16 = device.fp16;
  return t;
}

TargetInfo target_info_with_profile(const runtime::DeviceInfo& device, std::string* matched) {
  try {
    const ProfileSet profiles = load_profiles();
    const ProfileMatch match = match_profile(profiles, device);
    if (matched != nullptr) *matched = match.reason;
    return target_info(device, match.profile->tuning);
  } catch (const Error& e) {
    spdlog::warn("no device profile for the cost model ({}); using built-in defaults", e.what());
    if (matched != nullptr) *matched = "none (built-in defaults)";
    return target_info(device);
  }
}

KernelPlan choose_plan(const LoweredProgram& lowered, const KernelGroup& group,
                       const TargetInfo& target) {
  KernelPlan plan;
  plan.work_group_size = default_work_group(target);
  const Program& program = lowered.program;
  if (group.softmax) {  // a work-item per row (codegen/softmax_kernel.h), no more than the rows
    const Shape& out = program.tensor(group.output).shape;
    const std::int64_t rows = num_elements(out) / out.back();
    plan.work_group_size = static_cast<std::size_t>(
        std::min<std::int64_t>(static_cast<std::int64_t>(plan.work_group_size), rows));
    return plan;
  }
  const auto* c = std::get_if<Contraction>(&program.ops()[group.ops.front()]);
  // Elementwise kernels and small reductions are bound by memory traffic, which one element
  // per work-item already streams at full speed (consecutive work-items touch consecutive
  // elements: coalesced on GPUs, vectorised across work-items on CPUs). A register tile only
  // pays where it saves loads: when an input is reused across the tile.
  if (c == nullptr) return plan;
  // Small constant transforms (Winograd's): one tile per work-item, each input read once.
  if (target.tuning.transform_plan && transform_shape(program, group)) {
    plan.transform = true;
    return plan;
  }
  // GEMM-like kernels where the profile says staging through local memory pays (GPUs; not
  // PoCL, whose local memory is ordinary cache and whose register tiles vectorise instead).
  if (target.tuning.local_memory_tiling && !target.is_cpu) {
    if (const std::optional<GemmShape> g = gemm_shape(program, group)) {
      if (const std::optional<KernelPlan> p = local_plan(*g, target)) return *p;
    }
  }
  const ContractionShape s = analyse(program, group, *c);
  const Shape& out = program.tensor(group.output).shape;
  if (const std::optional<KernelPlan> p =
          group_reduce_plan(program, *c, s, num_elements(out), target)) {
    return *p;
  }
  if (s.reduction < 4 || s.dims.empty()) return plan;

  // Tile 0: the innermost output dimension (channels in NHWC, columns of a matrix) when an
  // input does not depend on it: one load of that input (an activation) then feeds TM outputs,
  // and the other input's TM values are contiguous, one vector load. On a CPU the tile along
  // the contiguous dimension is wider: it becomes the explicit SIMD width (PoCL's
  // across-work-item vectoriser cannot vectorise strided accesses of neighbouring tiles).
  const int last = static_cast<int>(out.size()) - 1;
  int k0 = -1;
  for (std::size_t k = 0; k < s.dims.size(); ++k) {
    if (s.dims[k] == last && any(s.reused[k])) k0 = static_cast<int>(k);
  }
  // Tile 1: the innermost other dimension that reuses a different input (the weights, along a
  // spatial dimension or a matrix row), so each weight load also feeds TN outputs.
  int k1 = -1;
  for (std::size_t k = 0; k < s.dims.size(); ++k) {
    if (static_cast<int>(k) == k0 || !any(s.reused[k])) continue;
    bool other = k0 < 0;
    for (std::size_t i = 0; k0 >= 0 && i < s.reused[k].size(); ++i) {
      other = other || (s.reused[k][i] && !s.reused[static_cast<std::size_t>(k0)][i]);
    }
    if (other) k1 = static_cast<int>(k);  // the last such is the innermost
  }
  // Without reuse along it, the innermost dimension still takes a tile of the profile's vector
  // width where every input reads it contiguously (a depthwise convolution's or a pooling's
  // channels): each load is then one vector load, consecutive work-items reading consecutive
  // vectors, which is what a bandwidth-bound stencil needs.
  bool vector_only = false;
  if (k0 < 0 && target.tuning.vector_width > 1) {
    for (std::size_t k = 0; k < s.dims.size(); ++k) {
      if (s.dims[k] == last && contiguous_along(program, *c, last)) {
        k0 = static_cast<int>(k);
        vector_only = true;
      }
    }
  }
  const Tuning& tuning = target.tuning;
  if (k0 >= 0) {
    const int d = s.dims[static_cast<std::size_t>(k0)];
    const int widest = vector_only ? tuning.vector_width : tuning.register_tile_cols;
    plan.tile[0] = {d, pick_size(out[static_cast<std::size_t>(d)], halvings(widest))};
  }
  if (k1 >= 0) {
    const int d = s.dims[static_cast<std::size_t>(k1)];
    const int rows = tuning.register_tile_rows;
    plan.tile[1] = {d, pick_size(out[static_cast<std::size_t>(d)],
                                 target.is_cpu ? countdown(rows) : halvings(rows))};
  }
  // Keep enough work: at least one full work-group per compute unit, shrinking the larger tile
  // until there is. Not more: a tile's independent multiply-adds already hide latency that
  // would otherwise take extra resident work-groups, and smaller tiles lose the reuse. A CPU
  // runs a group's work-items one after another on one thread, so there a few work-items per
  // core are enough, and groups shrink instead until every core gets several of them.
  const std::size_t per_unit = target.is_cpu ? 4 : plan.work_group_size;
  const auto wanted = static_cast<std::int64_t>(target.compute_units * per_unit);
  while (work_items(out, plan) < wanted && plan.tile_elements() > 1) {
    TileDim& t = plan.tile[0].size >= plan.tile[1].size ? plan.tile[0] : plan.tile[1];
    t.size /= 2;
  }
  while (target.is_cpu && plan.tile_elements() > 1 && plan.work_group_size > 1 &&
         work_items(out, plan) <
             static_cast<std::int64_t>(4 * target.compute_units * plan.work_group_size)) {
    plan.work_group_size /= 2;
  }
  for (TileDim& t : plan.tile) {
    if (t.size <= 1) t = {};
  }
  plan.vector_loads = plan.tile[0].size > 1;
  // On CPUs, where the inputs that tile 0 selects (a convolution's weights) outweigh the others
  // (its activations: deep layers), consecutive work-items share tile 0's position, so the
  // weight panel they all stream stays in cache (2x on ResNet50's 7x7x512 3x3 convolution).
  if (target.is_cpu && plan.tile[0].size > 1) {
    const int v = c->output_indices[static_cast<std::size_t>(plan.tile[0].dim)].terms()[0].first;
    std::int64_t selected = 0, others = 0;
    for (const Access& a : c->inputs) {
      bool uses = false;
      for (const Affine& e : a.indices) uses = uses || e.coeff(v) != 0;
      (uses ? selected : others) += num_elements(program.tensor(a.tensor).shape);
    }
    plan.tile0_outermost = selected > others;
    // And the weights are read from panels of the tile's width: each work-item's reduction then
    // streams one contiguous panel instead of tile-wide pieces of rows a whole K apart.
    plan.pack_weights = true;
    plan.pack_weights = any_reads_packed(program, group, plan);
  }
  // Where the profile says so (CPUs), the work-items whose taps are all inside (all but the edge
  // tiles of a padded convolution) run a copy of the reduction without the per-column padding
  // predicates, which LLVM compiles into a compare and branch per column per step.
  plan.split_interior = target.tuning.split_interior && plan.tile_elements() > 1;
  // And the epilogue of vector accumulators runs on the vectors (PoCL 5's LLVM 16 leaves the
  // per-lane form scalar: a fixed cost per output, 3.6x on short-reduction pointwise convs).
  plan.vector_epilogue = target.tuning.vector_epilogue && plan.vector_loads;
  // And the loads of the innermost loop read through pointers computed in front of it (LLVM
  // recomputed every 32-bit index and kept padding guards as branches: ~1.5x on ResNet50's
  // 3x3 convolutions with PoCL 3.1).
  plan.hoist_addresses = target.tuning.hoist_addresses;
  // Unrolling the reduction lets the compiler interleave independent loads with the tile's
  // multiply-adds; pointless for short loops.
  plan.unroll = s.inner_trip >= 16 ? 4 : 1;
  return plan;
}

std::vector<KernelPlan> candidate_plans(const LoweredProgram& lowered, const KernelGroup& group,
                                        const TargetInfo& target) {
  std::vector<KernelPlan> plans;
  const auto add = [&](const KernelPlan& p) {
    if (plan_fits(p, lowered.program, group) &&
        std::find(plans.begin(), plans.end(), p) == plans.end()) {
      plans.push_back(p);
    }
  };
  KernelPlan plain;
  plain.work_group_size = default_work_group(target);
  add(plain);
  const KernelPlan chosen = choose_plan(lowered, group, target);
  add(chosen);
  if (chosen.pack_weights) {  // and the same without packed weights
    KernelPlan p = chosen;
    p.pack_weights = false;
    add(p);
  }
  if (chosen.split_interior) {  // and with one guarded copy of the reduction
    KernelPlan p = chosen;
    p.split_interior = false;
    add(p);
  }
  if (group.softmax ||
      !std::holds_alternative<Contraction>(lowered.program.ops()[group.ops.front()])) {
    return plans;
  }
  // Around the chosen tile dimensions (or the last two tileable ones): sizes 2..16 along the
  // first, 1..4 along the second, and the chosen plan with other work-group sizes.
  // Group reductions of 8, 32 and 128 items per output (clamped to the split loop); not
  // on CPUs, where they only add the tree (see group_reduce_plan).
  const auto& c = std::get<Contraction>(lowered.program.ops()[group.ops.front()]);
  const std::optional<ReduceLayout> l =
      target.is_cpu ? std::nullopt : reduce_layout(lowered.program, c);
  if (l) {
    const std::int64_t total = num_elements(lowered.program.tensor(group.output).shape);
    for (std::int64_t threads : {8, 32, 128}) {
      if (const std::optional<KernelPlan> p =
              group_plan(*l, threads, total, reduce_group_size(target))) {
        add(*p);
      }
    }
  }
  std::vector<int> dims = tileable_dims(lowered.program, group);
  const KernelPlan base = chosen.uses_local_memory() || chosen.uses_group_reduce() ? plain : chosen;
  int d0 = base.tile[0].dim, d1 = base.tile[1].dim;
  if (d0 < 0 && !dims.empty()) d0 = dims.back();
  if (d1 < 0 && dims.size() > 1) d1 = dims[dims.size() - 2];
  if (d0 < 0) return plans;
  for (int t0 : {2, 4, 8, 16}) {
    for (int t1 : {1, 2, 4}) {
      if (t1 > 1 && d1 < 0) continue;
      if (t0 * t1 > 64) continue;  // beyond this, accumulators spill out of registers
      KernelPlan p = base;
      p.tile[0] = {d0, t0};
      p.tile[1] = t1 > 1 ? TileDim{d1, t1} : TileDim{};
      p.vector_loads = true;
      add(p);
    }
  }
  for (std::size_t wg : {std::size_t{32}, std::size_t{64}, std::size_t{256}}) {
    if (wg > target.max_work_group_size) continue;
    KernelPlan p = base;
    p.work_group_size = wg;
    add(p);
  }
  // Local-memory GEMM plans around the profile's shape, on devices with real local memory.
  const std::optional<GemmShape> g = gemm_shape(lowered.program, group);
  if (!target.is_cpu && g) {
    const Tuning& t = target.tuning;
    // The cost model's plan with 2 to 16 slices of the reduction, double-buffered or not.
    for (int most : {2, 4, 8, 16}) {
      if (const std::optional<KernelPlan> p = local_plan(*g, target, most)) {
        add(*p);
        KernelPlan single = *p;
        single.local.double_buffer = !single.local.double_buffer;
        if (local_plan_runs(single, target)) add(single);
      }
    }
    // The profile's vector width and buffering, and the plain variant of each shape.
    for (const bool tuned : {true, false}) {
      if (!tuned && t.local_vector == 1 && !t.local_double_buffer) continue;
      for (int tr : {4, 8}) {
        for (int tc : {4, 8}) {
          for (int kc : {16, 32}) {
            KernelPlan p;
            p.local = {t.local_group_rows,
                       t.local_group_cols,
                       tr,
                       tc,
                       kc,
                       tuned ? t.local_vector : 1,
                       tuned && t.local_double_buffer};
            p.work_group_size = static_cast<std::size_t>(p.local.rows * p.local.cols);
            if (p.work_group_size <= target.max_work_group_size &&
                p.local.local_memory_bytes() <= target.local_memory_bytes) {
              add(p);
            }
          }
        }
      }
    }
    // With the block search, the shapes it rates best (all of them would double the tuning).
    if (t.local_block_search) {
      const GemmShape g = *gemm_shape(lowered.program, group);
      std::vector<std::pair<double, LocalTile>> rated;
      for (const LocalTile& l : local_tile_candidates(target)) {
        rated.emplace_back(local_tile_cost(g, l, target), l);
      }
      std::stable_sort(rated.begin(), rated.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      for (std::size_t i = 0; i < std::min<std::size_t>(rated.size(), kSearchCandidates); ++i) {
        KernelPlan p;
        p.local = rated[i].second;
        p.work_group_size = static_cast<std::size_t>(p.local.rows * p.local.cols);
        add(p);
      }
    }
  }
  return plans;
}

}  // namespace tartan
