// Parses `--shape NAME=1,224,224,3` and `--dtype NAME=float16` flags into ParseOptions inputs.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tartan/lang/parse.h"

namespace tartan {

// Throws Error naming the bad flag value and the expected form.
std::map<std::string, InputSpec> parse_input_flags(const std::vector<std::string>& shapes,
                                                   const std::vector<std::string>& dtypes);

}  // namespace tartan
