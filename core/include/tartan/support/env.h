// Environment variables, read in one place so their spelling and truthiness rules are uniform,
// and listed in one place: every TARTAN_* variable libtartan reads is a row of
// tartan_environment_variables() with what it does (the users' documentation is written from
// it); a unit test fails when core reads one that is not listed.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tartan {

// The variable's value, or nullopt when unset or empty (an empty value means "not configured").
std::optional<std::string> env_string(const char* name);

// True for 1/true/yes/on (any case); false when unset, empty or anything else.
bool env_flag(const char* name);

struct EnvironmentVariable {
  std::string_view name;     // "TARTAN_DEVICE"
  std::string_view meaning;  // one sentence for users: what it does, the values it takes
  std::string_view read_by;  // where libtartan reads it (a source file), for developers
};

// Every TARTAN_* variable libtartan reads (the front ends' own are theirs to list).
std::span<const EnvironmentVariable> tartan_environment_variables();

}  // namespace tartan
