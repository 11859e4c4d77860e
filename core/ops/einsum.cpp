#include "tartan/ops/einsum.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "ops/op_util.h"
#include "tartan/support/error.h"

namespace tartan::ops {

namespace {

// A dimension's label: a letter ('a'..'z', 'A'..'Z'), or for the k-th dimension covered by
// "..." (right-aligned over all operands) the value kEllipsisBase + k.
using Label = int;
constexpr Label kEllipsisBase = 256;

struct Term {
  std::vector<char> letters_before, letters_after;  // around the "...", if any
  bool has_ellipsis = false;
};

[[noreturn]] void bad(const std::string& equation, const std::string& what,
                      const std::string& fix) {
  throw Error("einsum \"" + equation + "\": " + what, fix);
}

Term parse_term(const std::string& equation, const std::string& text) {
  Term t;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      if (t.has_ellipsis || text.compare(i, 3, "...") != 0) {
        bad(equation, "a term has a stray '.' or two ellipses", "write at most one \"...\" a term");
      }
      t.has_ellipsis = true;
      i += 2;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      (t.has_ellipsis ? t.letters_after : t.letters_before).push_back(c);
    } else {
      bad(equation, std::string("'") + c + "' is not a subscript",
          "subscripts are letters, separated by ',' with an optional \"->\" and output");
    }
  }
  return t;
}

// One operand (or intermediate) of the chain: its tensor and the label of each dimension.
struct Operand {
  Tensor tensor;
  std::vector<Label> labels;
};

struct Parsed {
  std::vector<Operand> operands;
  std::vector<Label> output;
  std::map<Label, std::int64_t> sizes;
};

Parsed parse(const std::string& raw, const std::vector<Tensor>& xs) {
  std::string eq;
  for (const char c : raw) {
    if (c != ' ') eq += c;
  }
  const std::size_t arrow = eq.find("->");
  const std::string lhs = eq.substr(0, arrow);
  std::vector<Term> terms;
  for (std::size_t start = 0;;) {
    const std::size_t comma = lhs.find(',', start);
    terms.push_back(parse_term(raw, lhs.substr(start, comma - start)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (terms.size() != xs.size()) {
    bad(raw, std::to_string(terms.size()) + " terms for " + std::to_string(xs.size()) + " operands",
        "write one comma-separated term per operand");
  }
  // The dimensions "..." covers in each operand, and their broadcast (right-aligned).
  Shape ellipsis;
  std::vector<Shape> covered(xs.size());
  for (std::size_t n = 0; n < xs.size(); ++n) {
    const Term& t = terms[n];
    const int letters = static_cast<int>(t.letters_before.size() + t.letters_after.size());
    if (xs[n].rank() < letters || (!t.has_ellipsis && xs[n].rank() != letters)) {
      bad(raw,
          "term " + std::to_string(n) + " has " + std::to_string(letters) + " subscripts for " +
              xs[n].name() + " " + shape_str(xs[n].shape()),
          "give one subscript per dimension, or \"...\" for the leading ones");
    }
    const auto begin = xs[n].shape().begin() + static_cast<std::ptrdiff_t>(t.letters_before.size());
    covered[n] = Shape(begin, begin + (xs[n].rank() - letters));
    Shape merged;
    if (!broadcast_shapes(ellipsis, covered[n], &merged)) {
      bad(raw,
          "the dimensions under \"...\" do not broadcast: " + shape_str(ellipsis) + " and " +
              shape_str(covered[n]),
          "they must match or be 1, aligned from the last");
    }
    ellipsis = merged;
  }
  Parsed p;
  const auto set_size = [&](Label l, std::int64_t size, const Tensor& x) {
    const auto [it, fresh] = p.sizes.emplace(l, size);
    if (!fresh && it->second != size) {
      bad(raw,
          std::string("subscript '") + static_cast<char>(l) + "' is " + std::to_string(it->second) +
              " in one place and " + std::to_string(size) + " in " + x.name() + " " +
              shape_str(x.shape()),
          "a subscript names one dimension size everywhere");
    }
  };
  const int e = static_cast<int>(ellipsis.size());
  for (int k = 0; k < e; ++k) p.sizes[kEllipsisBase + k] = ellipsis[static_cast<std::size_t>(k)];
  std::map<Label, int> uses;
  for (std::size_t n = 0; n < xs.size(); ++n) {
    Operand o{xs[n], {}};
    std::size_t dim = 0;
    for (const char c : terms[n].letters_before) {
      set_size(c, xs[n].shape()[dim++], xs[n]);
      o.labels.push_back(c);
    }
    const int own = static_cast<int>(covered[n].size());
    for (int k = 0; k < own; ++k, ++dim) o.labels.push_back(kEllipsisBase + e - own + k);
    for (const char c : terms[n].letters_after) {
      set_size(c, xs[n].shape()[dim++], xs[n]);
      o.labels.push_back(c);
    }
    for (const Label l : o.labels) ++uses[l];
    p.operands.push_back(std::move(o));
  }
  if (arrow == std::string::npos) {
    for (int k = 0; k < e; ++k) p.output.push_back(kEllipsisBase + k);
    for (const auto& [l, count] : uses) {  // std::map: ASCII order, as NumPy's implicit output
      if (l < kEllipsisBase && count == 1) p.output.push_back(l);
    }
    return p;
  }
  const Term out = parse_term(raw, eq.substr(arrow + 2));
  for (const char c : out.letters_before) p.output.push_back(c);
  if (out.has_ellipsis) {
    for (int k = 0; k < e; ++k) p.output.push_back(kEllipsisBase + k);
  }
  for (const char c : out.letters_after) p.output.push_back(c);
  for (std::size_t i = 0; i < p.output.size(); ++i) {
    const Label l = p.output[i];
    if (!uses.count(l)) {
      bad(raw,
          std::string("the output subscript '") + static_cast<char>(l) + "' is in no input term",
          "the output can only use subscripts of the inputs");
    }
    if (std::count(p.output.begin(), p.output.end(), l) > 1) {
      bad(raw, std::string("the output repeats '") + static_cast<char>(l) + "'",
          "name each output dimension once");
    }
  }
  return p;
}

// One contraction: out[keep] = sum over the other labels of a (times b).
Operand contract(const Parsed& p, const Operand& a, const std::optional<Operand>& b,
                 const std::vector<Label>& keep) {
  std::map<Label, Index> vars;
  const auto var = [&](Label l) -> IndexExpr {
    auto it = vars.find(l);
    if (it == vars.end()) it = vars.emplace(l, Index("e" + std::to_string(l))).first;
    return it->second;
  };
  const auto access = [&](const Operand& o) {
    std::vector<IndexExpr> idx;
    for (std::size_t d = 0; d < o.labels.size(); ++d) {
      const bool repeats = o.tensor.shape()[d] == 1 && p.sizes.at(o.labels[d]) != 1;
      idx.push_back(repeats ? IndexExpr(0) : var(o.labels[d]));
    }
    return o.tensor(idx);
  };
  std::vector<IndexExpr> out;
  Shape shape;
  for (const Label l : keep) {
    out.push_back(var(l));
    shape.push_back(p.sizes.at(l));
  }
  TensorDecl y = a.tensor.builder().declare("", shape);
  if (b) {
    y(out) = sum(access(a) * access(*b));
  } else {
    y(out) = sum(access(a));
  }
  return {y, keep};
}

}  // namespace

Tensor einsum(const std::string& equation, const std::vector<Tensor>& operands) {
  if (operands.empty()) throw Error("einsum: no operands", "pass at least one tensor");
  for (const Tensor& x : operands) detail::require_same_builder("einsum", operands.front(), x);
  const Parsed p = parse(equation, operands);
  Operand acc = p.operands.front();
  if (p.operands.size() == 1) return contract(p, acc, std::nullopt, p.output).tensor;
  for (std::size_t n = 1; n < p.operands.size(); ++n) {
    const Operand& next = p.operands[n];
    const bool last = n + 1 == p.operands.size();
    std::vector<Label> keep = p.output;
    if (!last) {
      // Labels of these two that a later term or the output still needs, in first-seen order.
      keep.clear();
      for (const std::vector<Label>* ls : {&std::as_const(acc.labels), &next.labels}) {
        for (const Label l : *ls) {
          bool needed = std::count(p.output.begin(), p.output.end(), l) > 0;
          for (std::size_t m = n + 1; m < p.operands.size() && !needed; ++m) {
            needed = std::count(p.operands[m].labels.begin(), p.operands[m].labels.end(), l) > 0;
          }
          if (needed && std::count(keep.begin(), keep.end(), l) == 0) keep.push_back(l);
        }
      }
    }
    acc = contract(p, acc, next, keep);
  }
  return acc.tensor;
}

}  // namespace tartan::ops
