// Everything the command line decides, in one place: the frontends, the harness and the report
// writers read it; only cli.cpp writes it.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace tartan::bench {

enum class Frontend { kKeras, kTile, kOps, kOnnx };

struct BenchOptions {
  Frontend frontend = Frontend::kKeras;
  std::vector<std::string> networks;  // keras NETWORK...
  bool list = false;                  // keras --list
  std::string tile_file;              // tile FILE
  std::string onnx_file;              // onnx MODEL
  bool list_ops = false;              // onnx MODEL --list-ops
  std::vector<std::string> shapes;    // tile, onnx --shape NAME=dims
  std::vector<std::string> dtypes;    // tile --dtype NAME=float16
  std::vector<std::string> ops;       // ops [OP...]

  // plaidbench's options.
  int examples = 1024;
  int batch_size = 1;
  bool warmup = true;
  bool kernel_timing = true;
  std::string results_dir = "tartan-results";
  double timeout_secs = 0;  // 0: no limit
  bool print_stacktraces = false;
  bool verbose = false;
  int top_kernels = 10;  // kernels listed by -v and in the results' top_kernels

  // tartan's.
  std::optional<std::string> device;  // overrides the config and TARTAN_DEVICE
  int warmup_examples = 32;
  bool validate = true;
  std::vector<std::string> formats = {"json", "csv"};
  std::string weights_file;              // Keras HDF5; empty: synthetic weights
  std::string input_file;                // keras: .npy; empty: the synthetic input
  std::vector<std::string> input_files;  // every --input (onnx: NAME=FILE.npy or FILE.npy)
  std::string save_output_file;          // .npy of the first batch's output
  int input_size = 0;                    // 0: the network's default
  // --cpu-compare / --no-cpu-compare; unset: on when the benchmark device is not a CPU.
  std::optional<bool> cpu_compare;
  bool blanket_run = false;              // every network (or those named) x kBlanketBatchSizes
  std::string baseline;                  // an earlier result (.json) or a folder of them
  std::optional<double> max_regression;  // percent; exit 3 beyond it (needs a baseline)
  bool tune = false;                     // CompileOptions::tune
  bool fp16 = false;                     // run the network in half precision (to_float16)
};

// plaidbench's blanket run: every network at each of these batch sizes.
constexpr int kBlanketBatchSizes[] = {1, 4, 8, 16};

// The batches of the timed run and of the warm-up (at least one when warm-up is on).
inline int timed_batches(const BenchOptions& o) { return o.examples / o.batch_size; }
inline int warmup_batches(const BenchOptions& o) {
  if (!o.warmup) return 0;
  return std::max(1, (o.warmup_examples + o.batch_size - 1) / o.batch_size);
}

}  // namespace tartan::bench
