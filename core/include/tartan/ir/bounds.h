// The iteration space of a contraction.
//
// Every index variable's range is derived from all accesses (output included) and constraints:
// the rational polyhedron {x : 0 <= access_d(x) < size_d, 0 <= constraint(x) < bound} is
// projected onto each variable by Fourier-Motzkin elimination and rounded inwards. The box
// may be larger than the integer points that satisfy everything; executors still test each
// point, and so skip fractional solutions.
#pragma once

#include <cstdint>
#include <vector>

#include "tartan/ir/program.h"

namespace tartan {

struct IndexRange {
  std::int64_t lo = 0;  // inclusive
  std::int64_t hi = 0;  // exclusive
  std::int64_t size() const { return hi - lo; }
};

// Throws Error for an index with no bound, or when the space is empty.
std::vector<IndexRange> derive_index_ranges(const Program& program, const Contraction& c);

// True when the assignment keeps every access in bounds, meets every constraint and makes
// no index fractional. Writes the output element's flat offset.
bool assignment_valid(const Program& program, const Contraction& c,
                      const std::vector<std::int64_t>& index_values, std::int64_t* out_offset);

}  // namespace tartan
