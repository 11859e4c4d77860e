#include "support/child_env.h"

#include <unordered_map>

extern char** environ;

namespace tartan {
namespace {

// Each starting entry's address (the string in the process's initial stack) and its text then.
using StartEntries = std::unordered_map<const char*, std::string>;

const StartEntries& start_entries() {
  static const StartEntries entries = [] {
    StartEntries e;
    for (char** p = environ; p != nullptr && *p != nullptr; ++p) e.emplace(*p, *p);
    return e;
  }();
  return entries;
}

// Copies the starting environment during static initialisation (before main, so before the ICD
// loader has parsed anything); the first call of start_entries() would be too late.
[[maybe_unused]] const bool kStartCopied = (static_cast<void>(start_entries()), true);

}  // namespace

std::vector<std::string> child_environment() {
  const StartEntries& start = start_entries();
  std::vector<std::string> env;
  for (char** p = environ; p != nullptr && *p != nullptr; ++p) {
    // An entry still at its starting address was not replaced (setenv and putenv install another
    // string): whatever it reads now, its value is the starting one.
    const auto it = start.find(*p);
    env.push_back(it != start.end() ? it->second : std::string(*p));
  }
  return env;
}

}  // namespace tartan
