#include "keras_frontend.h"

#include <fmt/format.h>

#include <algorithm>

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
