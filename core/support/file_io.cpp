#include "tartan/support/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "tartan/support/error.h"

namespace tartan {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int err) {
  throw Error("cannot write '" + path.string() + "': " + what + ": " + std::strerror(err),
              "check that the directory exists and is writable, and that the disk is not full");
}

// Unique per process and call, so concurrent writers of one path never share a temp file.
std::filesystem::path temp_path_for(const std::filesystem::path& path) {
  static std::atomic<unsigned> counter{0};
  // Built by appending: GCC 12 -O3 emits a false -Wrestrict for `"." + std::string`.
  std::string name = ".";
  name += path.filename().string();
  name += ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  return path.parent_path() / name;
}

// Writes `bytes` to a new temporary file next to `path` and flushes it; returns its path.
std::filesystem::path write_temp_next_to(const std::filesystem::path& path,
                                         std::string_view bytes) {
  std::error_code ec;
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
      throw Error("cannot create directory '" + path.parent_path().string() + "': " + ec.message(),
                  "check the permissions of its parent directories");
    }
  }
  const std::filesystem::path tmp = temp_path_for(path);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, "cannot create temporary file", errno);
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : EIO;
      ::close(fd);
      ::unlink(tmp.c_str());
      fail(path, "write failed", err);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  // fsync before publishing: otherwise a power loss can leave the new name pointing at no data.
  const int sync_err = ::fsync(fd) != 0 ? errno : 0;
  const int close_err = ::close(fd) != 0 ? errno : 0;
  if (sync_err != 0 || close_err != 0) {
    const int err = sync_err != 0 ? sync_err : close_err;
    ::unlink(tmp.c_str());
    fail(path, "flush failed", err);
  }
  return tmp;
}

}  // namespace

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(ss).str();
}

void write_file_atomic(const std::filesystem::path& path, std::string_view bytes) {
  const std::filesystem::path tmp = write_temp_next_to(path, bytes);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    fail(path, "rename failed", err);
  }
}

bool write_file_exclusive(const std::filesystem::path& path, std::string_view bytes) {
  const std::filesystem::path tmp = write_temp_next_to(path, bytes);
  const int err = ::link(tmp.c_str(), path.c_str()) != 0 ? errno : 0;
  ::unlink(tmp.c_str());
  if (err == EEXIST) return false;
  if (err != 0) fail(path, "cannot publish the file", err);
  return true;
}

}  // namespace tartan
