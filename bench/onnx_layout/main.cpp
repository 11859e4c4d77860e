// tartan-onnx-layout-bench: an imported NCHW ONNX model against the same network built NHWC
// (tartan's Keras applications), compiled for one device and run alternately, so the two
// kernel times come from the same run. The check behind the importer's layout design: PyTorch's
// NCHW export must cost no more than the NHWC network (scripts/onnx/nchw_cnn.py writes
// the ResNet50 model).
//
//   tartan-onnx-layout-bench MODEL.onnx [--network resnet50] [--batch 1] [--rounds 10]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <random>

#include "tartan/compiler.h"
#include "tartan/networks/registry.h"
#include "tartan/networks/weights.h"
#include "tartan/onnx/model.h"
#include "tartan/support/error.h"

namespace {

using namespace tartan;

double kernel_ms(Executable& exe) {
  exe.enqueue();
  exe.finish();
  double ms = 0;
  for (const KernelProfile& k : exe.profile()) ms += k.device_ms;
  return ms;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::vector<HostTensor> random_inputs(const Program& p, std::mt19937_64& rng) {
  std::vector<HostTensor> inputs;
  for (const TensorId id : p.inputs()) {
    inputs.push_back(random_tensor(p.tensor(id).dtype, p.tensor(id).shape, rng));
  }
  return inputs;
}

int run(int argc, char** argv) {
  CLI::App app("An imported NCHW ONNX model against the same network built NHWC");
  std::string model, network = "resnet50";
  int batch = 1, rounds = 10;
  app.add_option("model", model, "the ONNX model (NCHW)")->required();
  app.add_option("--network", network, "the built-in network it corresponds to");
  app.add_option("--batch", batch, "batch size (binds a symbolic leading dimension)");
  app.add_option("--rounds", rounds, "alternated runs of each");
  CLI11_PARSE(app, argc, argv);

  std::vector<runtime::Device> devices = runtime::enumerate_devices();
  const auto usable = std::find_if(devices.begin(), devices.end(), [](const runtime::Device& d) {
    return d.info.available && d.info.compiler_available;
  });
  if (usable == devices.end()) throw Error("no OpenCL device with a compiler");
  const runtime::Device& device = *usable;

  networks::NetworkOptions options;
  options.batch = batch;
  const auto weights = networks::synthetic_weights();
  const networks::BuiltNetwork built = networks::find_network(network).build(options, *weights);
  onnx::ImportOptions import_options;
  import_options.batch = batch;
  const onnx::ImportedModel imported = onnx::import_model(model, import_options);

  Executable nhwc = compile(built.program, device);
  Executable nchw = compile(imported.program, device);
  std::mt19937_64 rng(1);
  nhwc.set_inputs(random_inputs(built.program, rng));
  nchw.set_inputs(random_inputs(imported.program, rng));
  kernel_ms(nhwc);  // warm-up
  kernel_ms(nchw);
  std::vector<double> a, b;
  for (int r = 0; r < rounds; ++r) {
    a.push_back(kernel_ms(nhwc));
    b.push_back(kernel_ms(nchw));
  }
  std::printf("device: %s\n", device.info.name.c_str());
  std::printf("%-28s %8s %12s\n", "", "kernels", "kernel ms");
  std::printf("%-28s %8zu %12.2f\n", (network + " (built-in, NHWC)").c_str(), nhwc.kernels().size(),
              median(a));
  std::printf("%-28s %8zu %12.2f\n", "ONNX import (NCHW)", nchw.kernels().size(), median(b));
  std::printf("ratio import / built-in: %.3f (median of %d alternated runs, batch %d)\n",
              median(b) / median(a), rounds, batch);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const tartan::Error& e) {
    std::fprintf(stderr, "error: %s\n%s\n", e.what(), e.hint().c_str());
    return 1;
  }
}
