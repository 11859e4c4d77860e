// Fuzzes the Keras HDF5 weight reader (--weights FILE.h5, both the Keras 2 and the Keras 3
// layout) through a file rewritten with each input. Any bytes either give weights or throw
// tartan::Error. The seed files hold a layer `dense` (kernel [4, 3], bias [3]), which is asked
// for so that the data reads (float16/32/64 conversion) are fuzzed too.
// HDF5 itself is not instrumented: libFuzzer's coverage is tartan's reader only.
#include "fuzz_input.h"
#include "tartan/networks/weights.h"
#include "tartan/support/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const tartan::fuzz::InputFile file("weights.h5");
  file.write(tartan::fuzz::as_text(data, size));
  try {
    const auto weights = tartan::networks::hdf5_weights(file.path());
    const std::vector<float> kernel = weights->get("dense", "kernel", {4, 3});
    const std::vector<float> bias = weights->get("dense", "bias", {3});
    if (kernel.size() != 12 || bias.size() != 3) __builtin_trap();
    weights->finish();
  } catch (const tartan::Error&) {
  }
  return 0;
}
