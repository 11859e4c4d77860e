// A generated OpenCL kernel: its source and everything needed to launch it.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "tartan/ir/ops.h"

namespace tartan {

struct KernelSource {
  // OpenCL function name. Identical kernels (same code, other tensors) share one function, so
  // compile() names each by a hash of its code.
  std::string name;
  std::string comment;    // the tile statements it implements and its arguments, as `//` lines
  std::string code;       // the OpenCL C function, named by kNamePlaceholder until named
  std::string statement;  // the tile statement of the root op (profiles, logs)
  static constexpr const char* kNamePlaceholder = "TARTAN_KERNEL_NAME";
  // The tensors it reads and writes; args[0] is the output. Each takes two OpenCL arguments,
  // a buffer and an element offset (opencl::buffer_param).
  std::vector<TensorId> args;
  // Per argument: 0, or the panel width of a constant read packed (schedule/packing.h), whose
  // buffer then holds pack_panels(data, shape, width) instead of the tensor's own layout.
  std::vector<int> panels;
  int work_dims = 1;
  std::array<std::size_t, 3> global_size{1, 1, 1};
  std::array<std::size_t, 3> local_size{0, 0, 0};  // 0: let the driver choose
  // The kernel requires exactly local_size (a local-memory plan's 2-D work-group): the launch
  // must not shrink it.
  bool exact_local_size = false;
  double flops = 0;  // arithmetic operations per launch (a multiply-add counts 2)
  double bytes = 0;  // bytes read and written per launch (each tensor once)
};

}  // namespace tartan
