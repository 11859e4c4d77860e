#include "codegen/c_expr.h"

namespace tartan::cexpr {

std::string numerator(const Affine& a, const std::vector<std::string>& names) {
  std::string s;
  for (const auto& [v, c] : a.terms()) {
    const std::string term = (c == 1 || c == -1) ? names[static_cast<std::size_t>(v)]
                                                 : std::to_string(c < 0 ? -c : c) + " * " +
                                                       names[static_cast<std::size_t>(v)];
    if (s.empty()) {
      s = c < 0 ? "-" + term : term;
    } else {
      s += (c < 0 ? " - " : " + ") + term;
    }
  }
  const std::int64_t k = a.constant_term();
  if (s.empty()) return k < 0 ? "(" + std::to_string(k) + ")" : std::to_string(k);
  if (k != 0) s += (k < 0 ? " - " : " + ") + std::to_string(k < 0 ? -k : k);
  return "(" + s + ")";
}

std::string all_of(const std::vector<std::string>& parts) {
  std::string s;
  for (const std::string& p : parts) {
    if (!p.empty()) s += (s.empty() ? "" : " && ") + p;
  }
  return s;
}

std::string flat_offset(const std::vector<std::string>& terms,
                        const std::vector<std::int64_t>& strides) {
  std::string s;
  for (std::size_t d = 0; d < terms.size(); ++d) {
    if (terms[d] == "0") continue;
    s += (s.empty() ? "" : " + ") + terms[d] +
         (strides[d] == 1 ? "" : " * " + std::to_string(strides[d]));
  }
  return s.empty() ? "0" : s;
}

bool always_in_range(const Affine& e, std::int64_t bound,
                     const std::vector<std::pair<std::int64_t, std::int64_t>>& box) {
  if (e.denom() != 1 || bound <= 0) return false;
  std::int64_t lo = e.constant_term(), hi = e.constant_term();
  for (const auto& [v, c] : e.terms()) {
    const auto& [blo, bhi] = box[static_cast<std::size_t>(v)];
    lo += c * (c > 0 ? blo : bhi);
    hi += c * (c > 0 ? bhi : blo);
  }
  return lo >= 0 && hi < bound;
}

}  // namespace tartan::cexpr
