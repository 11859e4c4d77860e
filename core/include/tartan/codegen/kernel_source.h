// A generated OpenCL kernel: its source and everything needed to launch it.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "tartan/ir/ops.h"

namespace tartan {

struct KernelSource {
  std::string name;    // OpenCL function name, unique within a compiled program
  std::string source;  // OpenCL C, with a header comment naming the statements it implements
  std::vector<TensorId> args;  // one __global buffer per argument; args[0] is the output
  int work_dims = 1;
  std::array<std::size_t, 3> global_size{1, 1, 1};
  std::array<std::size_t, 3> local_size{0, 0, 0};  // 0: let the driver choose
  double flops = 0;  // arithmetic operations per launch (a multiply-add counts 2)
  double bytes = 0;  // bytes read and written per launch (each tensor once)
};

}  // namespace tartan
