#include "keras_frontend.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "tartan/networks/registry.h"
#include "tartan/networks/weights.h"
#include "tartan/reference/executor.h"
#include "tartan/support/error.h"
#include "tartan/support/npy.h"

namespace tartan::bench {
namespace {

// The vocabulary of imdb_lstm's embedding (networks/imdb_lstm.cpp): the only integer input.
constexpr std::int64_t kTokenVocabulary = 20000;

std::unique_ptr<networks::WeightSource> weight_source(const BenchOptions& options) {
  if (options.weights_file.empty()) return networks::synthetic_weights();
  return networks::hdf5_weights(options.weights_file);
}

networks::BuiltNetwork build(const networks::NetworkInfo& info, const BenchOptions& options,
                             int batch) {
  networks::NetworkOptions net;
  net.batch = batch;
  net.input_size = options.input_size;
  auto weights = weight_source(options);
  networks::BuiltNetwork built = info.build(net, *weights);
  weights->finish();
  return built;
}

// Token ids that are not whole numbers of the vocabulary still run: each becomes an int32 as
// everywhere in tartan (to_int32_saturated: truncated, saturated, NaN 0) and then the nearest
// row of the embedding (gather's clamp), on the device and in the reference alike. Said once,
// with how many, since the prediction is then of other tokens than the file's.
void warn_of_unusable_token_ids(const NpyArray& npy, const std::string& file) {
  std::size_t bad = 0;
  for (float v : npy.values) {
    bad += !(v >= 0 && v < kTokenVocabulary && v == std::trunc(v));  // NaN counts too
  }
  if (bad == 0) return;
  std::cerr << fmt::format(
      "tartan-bench: warning: {} of the {} token ids in {} are not whole numbers in [0, {}) "
      "(NaN, infinite, fractional or out of the vocabulary); they run as int32 (truncated "
      "toward zero, NaN as 0) clamped to [0, {}]\n",
      bad, npy.values.size(), file, kTokenVocabulary, kTokenVocabulary - 1);
}

// This machine's memory in bytes (physical pages).
double host_memory_bytes() {
  return static_cast<double>(::sysconf(_SC_PHYS_PAGES)) *
         static_cast<double>(::sysconf(_SC_PAGE_SIZE));
}

// What a run at these sizes needs at least: the input batch (float64 on the host, float32 on the
// device) and the network's largest tensor (float32; on PoCL device memory is host memory).
// Beyond this machine's memory it would die of std::bad_alloc (or the OOM killer) partway, so
// it is said before the run, with the sizes that fit (the input grows with the batch, and with
// the square of the input size).
void check_fits_in_memory(const networks::NetworkInfo& info, const BenchOptions& o,
                          const Program& program) {
  const TensorInfo& input = program.tensor(program.inputs()[0]);
  const double input_values = static_cast<double>(num_elements(input.shape));
  double largest = 0;
  for (const TensorInfo& t : program.tensors()) {
    largest = std::max(largest, static_cast<double>(num_elements(t.shape) * dtype_size(t.dtype)));
  }
  const double need = input_values * (8 + 4) + largest;
  const double have = host_memory_bytes();
  if (need <= have) return;
  constexpr double kGiB = 1024.0 * 1024 * 1024;
  const double scale = have / need;
  // Upper bounds: the run needs room for more than these two tensors.
  std::string fits =
      fmt::format("at this input size no batch above {} can fit: pass a smaller --batch-size",
                  static_cast<long long>(std::floor(o.batch_size * scale)));
  if (o.batch_size * scale < 1) {
    const std::int64_t size = input.shape.size() == 4 ? input.shape[1] : 0;
    fits = size > 0 ? fmt::format("at batch 1 no --input-size above {} can fit: pass a smaller one",
                                  static_cast<long long>(size * std::sqrt(scale * o.batch_size)))
                    : "not even batch 1 fits";
  }
  throw Error(fmt::format("{} at batch {} with input {} needs at least {:.1f} GiB of memory (its "
                          "input batch {:.1f} GiB as float64 on the host and float32 on the "
                          "device, its largest tensor {:.1f} GiB); this machine has {:.1f} GiB",
                          info.name, o.batch_size, shape_str(input.shape), need / kGiB,
                          input_values * 12 / kGiB, largest / kGiB, have / kGiB),
              fits);
}

// The whole batch's input: the .npy file's (one example, repeated over the batch, or the whole
// batch) or the synthetic one.
HostTensor batch_input(const TensorInfo& input, const BenchOptions& options) {
  HostTensor t(input.dtype, input.shape);
  if (options.input_file.empty()) {
    if (input.dtype == DType::kInt32) {
      const auto ids = networks::synthetic_token_ids(input.shape, kTokenVocabulary);
      t.values.assign(ids.begin(), ids.end());
    } else {
      const auto values = networks::synthetic_input(input.shape);
      t.values.assign(values.begin(), values.end());
    }
    return t;
  }
  const NpyArray npy = read_npy(options.input_file);
  if (input.dtype == DType::kInt32) warn_of_unusable_token_ids(npy, options.input_file);
  const Shape example(input.shape.begin() + 1, input.shape.end());
  Shape one = example;
  one.insert(one.begin(), 1);
  if (npy.shape == input.shape) {
    t.values.assign(npy.values.begin(), npy.values.end());
  } else if (npy.shape == example || npy.shape == one) {
    for (std::size_t i = 0; i < t.values.size(); ++i)
      t.values[i] = npy.values[i % npy.values.size()];
  } else {
    throw Error(fmt::format("{} holds an array of shape {}; the network takes {} per batch",
                            options.input_file, shape_str(npy.shape), shape_str(input.shape)),
                fmt::format("give one example {} or a whole batch {}", shape_str(example),
                            shape_str(input.shape)));
  }
  return t;
}

}  // namespace

void list_networks(std::ostream& out) {
  std::size_t name_width = 8, keras_width = 6;
  for (const networks::NetworkInfo& n : networks::all_networks()) {
    name_width = std::max(name_width, n.name.size() + 2);
    keras_width = std::max(keras_width, n.keras_name.size() + 2);
  }
  out << fmt::format("{:<{}}{:<{}}{:<16}{:>12}{:>15}\n", "network", name_width, "Keras",
                     keras_width, "input", "parameters", "GFLOP/example");
  for (const networks::NetworkInfo& n : networks::all_networks()) {
    out << fmt::format("{:<{}}{:<{}}{:<16}{:>12}{:>15.3f}\n", n.name, name_width, n.keras_name,
                       keras_width, shape_str(n.example_shape), n.parameters, n.gflops_per_example);
  }
}

Workload keras_workload(const std::string& network, const BenchOptions& options) {
  const networks::NetworkInfo& info = networks::find_network(network);
  networks::BuiltNetwork built = build(info, options, options.batch_size);
  check_fits_in_memory(info, options, built.program);
  Workload w;
  w.kind = "keras";
  w.name = info.name;
  w.batch = options.batch_size;
  w.parameters = built.parameters;
  w.flops_per_example = static_cast<double>(built.flops) / options.batch_size;
  TARTAN_CHECK(built.program.inputs().size() == 1, "a Keras application has one input");
  w.inputs.push_back(batch_input(built.program.tensor(built.program.inputs()[0]), options));
  w.program = std::move(built.program);
  // The reference runs the same network built at batch 1 on the first example: the weights
  // come from the same source, so the two programs compute the same function.
  const HostTensor first = leading_slice(w.inputs[0], 1);
  w.reference_first_example = [&info, options, first]() {
    const networks::BuiltNetwork one = build(info, options, 1);
    return reference_run(one.program, {first});
  };
  return w;
}

}  // namespace tartan::bench
