// Environment variables, read in one place so their spelling and truthiness rules are uniform.
#pragma once

#include <optional>
#include <string>

namespace tartan {

// The variable's value, or nullopt when unset or empty (an empty value means "not configured").
std::optional<std::string> env_string(const char* name);

// True for 1/true/yes/on (any case); false when unset, empty or anything else.
bool env_flag(const char* name);

}  // namespace tartan
