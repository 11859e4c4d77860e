// Strict reading of small YAML files (device profiles, the user config): every problem becomes one
// tartan::Error that names the file, the line and the key, so a typo is fixed in seconds.
// Private to libtartan: yaml-cpp stays out of the public headers.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "tartan/support/error.h"
#include "tartan/support/field_table.h"

namespace tartan::yaml {

// Parses `text` (the contents of `file`). A syntax error throws Error at the parser's position,
// and so does a key given twice in one map (yaml-cpp would keep one of them silently).
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

// The keys of `table`, for require_map.
template <class S>
void append_keys(FieldTable<S> table, std::vector<std::string_view>* keys) {
  for (const Field<S>& f : table) keys->push_back(f.name);
}

// Reads the keys of `table` that `node` (a map) gives into `s`, each within its row's bounds;
// an Error names the file, line and key otherwise.
template <class S>
void read_fields(const YAML::Node& node, const std::string& file, FieldTable<S> table, S& s) {
  for (const Field<S>& f : table) {
    const YAML::Node n = node[std::string(f.name)];
    if (!n) continue;
    const std::string key(f.name);
    if (is_bool_field(f)) {
      set_field(s, f, read_bool(n, file, key) ? 1.0 : 0.0);
      continue;
    }
    if (std::holds_alternative<double S::*>(f.member)) {
      const double v = read_double(n, file, key);
      if (!field_allows(f, v)) {
        fail(n, file, "'" + key + "' is " + n.Scalar() + ", outside " + field_range(f),
             "use a value in that range");
      }
      set_field(s, f, v);
      continue;
    }
    const auto lo = static_cast<long long>(f.lo), hi = static_cast<long long>(f.hi);
    if (f.second != nullptr) {
      if (!n.IsSequence() || n.size() != 2) {
        fail(n, file, "'" + key + "' must be a list of two integers [rows, columns]",
             "write `" + key + ": [4, 4]`");
      }
      set_field(s, f, static_cast<double>(read_int(n[0], file, key, lo, hi)));
      s.*f.second = static_cast<int>(read_int(n[1], file, key, lo, hi));
      continue;
    }
    const long long v = read_int(n, file, key, lo, hi);
    if (!field_allows(f, static_cast<double>(v))) {
      fail(n, file, "'" + key + "' is " + std::to_string(v) + "; it must be " + field_range(f),
           "use " + field_range(f));
    }
    set_field(s, f, static_cast<double>(v));
  }
}

}  // namespace tartan::yaml
