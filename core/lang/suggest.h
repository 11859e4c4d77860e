// Near-miss suggestions for diagnostics ("unknown tensor Q", did you mean O?).
#pragma once

#include <string>
#include <vector>

namespace tartan {

// "did you mean X or Y?" naming up to three candidates within a small edit distance of
// `name`, else `fallback`.
std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates,
                         const std::string& fallback);

}  // namespace tartan
