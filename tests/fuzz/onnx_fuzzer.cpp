// Fuzzes the ONNX importer (tartan-bench onnx MODEL) through a file rewritten with each input:
// any bytes either import as a Program, which must print as tile text, or throw tartan::Error.
// The seeds are small models of ONNX's own test data (libonnx-testdata). Protobuf and libonnx
// are not instrumented: libFuzzer's coverage is tartan's importer only.
#include "fuzz_input.h"
#include "tartan/lang/parse.h"
#include "tartan/onnx/model.h"
#include "tartan/support/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const tartan::fuzz::InputFile file("model.onnx");
  file.write(tartan::fuzz::as_text(data, size));
  try {
    const tartan::onnx::ImportedModel model = tartan::onnx::import_model(file.path());
    if (model.inputs.size() != model.program.inputs().size() ||
        model.outputs.size() != model.program.outputs().size()) {
      __builtin_trap();
    }
    (void)tartan::print_program(model.program);
  } catch (const tartan::Error&) {
  }
  return 0;
}
