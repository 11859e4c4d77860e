// Small C-printing helpers shared by the kernel writers: affine expressions, conjunctions,
// flat offsets. Dialect-specific text stays in opencl_dialect.h.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "tartan/ir/affine.h"

namespace tartan::cexpr {

// The numerator of an affine expression as C text over the given variable names.
std::string numerator(const Affine& a, const std::vector<std::string>& names);

// `parts` joined by " && ", skipping empty ones; "" when all are empty (meaning true).
std::string all_of(const std::vector<std::string>& parts);

// sum(terms[d] * strides[d]) with unit strides and zero terms left out; "0" when empty.
std::string flat_offset(const std::vector<std::string>& terms,
                        const std::vector<std::int64_t>& strides);

// Whether 0 <= e < bound holds for every assignment inside `box` (inclusive [lo, hi] per
// variable): such a check can never fail and is left out.
bool always_in_range(const Affine& e, std::int64_t bound,
                     const std::vector<std::pair<std::int64_t, std::int64_t>>& box);

}  // namespace tartan::cexpr
