// Small C-printing helpers shared by the kernel writers: affine expressions, conjunctions,
// flat offsets. Dialect-specific text stays in opencl_dialect.h.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "codegen/kir/expr.h"
#include "tartan/ir/affine.h"

namespace tartan::cexpr {

// The numerator of an affine expression over the given variable names: (a + 2 * b - 3).
kir::Expr numerator_expr(const Affine& a, const std::vector<std::string>& names);
std::string numerator(const Affine& a, const std::vector<std::string>& names);  // printed

// `parts` joined by &&, skipping null ones; null when all are (meaning true).
kir::Expr all_of(const std::vector<kir::Expr>& parts);
// The same over C text, skipping empty parts; "" when all are empty.
std::string all_of(const std::vector<std::string>& parts);

// 0 <= e < bound.
kir::Expr in_range(const kir::Expr& e, std::int64_t bound);

// sum(terms[d] * strides[d]) with unit strides and zero terms (0 or the text "0") left out; 0
// when empty.
kir::Expr flat_offset(const std::vector<kir::Expr>& terms,
                      const std::vector<std::int64_t>& strides);
// The same over terms given as C text, printed.
std::string flat_offset(const std::vector<std::string>& terms,
                        const std::vector<std::int64_t>& strides);

// Whether 0 <= e < bound holds for every assignment inside `box` (inclusive [lo, hi] per
// variable): such a check can never fail and is left out.
bool always_in_range(const Affine& e, std::int64_t bound,
                     const std::vector<std::pair<std::int64_t, std::int64_t>>& box);

}  // namespace tartan::cexpr
