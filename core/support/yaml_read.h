// Strict reading of small YAML files (device profiles, the user config): every problem becomes one
// tartan::Error that names the file, the line and the key, so a typo is fixed in seconds.
// Private to libtartan: yaml-cpp stays out of the public headers.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "tartan/support/error.h"

namespace tartan::yaml {

// Parses `text` (the contents of `file`). A syntax error throws Error at the parser's position.
// An empty document gives an empty map.
YAML::Node parse(std::string_view text, const std::string& file);

// Error at the node's position (1-based line and column in `file`).
[[noreturn]] void fail(const YAML::Node& node, const std::string& file, const std::string& what,
                       const std::string& hint);

// `node` must be a map whose keys are all in `allowed`; an unknown key is an Error naming it,
// its line and the keys that are allowed (with `section` naming the map, e.g. "tuning").
void require_map(const YAML::Node& node, const std::string& file, std::string_view section,
                 const std::vector<std::string_view>& allowed);

// Scalar readers: the node must be a scalar of the right form, else an Error naming `key`.
std::string read_string(const YAML::Node& node, const std::string& file, std::string_view key);
bool read_bool(const YAML::Node& node, const std::string& file, std::string_view key);
long long read_int(const YAML::Node& node, const std::string& file, std::string_view key,
                   long long min, long long max);
double read_double(const YAML::Node& node, const std::string& file, std::string_view key);

}  // namespace tartan::yaml
