// What the harness runs, whichever frontend made it: the program at the benchmark's batch size,
// its inputs, and how to check one example against the reference executor.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "tartan/ir/program.h"
#include "tartan/reference/host_tensor.h"
#include "validation.h"

namespace tartan::bench {

struct Workload {
  std::string kind;                // "keras", "tile"
  std::string name;                // "mobilenet", or the tile file
  Program program;                 // at the benchmark's batch size
  std::vector<HostTensor> inputs;  // in program input order, one whole batch
  int batch = 1;
  std::int64_t parameters = 0;
  double flops_per_example = 0;  // the frontend's figure (for networks: the usual GFLOP count)

  // The reference executor's outputs for the first example of the batch (networks are built at
  // batch 1 for it, which keeps it affordable); compared with the first example of the device's
  // outputs. Empty when the frontend has no reference.
  std::function<std::vector<HostTensor>()> reference_first_example;
  AbsoluteTolerance atol = AbsoluteTolerance::kFixed;  // see validation.h
  double rtol_value = kRelativeTolerance;
  double atol_value = kAbsoluteTolerance;  // with kOutputScale: the floor
  bool half = false;                       // to_half() ran
};

// A program with fixed shapes (tile, ops): random inputs (seed 1), each run one example, and
// the reference executor on the same inputs. Throws Error when options.batch_size is not 1.
Workload fixed_program_workload(std::string kind, std::string name, Program program,
                                int batch_size);

// --fp16: the program in half precision (to_float16) and its float inputs rounded to half. The
// reference stays the float32 program's, checked at half precision's tolerances.
void to_half(Workload& w);

// The first `count` leading-dimension slices of `t` (t.shape[0] >= count).
HostTensor leading_slice(const HostTensor& t, std::int64_t count);

}  // namespace tartan::bench
