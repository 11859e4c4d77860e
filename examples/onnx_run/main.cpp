// Runs an ONNX model on tartan's default device: the code to copy into your own application.
//
//   tartan-onnx-run MODEL.onnx INPUT.npy OUTPUT.npy
//
// The model takes one input; INPUT.npy holds it (float32, or int64/int32 for token ids), and its
// leading dimension binds the model's symbolic batch dimension, if it has one. OUTPUT.npy
// receives the model's first output as float32. The device is the one tartan-setup saved (or
// TARTAN_DEVICE), else the first usable GPU, else the CPU through PoCL.
// Exit codes: 0 ok, 1 a failure (no device, compile or run error), 2 a bad model or input.
#include <iostream>

#include "tartan/compiler.h"
#include "tartan/onnx/model.h"
#include "tartan/runtime/select_device.h"
#include "tartan/support/error.h"
#include "tartan/support/npy.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: tartan-onnx-run MODEL.onnx INPUT.npy OUTPUT.npy\n";
    return 2;
  }
  const std::string model_file = argv[1], input_file = argv[2], output_file = argv[3];
  int failure_code = 2;  // until the model and its input are in hand, a failure is the user's
  try {
    // 1. The input, and the model imported with a symbolic batch dimension bound to the
    //    input's leading one. Errors (an unsupported operator, a malformed file, another
    //    symbolic dimension left open) are tartan::Error with a message and a hint.
    const tartan::NpyTypedArray npy = tartan::read_npy_typed(input_file);
    tartan::onnx::ImportOptions options;
    options.batch = npy.shape.empty() ? 1 : npy.shape[0];
    const tartan::onnx::ImportedModel model = tartan::onnx::import_model(model_file, options);
    if (model.inputs.size() != 1 || model.inputs[0].shape != npy.shape) {
      throw tartan::Error(model_file + " does not take one input of shape " +
                              tartan::shape_str(npy.shape) + ", which " + input_file + " holds",
                          "`tartan-bench onnx MODEL` prints its inputs and their shapes");
    }
    const tartan::onnx::ModelInput& input = model.inputs[0];

    // 2. The default device, as tartan-setup configured it.
    failure_code = 1;
    const tartan::UserConfig config = tartan::apply_environment(tartan::load_config());
    const tartan::runtime::Device device =
        tartan::select_device(config, tartan::runtime::enumerate_devices(), tartan::load_profiles())
            .device.device;

    // 3. Compile once (kernels are cached on disk, so the next start is fast), then run: the
    //    Executable can run any number of inputs of this shape.
    tartan::Executable exe = tartan::compile(model.program, device);
    const tartan::HostTensor x(input.dtype, npy.shape, npy.values);
    const std::vector<tartan::HostTensor> outputs = exe.run({x});

    // 4. The first output, as float32.
    const tartan::HostTensor& y = outputs.front();
    tartan::write_npy(output_file, y.shape, std::vector<float>(y.values.begin(), y.values.end()));
    std::cout << model.outputs.front().name << " " << tartan::shape_str(y.shape) << " -> "
              << output_file << " (on " << device.info.name << ")\n";
    return 0;
  } catch (const tartan::Error& e) {
    std::cerr << "tartan-onnx-run: " << e.what() << "\n";
    if (!e.hint().empty()) std::cerr << "  " << e.hint() << "\n";
    return failure_code;
  }
}
