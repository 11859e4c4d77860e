// 128-bit non-cryptographic hashing for cache keys and file checksums.
//
// MurmurHash3 x64_128 (public-domain algorithm by Austin Appleby), written afresh. 64 bits are
// too few for a cache that is never cleaned (birthday collisions become plausible across years
// of kernels), and FNV-style byte-at-a-time hashes mix poorly; 128 well-mixed bits make a
// collision a non-event.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tartan {

struct Hash128 {
  std::uint64_t lo = 0;
  std::uint64_t hi = 0;

  // 32 lowercase hex digits, `hi` first: a stable file-name-safe spelling.
  std::string hex() const;
  friend bool operator==(const Hash128&, const Hash128&) = default;
};

Hash128 hash128(const void* data, std::size_t size, std::uint64_t seed = 0);
inline Hash128 hash128(std::string_view s, std::uint64_t seed = 0) {
  return hash128(s.data(), s.size(), seed);
}

// Hashes a sequence of fields unambiguously: each field is length-prefixed, so ("ab", "c") and
// ("a", "bc") differ. Fields are buffered and hashed once in `finish`.
class FieldHasher {
 public:
  FieldHasher& add(std::string_view field);
  Hash128 finish() const { return hash128(buffer_); }

 private:
  std::string buffer_;
};

}  // namespace tartan
