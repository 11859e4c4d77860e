#include "support/yaml_read.h"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>

namespace tartan::yaml {
namespace {

SourceLoc loc_of(const YAML::Mark& mark, const std::string& file) {
  // yaml-cpp marks are 0-based and -1 when unknown.
  return SourceLoc{file, mark.line >= 0 ? mark.line + 1 : 0,
                   mark.column >= 0 ? mark.column + 1 : 0};
}

std::string where(const YAML::Node& node, const std::string& file) {
  const SourceLoc loc = loc_of(node.Mark(), file);
  return loc.line > 0 ? file + ":" + std::to_string(loc.line) : file;
}

[[noreturn]] void wrong_form(const YAML::Node& node, const std::string& file, std::string_view key,
                             const std::string& expected) {
  const std::string got = node.IsScalar()     ? "'" + node.Scalar() + "'"
                          : node.IsSequence() ? std::string("a list")
                          : node.IsMap()      ? std::string("a map")
                                              : std::string("nothing");
  fail(node, file, "'" + std::string(key) + "' must be " + expected + ", not " + got,
       "write `" + std::string(key) + ": <" + expected + ">`");
}

// Every map below `node` has distinct keys; a repeated key is an Error at its second use.
void reject_duplicate_keys(const YAML::Node& node, const std::string& file) {
  if (node.IsSequence()) {
    for (const YAML::Node& child : node) reject_duplicate_keys(child, file);
    return;
  }
  if (!node.IsMap()) return;
  std::map<std::string, int> first_line;  // scalar key -> its line
  for (const auto& entry : node) {
    const YAML::Node& key = entry.first;
    if (key.IsScalar()) {
      const auto [it, fresh] = first_line.emplace(key.Scalar(), key.Mark().line + 1);
      if (!fresh) {
        fail(key, file,
             "duplicate key '" + key.Scalar() + "' (first given at line " +
                 std::to_string(it->second) + ")",
             "give each key once: remove one of the two lines");
      }
    }
    reject_duplicate_keys(entry.second, file);
  }
}

// Where `s` stops being UTF-8 (overlong forms, surrogates and code points past U+10FFFF are
// not), or npos. yaml-cpp reads any bytes but writes U+FFFD for these, so a value holding them
// would not survive a save (tartan-setup rewrites the config).
std::size_t invalid_utf8_at(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80             ? 1
                          : (b & 0xE0) == 0xC0 ? 2
                          : (b & 0xF0) == 0xE0 ? 3
                          : (b & 0xF8) == 0xF0 ? 4
                                               : 0;
    if (n == 0 || i + n > s.size()) return i;
    std::uint32_t cp = n == 1 ? b : b & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (c & 0x3F);
    }
    const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < smallest[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += n;
  }
  return std::string_view::npos;
}

}  // namespace

YAML::Node parse(std::string_view text, const std::string& file) {
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (root.IsNull()) return YAML::Node(YAML::NodeType::Map);
    reject_duplicate_keys(root, file);
    return root;
  } catch (const YAML::ParserException& e) {
    throw Error(file + ":" + std::to_string(e.mark.line + 1) + ": invalid YAML: " + e.msg,
                "fix the syntax at that line (indentation, a missing ':' or an unclosed quote)",
                loc_of(e.mark, file));
  }
}

void fail(const YAML::Node& node, const std::string& file, const std::string& what,
          const std::string& hint) {
  throw Error(where(node, file) + ": " + what, hint, loc_of(node.Mark(), file));
}

void require_map(const YAML::Node& node, const std::string& file, std::string_view section,
                 const std::vector<std::string_view>& allowed) {
  if (!node.IsMap()) wrong_form(node, file, section, "a map");
  std::string allowed_list;
  for (std::string_view a : allowed) {
    allowed_list += allowed_list.empty() ? "" : ", ";
    allowed_list += a;
  }
  for (const auto& entry : node) {
    const YAML::Node& key = entry.first;
    if (!key.IsScalar())
      fail(key, file, "a key of '" + std::string(section) + "' is not a name",
           "keys are plain names: " + allowed_list);
    bool known = false;
    for (std::string_view a : allowed) known = known || key.Scalar() == a;
    if (!known) {
      fail(key, file, "unknown key '" + key.Scalar() + "' in " + std::string(section),
           "known keys are: " + allowed_list + " (check the spelling, or remove the line)");
    }
  }
}

std::string read_string(const YAML::Node& node, const std::string& file, std::string_view key) {
  if (!node.IsScalar()) wrong_form(node, file, key, "a string");
  const std::size_t bad = invalid_utf8_at(node.Scalar());
  if (bad != std::string_view::npos) {
    fail(node, file,
         "'" + std::string(key) + "' is not UTF-8 text (byte " + std::to_string(bad + 1) +
             " of its value)",
         "write the value as plain text, saved as UTF-8");
  }
  return node.Scalar();
}

bool read_bool(const YAML::Node& node, const std::string& file, std::string_view key) {
  bool value = false;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
    wrong_form(node, file, key, "true or false");
  }
  return value;
}

long long read_int(const YAML::Node& node, const std::string& file, std::string_view key,
                   long long min, long long max) {
  if (!node.IsScalar()) wrong_form(node, file, key, "an integer");
  const std::string& s = node.Scalar();
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || errno != 0) wrong_form(node, file, key, "an integer");
  if (v < min || v > max) {
    fail(node, file,
         "'" + std::string(key) + "' is " + s + ", outside " + std::to_string(min) + ".." +
             std::to_string(max),
         "use a value in that range");
  }
  return v;
}

double read_double(const YAML::Node& node, const std::string& file, std::string_view key) {
  if (!node.IsScalar()) wrong_form(node, file, key, "a number");
  const std::string& s = node.Scalar();
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || errno != 0 || !std::isfinite(v)) {
    wrong_form(node, file, key, "a number");
  }
  return v;
}

}  // namespace tartan::yaml
