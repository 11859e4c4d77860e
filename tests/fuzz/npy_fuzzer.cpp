// Fuzzes the .npy reader (tartan-bench --input, the Keras fixtures): any bytes either read as a
// float32 array whose values match its shape, or throw tartan::Error. What reads must write
// and read back as the same array, bit for bit.
#include <cstring>

#include "fuzz_input.h"
#include "tartan/support/error.h"
#include "tartan/support/npy.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const tartan::fuzz::InputFile file(".npy");
  tartan::NpyArray array;
  try {
    array = tartan::parse_npy(tartan::fuzz::as_text(data, size), "fuzz.npy");
  } catch (const tartan::Error&) {
    return 0;
  }
  if (static_cast<std::int64_t>(array.values.size()) != tartan::num_elements(array.shape)) {
    __builtin_trap();
  }
  tartan::write_npy(file.path(), array.shape, array.values);
  const tartan::NpyArray again = tartan::read_npy(file.path());
  if (again.shape != array.shape || again.values.size() != array.values.size() ||
      (!array.values.empty() && std::memcmp(again.values.data(), array.values.data(),
                                            array.values.size() * sizeof(float)) != 0)) {
    __builtin_trap();
  }
  return 0;
}
