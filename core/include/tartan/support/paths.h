// Where tartan keeps per-user files (XDG base directories).
#pragma once

#include <filesystem>

namespace tartan {

// $XDG_CACHE_HOME/tartan, else $HOME/.cache/tartan, else <temp dir>/tartan-cache. Not created.
std::filesystem::path cache_dir();

// $XDG_CONFIG_HOME/tartan, else $HOME/.config/tartan. Not created.
std::filesystem::path config_dir();

}  // namespace tartan
