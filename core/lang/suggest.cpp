#include "lang/suggest.h"

#include <algorithm>
#include <string_view>

namespace tartan {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates,
                         const std::string& fallback) {
  if (name.size() > 64) return fallback;
  std::vector<std::string> near;
  for (const std::string& c : candidates) {
    if (c.size() <= 64 && edit_distance(name, c) <= std::max<std::size_t>(1, name.size() / 3)) {
      near.push_back(c);
    }
  }
  if (near.empty()) return fallback;
  std::string s = "did you mean ";
  for (std::size_t i = 0; i < near.size() && i < 3; ++i) s += (i ? " or " : "") + near[i];
  return s + "?";
}

}  // namespace tartan
