// A device family's settings (configs/devices/*.yaml `tuning:`), one struct per compile stage
// that reads them: the graph passes, the scheduler and the program build. Plain data, no logic;
// below the structs, one table per stage gives each member's YAML key and the values allowed,
// and the profile reader (schedule/device_profile.cpp) and the -v log of the resolved settings
// walk those tables. A new knob is a member, a row, and a line of configs/README.md.
#pragma once

#include "tartan/support/field_table.h"

namespace tartan {

// Read by the graph passes (tartan/passes/pipeline.h PipelineOptions).
struct PassTuning {
  // Winograd F(2x2, 3x3) for 3x3 convolutions (tartan/passes/winograd.h WinogradOptions): on or
  // off, the smallest channel counts and tile count, and the FLOPs saved per extra byte of V
  // and M it must reach.
  bool winograd = false;
  int winograd_min_channels = 64;
  long long winograd_min_tiles = 1;
  double winograd_flops_per_byte = 0;
  // Whether a row-wise softmax is one kernel (tartan/passes/fuse_softmax.h) rather than four:
  // CPUs, where each launch has a fixed cost far above a batch-1 softmax's work. One
  // work-item runs a whole row, which suits a CPU thread and not a GPU.
  bool fuse_softmax = false;
};

// Read by the scheduler (cost model and tuner): the starting points of every kernel's plan.
struct ScheduleTuning {
  int work_group_size = 64;          // work-items per work-group of register-tiled plans
  int register_tile_rows = 1;        // largest register tile per work-item: rows (second tile) x
  int register_tile_cols = 1;        // columns (first tile, along the contiguous output dimension)
  bool local_memory_tiling = false;  // GEMM-like kernels stage the reduction in __local memory
  int vector_width = 1;              // 1, 2, 4, 8 or 16 floats per load/store
  // The local-memory GEMM plan (schedule/plan.h LocalTile): work-group shape, register tile
  // per work-item, reduction elements per stage.
  int local_group_rows = 16, local_group_cols = 16;
  int local_tile_rows = 4, local_tile_cols = 4;
  int k_chunk = 16;
  int local_vector = 1;              // __local read width of the local plan (1 or 4)
  bool local_double_buffer = false;  // its chunks alternate between two buffers
  // The most slices a local plan splits its reduction into (LocalTile::k_split) when its output
  // blocks are fewer than the compute units; 1: never.
  int local_max_k_split = 1;
  // Whether the cost model picks each GEMM's block shape from variants of the above
  // (schedule/local_plan.h); otherwise it only shrinks the profile's register tile.
  bool local_block_search = false;
  // Whether the cost model gives contractions with a small constant operand that fit it the
  // constant-transform plan (KernelPlan::transform: Winograd's tile transforms).
  bool transform_plan = true;
  // Whether register plans with a tile split their reduction into an unguarded interior copy
  // and a guarded one (KernelPlan::split_interior): CPUs, where a padding predicate is a
  // branch per tile column per step.
  bool split_interior = false;
  // Whether register plans with vector accumulators compute the fused elementwise epilogue on
  // whole vectors (KernelPlan::vector_epilogue): LLVM 16 (PoCL 5) does not re-vectorise the
  // per-lane scalar form.
  bool vector_epilogue = false;
  // Whether register plans address their inputs through pointers computed in front of the
  // innermost reduction loop (KernelPlan::hoist_addresses): CPUs, where LLVM otherwise
  // recomputes and sign-extends each 32-bit index every step.
  bool hoist_addresses = false;
};

// Read by the program build (compile()'s write and build stages).
struct BuildTuning {
  // Worker processes (tartan-build-worker) that build the programs missing from the kernel cache
  // beside this one, for drivers that compile one program at a time per process (NVIDIA's);
  // 0: none. CompileOptions::build_processes and TARTAN_BUILD_PROCESSES override it.
  int build_processes = 0;
  // All kernels in one OpenCL program rather than one each. PoCL serialises its LLVM compiler
  // (one lock; two threads build no faster than one), so there each extra program only adds its
  // fixed cost (linking the builtin library and the work-group functions' shared object, ~0.2 s
  // CPU each). Elsewhere a program per kernel is cached on its own (a kernel shared by two
  // networks is built once), its build log is its alone, and builds run on several threads.
  bool one_program = false;
  // Host threads that build or load programs at once; 0: one per hardware thread. Oclgrind
  // (21.10) crashes when two threads build at once, against the OpenCL spec: 1 there.
  int build_threads = 0;
  // A program's estimated build seconds on a driver that builds one program at a time per
  // process, for sharing builds among the workers: per program plus per byte of source. Fitted
  // on MobileNet b64's 25 programs built in sequence on the H200 (NVIDIA 580,
  // results/perf-notes.md S6-compile): within 0.05 s for 23 of them (1.3-35 KB, 0.04-0.64 s).
  double build_seconds_per_program = 0.029;
  double build_seconds_per_byte = 12.2e-6;
};

// All of a profile's settings. The stages derive from it, so `tuning.winograd` reads as before
// and a stage can be handed only its own part.
struct Tuning : PassTuning, ScheduleTuning, BuildTuning {};

inline constexpr Field<PassTuning> kPassTuningFields[] = {
    {"winograd", &PassTuning::winograd},
    {"winograd_min_channels", &PassTuning::winograd_min_channels, 1, 1 << 20},
    {"winograd_min_tiles", &PassTuning::winograd_min_tiles, 1, 1LL << 40},
    {"winograd_flops_per_byte", &PassTuning::winograd_flops_per_byte, 0, 1e6},
    {"fuse_softmax", &PassTuning::fuse_softmax},
};

inline constexpr int kVectorWidths[] = {1, 2, 4, 8, 16};
inline constexpr int kLocalReadWidths[] = {1, 4};
inline constexpr int kKSplits[] = {1, 2, 4, 8, 16, 32, 64};
inline constexpr Field<ScheduleTuning> kScheduleTuningFields[] = {
    {"work_group_size", &ScheduleTuning::work_group_size, 1, 4096},
    // [rows, columns]
    {"register_tile",
     &ScheduleTuning::register_tile_rows,
     1,
     64,
     {},
     {},
     &ScheduleTuning::register_tile_cols},
    {"vector_width", &ScheduleTuning::vector_width, 1, 16, kVectorWidths},
    {"local_memory_tiling", &ScheduleTuning::local_memory_tiling},
    {"local_work_group",
     &ScheduleTuning::local_group_rows,
     1,
     64,
     {},
     {},
     &ScheduleTuning::local_group_cols},
    {"local_tile",
     &ScheduleTuning::local_tile_rows,
     1,
     16,
     {},
     {},
     &ScheduleTuning::local_tile_cols},
    {"k_chunk", &ScheduleTuning::k_chunk, 1, 128},
    {"local_vector", &ScheduleTuning::local_vector, 1, 4, kLocalReadWidths},
    {"local_double_buffer", &ScheduleTuning::local_double_buffer},
    {"local_max_k_split", &ScheduleTuning::local_max_k_split, 1, 64, kKSplits},
    {"local_block_search", &ScheduleTuning::local_block_search},
    {"transform_plan", &ScheduleTuning::transform_plan},
    {"split_interior", &ScheduleTuning::split_interior},
    {"vector_epilogue", &ScheduleTuning::vector_epilogue},
    {"hoist_addresses", &ScheduleTuning::hoist_addresses},
};

inline constexpr Field<BuildTuning> kBuildTuningFields[] = {
    {"build_processes", &BuildTuning::build_processes, 0, 64},
    {"one_program", &BuildTuning::one_program},
    {"build_threads", &BuildTuning::build_threads, 0, 256},
    {"build_seconds_per_program", &BuildTuning::build_seconds_per_program, 0, 10},
    {"build_seconds_per_byte", &BuildTuning::build_seconds_per_byte, 0, 1e-3},
};

}  // namespace tartan
