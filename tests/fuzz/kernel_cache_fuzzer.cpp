// Fuzzes the kernel-cache entry reader ($XDG_CACHE_HOME/tartan/kernels/*.bin): any bytes either
// verify as an entry for the expected key or are rejected with a reason. An accepted entry's
// binary re-encodes to exactly the input (nothing else verifies), and any payload encoded for
// the key decodes back to itself. The seeds are entries for fuzz_key() (write_seeds.cpp wrote
// them).
#include "fuzz_cache_key.h"
#include "fuzz_input.h"
#include "tartan/runtime/kernel_cache.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const tartan::runtime::CacheKey key = tartan::fuzz::fuzz_cache_key();
  const std::string_view bytes = tartan::fuzz::as_text(data, size);
  std::string why;
  const std::optional<std::string> binary = tartan::runtime::decode_cache_entry(bytes, key, &why);
  if (binary) {
    if (tartan::runtime::encode_cache_entry(key, *binary) != bytes) __builtin_trap();
  } else if (why.empty()) {
    __builtin_trap();
  }
  const std::optional<std::string> payload =
      tartan::runtime::decode_cache_entry(tartan::runtime::encode_cache_entry(key, bytes), key);
  if (!payload || *payload != bytes) __builtin_trap();
  return 0;
}
