#include "tartan/support/paths.h"

#include "tartan/support/env.h"

namespace tartan {
namespace {

// XDG says relative values are invalid and must be ignored.
std::filesystem::path xdg_dir(const char* var, const char* home_subdir, const char* fallback) {
  if (auto v = env_string(var); v && std::filesystem::path(*v).is_absolute()) {
    return std::filesystem::path(*v) / "tartan";
  }
  if (auto home = env_string("HOME")) return std::filesystem::path(*home) / home_subdir / "tartan";
  // No HOME (some CI sandboxes): still a usable, per-machine location.
  return std::filesystem::temp_directory_path() / fallback;
}

}  // namespace

std::filesystem::path cache_dir() { return xdg_dir("XDG_CACHE_HOME", ".cache", "tartan-cache"); }

std::filesystem::path config_dir() {
  return xdg_dir("XDG_CONFIG_HOME", ".config", "tartan-config");
}

}  // namespace tartan
