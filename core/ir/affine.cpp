#include "tartan/ir/affine.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "tartan/support/error.h"

namespace tartan {

Affine Affine::constant(std::int64_t c) {
  Affine a;
  a.constant_ = c;
  return a;
}

Affine Affine::index(int var, std::int64_t coeff) {
  Affine a;
  if (coeff != 0) a.terms_.push_back({var, coeff});
  return a;
}

std::int64_t Affine::coeff(int var) const {
  for (const auto& [v, c] : terms_) {
    if (v == var) return c;
  }
  return 0;
}

bool Affine::is_single_index(int* var) const {
  if (terms_.size() != 1 || terms_[0].second != 1 || constant_ != 0 || denom_ != 1) return false;
  if (var) *var = terms_[0].first;
  return true;
}

void Affine::normalize() {
  std::sort(terms_.begin(), terms_.end());
  std::vector<std::pair<int, std::int64_t>> merged;
  for (const auto& t : terms_) {
    if (!merged.empty() && merged.back().first == t.first) {
      merged.back().second += t.second;
    } else {
      merged.push_back(t);
    }
  }
  std::erase_if(merged, [](const auto& t) { return t.second == 0; });
  terms_ = std::move(merged);
  TARTAN_CHECK(denom_ != 0, "affine denominator is zero");
  if (denom_ < 0) {
    denom_ = -denom_;
    constant_ = -constant_;
    for (auto& t : terms_) t.second = -t.second;
  }
  std::int64_t g = std::gcd(constant_, denom_);
  for (const auto& t : terms_) g = std::gcd(g, t.second);
  if (g > 1) {
    denom_ /= g;
    constant_ /= g;
    for (auto& t : terms_) t.second /= g;
  }
}

Affine Affine::operator+(const Affine& o) const {
  Affine r;
  // Bring both to the common denominator.
  const std::int64_t l = std::lcm(denom_, o.denom_);
  const std::int64_t fa = l / denom_, fb = l / o.denom_;
  for (const auto& [v, c] : terms_) r.terms_.push_back({v, c * fa});
  for (const auto& [v, c] : o.terms_) r.terms_.push_back({v, c * fb});
  r.constant_ = constant_ * fa + o.constant_ * fb;
  r.denom_ = l;
  r.normalize();
  return r;
}

Affine Affine::operator-() const { return *this * -1; }
Affine Affine::operator-(const Affine& o) const { return *this + (-o); }

Affine Affine::operator*(std::int64_t k) const {
  Affine r = *this;
  for (auto& t : r.terms_) t.second *= k;
  r.constant_ *= k;
  r.normalize();
  return r;
}

Affine Affine::operator/(std::int64_t k) const {
  TARTAN_CHECK(k != 0, "affine division by zero");
  Affine r = *this;
  r.denom_ *= k;
  r.normalize();
  return r;
}

Affine Affine::renumbered(const std::vector<int>& new_var) const {
  Affine r = *this;
  for (auto& t : r.terms_) {
    t.first = new_var.at(static_cast<std::size_t>(t.first));
    TARTAN_CHECK(t.first >= 0, "affine renumbering drops a variable in use");
  }
  r.normalize();
  return r;
}

bool Affine::eval(const std::vector<std::int64_t>& index_values, std::int64_t* out) const {
  std::int64_t num = constant_;
  for (const auto& [v, c] : terms_) num += c * index_values[static_cast<std::size_t>(v)];
  if (denom_ == 1) {
    *out = num;
    return true;
  }
  if (num % denom_ != 0) return false;
  *out = num / denom_;
  return true;
}

std::string affine_str(const Affine& a, const std::vector<std::string>& names) {
  std::string s;
  for (const auto& [v, c] : a.terms()) {
    const std::int64_t mag = std::llabs(c);
    if (s.empty()) {
      if (c < 0) s += "-";
    } else {
      s += c < 0 ? " - " : " + ";
    }
    if (mag != 1) s += std::to_string(mag) + "*";
    s += names.at(static_cast<std::size_t>(v));
  }
  const std::int64_t k = a.constant_term();
  if (s.empty()) {
    s = std::to_string(k);
  } else if (k != 0) {
    s += (k < 0 ? " - " : " + ") + std::to_string(std::llabs(k));
  }
  if (a.denom() != 1) s = "(" + s + ")/" + std::to_string(a.denom());
  return s;
}

}  // namespace tartan
