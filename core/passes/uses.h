// Who reads each tensor: the def-use information most passes need.
#pragma once

#include <cstddef>
#include <vector>

#include "tartan/ir/program.h"

namespace tartan {

struct Uses {
  std::vector<std::vector<std::size_t>> readers;  // per tensor: indices of reading ops, ascending
  std::vector<bool> is_output;                    // per tensor: a program output

  // True when `t` is read by op `op` alone and is not a program output.
  bool only_read_by(TensorId t, std::size_t op) const {
    const auto& r = readers[static_cast<std::size_t>(t)];
    return !is_output[static_cast<std::size_t>(t)] && r.size() == 1 && r[0] == op;
  }
};

Uses find_uses(const Program& program);

}  // namespace tartan
