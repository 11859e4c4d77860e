// Sema for the integer sub-languages of a contraction: dimension expressions (sizes, bounds)
// and affine index expressions.
//
// All arithmetic is checked. Sizes and affine coefficients stay far below the int64 range so
// that the bounds derivation (which multiplies coefficients by sizes) cannot overflow either;
// anything larger is a clean Error at the expression.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lang/ast.h"
#include "tartan/ir/affine.h"
#include "tartan/ir/ops.h"

namespace tartan {

// Largest dimension size and largest |coefficient|, |constant|, denominator of an index.
inline constexpr std::int64_t kMaxDimSize = std::int64_t{1} << 30;
inline constexpr std::int64_t kMaxAffineMagnitude = std::int64_t{1} << 30;

// Resolves an Uppercase name in an integer expression to its size (throws when it is not a
// dimension).
using DimLookup = std::function<std::int64_t(const ast::Name&)>;

// Integer arithmetic `+ - * /` (floor division) and unary minus over literals and dimensions.
std::int64_t eval_dim_expr(const ast::Expr& e, const DimLookup& dims);

// A size or bound: a dimension expression that must lie in [1, kMaxDimSize]; `what` names it.
std::int64_t eval_size(const ast::Expr& e, const DimLookup& dims, const std::string& what);

// The index variables of one contraction, numbered in order of first appearance.
class IndexScope {
 public:
  int var(const std::string& name);  // finds or adds
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
};

// Numbers a contraction's index variables in order of first appearance in its canonical text
// (output indices, inputs, constraints; within one expression by number) and drops those that
// cancel out everywhere (`b - b`), so that printed text reads back with the same numbering.
// For source without cancellations this is the numbering IndexScope gave.
void number_indices_by_first_use(Contraction* c);

// An affine index expression over the scope's variables (added as they appear) and dimension
// constants. Division is rational (fractional values are skipped at run time) unless both
// sides are free of index variables, where it is floor division of sizes.
Affine eval_affine(const ast::Expr& e, const DimLookup& dims, IndexScope* scope);

// True when `name` is an index variable name: lowercase first after leading underscores.
bool is_index_name(const std::string& name);

}  // namespace tartan
