#include "tartan/support/hash.h"

#include <bit>
#include <cstdio>

namespace tartan {
namespace {

constexpr std::uint64_t kC1 = 0x87c37b91114253d5ull;
constexpr std::uint64_t kC2 = 0x4cf5ad432745937full;

// Explicit little-endian load: the hash must not depend on the host's byte order, since its
// value names files in a cache directory that may be shared.
std::uint64_t load_le64(const unsigned char* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

std::uint64_t fmix64(std::uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ull;
  k ^= k >> 33;
  return k;
}

std::uint64_t mix_k1(std::uint64_t k1) { return std::rotl(k1 * kC1, 31) * kC2; }
std::uint64_t mix_k2(std::uint64_t k2) { return std::rotl(k2 * kC2, 33) * kC1; }

}  // namespace

std::string Hash128::hex() const {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(hi),
                static_cast<unsigned long long>(lo));
  return buf;
}

Hash128 hash128(const void* data, std::size_t size, std::uint64_t seed) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  const std::size_t nblocks = size / 16;
  std::uint64_t h1 = seed;
  std::uint64_t h2 = seed;

  for (std::size_t i = 0; i < nblocks; ++i) {
    const std::uint64_t k1 = load_le64(bytes + 16 * i);
    const std::uint64_t k2 = load_le64(bytes + 16 * i + 8);
    h1 ^= mix_k1(k1);
    h1 = std::rotl(h1, 27) + h2;
    h1 = h1 * 5 + 0x52dce729;
    h2 ^= mix_k2(k2);
    h2 = std::rotl(h2, 31) + h1;
    h2 = h2 * 5 + 0x38495ab5;
  }

  const unsigned char* tail = bytes + 16 * nblocks;
  const std::size_t rest = size & 15;
  std::uint64_t k1 = 0;
  std::uint64_t k2 = 0;
  for (std::size_t i = rest; i > 8; --i) k2 = (k2 << 8) | tail[i - 1];
  for (std::size_t i = rest < 8 ? rest : 8; i > 0; --i) k1 = (k1 << 8) | tail[i - 1];
  if (rest > 8) h2 ^= mix_k2(k2);
  if (rest > 0) h1 ^= mix_k1(k1);

  h1 ^= size;
  h2 ^= size;
  h1 += h2;
  h2 += h1;
  h1 = fmix64(h1);
  h2 = fmix64(h2);
  h1 += h2;
  h2 += h1;
  return Hash128{h1, h2};
}

FieldHasher& FieldHasher::add(std::string_view field) {
  const std::uint64_t n = field.size();
  for (int i = 0; i < 8; ++i) buffer_.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
  buffer_.append(field);
  return *this;
}

}  // namespace tartan
