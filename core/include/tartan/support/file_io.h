// Whole-file reads and crash-safe writes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tartan {

// The file's bytes, or nullopt if it cannot be opened or read.
std::optional<std::string> read_file(const std::filesystem::path& path);

// Writes `bytes` to a temporary file next to `path`, flushes it and renames it over `path`, so a
// reader (or a crash) never sees half a file. Creates missing parent directories. Throws
// tartan::Error naming the path and the system's reason on failure.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

// Like write_file_atomic, but never replaces a file: the whole content is written to a temporary
// file first and then published under `path` with link(2), which fails when `path` exists. So
// `path` appears complete or not at all (a full disk leaves nothing). Returns false when `path`
// exists already; throws tartan::Error like write_file_atomic on any other failure.
bool write_file_exclusive(const std::filesystem::path& path, std::string_view bytes);

}  // namespace tartan
