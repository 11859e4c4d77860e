#include "onnx_frontend.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>

#include "common/input_flags.h"
#include "tartan/onnx/model.h"
#include "tartan/reference/executor.h"
#include "tartan/support/error.h"
#include "tartan/support/npy.h"

namespace tartan::bench {
namespace {

// Integer inputs that index nothing (attention masks, token type flags) are drawn from {0, 1}:
// every such input of the exporters we know is a mask or a flag.
constexpr std::int64_t kPlainIntegerLimit = 2;
constexpr std::int64_t kInt32Limit = std::int64_t{1} << 31;

std::string input_names(const onnx::ImportedModel& model) {
  std::string names;
  for (const onnx::ModelInput& in : model.inputs) {
    names += (names.empty() ? "" : ", ") + in.name + " " + shape_str(in.shape);
  }
  return names;
}

const onnx::ModelInput* find_input(const onnx::ImportedModel& model, const std::string& name) {
  for (const onnx::ModelInput& in : model.inputs) {
    if (in.name == name) return &in;
  }
  return nullptr;
}

[[noreturn]] void unknown_input(const onnx::ImportedModel& model, const std::string& flag,
                                const std::string& name) {
  throw Error(fmt::format("{} names the input '{}', which {} does not have", flag, name,
                          model.graph_name.empty() ? "the model" : "the model " + model.graph_name),
              "its inputs are " + input_names(model));
}

// --shape NAME=dims: whole-shape bindings by input name.
std::map<std::string, std::vector<std::int64_t>> shape_flags(const BenchOptions& o) {
  std::map<std::string, std::vector<std::int64_t>> shapes;
  for (const auto& [name, spec] : parse_input_flags(o.shapes, {})) shapes[name] = spec.shape;
  return shapes;
}

onnx::ImportOptions import_options(const BenchOptions& o, std::int64_t batch) {
  onnx::ImportOptions io;
  io.shapes = shape_flags(o);
  io.batch = batch;
  return io;
}

// The same bindings at batch 1, for the reference: --shape's leading dimensions become 1.
onnx::ImportOptions first_example_options(const BenchOptions& o) {
  onnx::ImportOptions io = import_options(o, 1);
  for (auto& [name, dims] : io.shapes) {
    if (!dims.empty()) dims[0] = 1;
  }
  return io;
}

// --input flags by input name: NAME=FILE.npy, or a plain FILE.npy for a single-input model.
std::map<std::string, std::string> input_files(const BenchOptions& o,
                                               const onnx::ImportedModel& model) {
  std::map<std::string, std::string> files;
  for (const std::string& flag : o.input_files) {
    const auto eq = flag.find('=');
    if (eq != std::string::npos && find_input(model, flag.substr(0, eq))) {
      files[flag.substr(0, eq)] = flag.substr(eq + 1);
      continue;
    }
    // A plain path (it may hold '=' itself) feeds the only input.
    const bool plain = eq == std::string::npos || std::filesystem::exists(flag);
    if (!plain) unknown_input(model, "--input " + flag, flag.substr(0, eq));
    if (model.inputs.size() != 1) {
      throw Error(fmt::format("--input {}: the model has {} inputs, so each file needs the name "
                              "of its input",
                              flag, model.inputs.size()),
                  "write --input NAME=FILE.npy for each of " + input_names(model));
    }
    files[model.inputs[0].name] = flag;
  }
  return files;
}

// numpy's name for an ONNX element type, as .npy files spell it.
std::string numpy_dtype(const std::string& onnx_dtype) {
  if (onnx_dtype == "float") return "float32";
  if (onnx_dtype == "double") return "float64";
  return onnx_dtype;
}

// An integer input's values against what the program can hold and index with.
void check_integers(const onnx::ModelInput& in, const std::vector<double>& values,
                    const std::string& file) {
  for (double v : values) {
    if (in.index_limit && (v < 0 || v >= static_cast<double>(*in.index_limit))) {
      throw Error(fmt::format("{} holds the value {} for the input '{}', which indexes a table of "
                              "{} rows",
                              file, v, in.name, *in.index_limit),
                  fmt::format("its values must be in [0, {})", *in.index_limit));
    }
    if (in.dtype == DType::kInt32 && (v < -kInt32Limit || v >= kInt32Limit)) {
      throw Error(fmt::format("{} holds the value {} for the input '{}', beyond int32, which "
                              "tartan computes {} in",
                              file, v, in.name, in.onnx_dtype),
                  "give values in [-2^31, 2^31)");
    }
  }
}

// One input for the whole batch from its .npy file: the whole batch, or one example repeated.
HostTensor file_input(const onnx::ModelInput& in, const std::string& file, int batch) {
  const NpyTypedArray npy = read_npy_typed(file);
  const std::string want = numpy_dtype(in.onnx_dtype);
  if (npy.dtype != want) {
    throw Error(fmt::format("{} holds {} values; the input '{}' is {}", file, npy.dtype, in.name,
                            in.onnx_dtype),
                fmt::format("save it as {} (numpy: array.astype('{}'))", want, want));
  }
  HostTensor t(in.dtype, in.shape);
  Shape one = in.shape;
  if (!one.empty()) one[0] = 1;
  const Shape example(in.shape.empty() ? in.shape.begin() : in.shape.begin() + 1, in.shape.end());
  if (npy.shape == in.shape) {
    t.values = npy.values;
  } else if (batch > 1 && (npy.shape == one || npy.shape == example)) {
    for (std::size_t i = 0; i < t.values.size(); ++i) {
      t.values[i] = npy.values[i % npy.values.size()];
    }
  } else {
    throw Error(fmt::format("{} holds an array of shape {}; the input '{}' takes {}", file,
                            shape_str(npy.shape), in.name, shape_str(in.shape)),
                batch > 1 ? fmt::format("give one example {} or a whole batch {}", shape_str(one),
                                        shape_str(in.shape))
                          : "give an array of that shape, or bind the model's symbolic "
                            "dimensions to the file's (--batch-size, --shape " +
                                in.name + "=...)");
  }
  if (!is_float(in.dtype)) check_integers(in, t.values, file);
  return t;
}

// Random values in a range the model accepts: floats in [-1, 1), indices in [0, index_limit),
// other integers and bools in {0, 1}.
HostTensor random_input(const onnx::ModelInput& in, std::mt19937_64& rng) {
  if (is_float(in.dtype)) return random_tensor(in.dtype, in.shape, rng);
  const std::int64_t limit = in.index_limit.value_or(kPlainIntegerLimit);
  return random_tensor(in.dtype, in.shape, rng, 0, static_cast<double>(limit));
}

// A batch larger than 1 needs every input's leading dimension to be the batch.
void check_batch(const onnx::ImportedModel& model, const BenchOptions& o) {
  if (o.batch_size == 1) return;
  for (const onnx::ModelInput& in : model.inputs) {
    if (!in.shape.empty() && in.shape[0] == o.batch_size) continue;
    throw Error(fmt::format("--batch-size {}: the input '{}' has shape {}, whose leading "
                            "dimension is fixed (by the model or by --shape), not the batch",
                            o.batch_size, in.name, shape_str(in.shape)),
                "run the model at --batch-size 1, make --shape's leading dimension the batch, "
                "or export it with a symbolic batch (torch.onnx.export(..., dynamic_axes=...))");
  }
}

void describe(const onnx::ImportedModel& model, const std::string& file, std::ostream& out) {
  out << fmt::format("ONNX model {}: graph '{}', {}, opset {}, {} parameters\n", file,
                     model.graph_name, model.producer.empty() ? "no producer" : model.producer,
                     model.opset, model.parameters);
  for (const onnx::ModelInput& in : model.inputs) {
    out << fmt::format("  input  {} {} {}\n", in.name, in.onnx_dtype, shape_str(in.shape));
  }
  for (const onnx::ModelOutput& o : model.outputs) {
    out << fmt::format("  output {} {} {}\n", o.name, o.onnx_dtype, shape_str(o.shape));
  }
}

}  // namespace

bool list_model_operators(const std::string& model_file, std::ostream& out) {
  const std::vector<onnx::OperatorUse> ops = onnx::list_operators(model_file);
  std::size_t op_width = 10, domain_width = 8;
  for (const onnx::OperatorUse& op : ops) {
    op_width = std::max(op_width, op.op_type.size() + 2);
    domain_width = std::max(domain_width, op.domain.size() + 2);
  }
  out << fmt::format("{:<{}}{:<{}}{:>6}{:>7}  {}\n", "operator", op_width, "domain", domain_width,
                     "opset", "nodes", "supported");
  bool all = true;
  for (const onnx::OperatorUse& op : ops) {
    all = all && op.supported;
    const std::string status = op.supported ? "yes" : "no: " + op.note;
    out << fmt::format("{:<{}}{:<{}}{:>6}{:>7}  {}\n", op.op_type, op_width,
                       op.domain.empty() ? "ai.onnx" : op.domain, domain_width, op.opset, op.nodes,
                       status);
  }
  const auto unsupported = std::count_if(ops.begin(), ops.end(),
                                         [](const onnx::OperatorUse& op) { return !op.supported; });
  out << fmt::format("{} operator{}, {} unsupported\n", ops.size(), ops.size() == 1 ? "" : "s",
                     unsupported);
  return all;
}

Workload onnx_workload(const BenchOptions& o) {
  onnx::ImportedModel model = onnx::import_model(o.onnx_file, import_options(o, o.batch_size));
  for (const auto& [name, dims] : shape_flags(o)) {
    if (!find_input(model, name)) unknown_input(model, "--shape " + name + "=...", name);
  }
  const std::map<std::string, std::string> files = input_files(o, model);
  check_batch(model, o);
  describe(model, o.onnx_file, std::cout);

  Workload w;
  w.kind = "onnx";
  w.name = o.onnx_file;
  w.batch = o.batch_size;
  w.parameters = model.parameters;
  // A model's outputs have any scale (logits of random weights reach 100, with float32 rounding
  // of 1e-4 where a logit is near 0): the absolute tolerance scales with the output, as for
  // tile programs (validation.h).
  w.atol = AbsoluteTolerance::kOutputScale;
  std::mt19937_64 rng(1);
  for (const onnx::ModelInput& in : model.inputs) {
    const auto file = files.find(in.name);
    w.inputs.push_back(file == files.end() ? random_input(in, rng)
                                           : file_input(in, file->second, o.batch_size));
  }
  w.program = std::move(model.program);
  if (o.batch_size == 1) {
    w.reference_first_example = [program = w.program, inputs = w.inputs]() {
      return reference_run(program, inputs);
    };
    return w;
  }
  // The reference runs the model imported at batch 1 on the first example, which keeps it
  // affordable at any batch size.
  std::vector<HostTensor> first;
  for (const HostTensor& t : w.inputs) first.push_back(leading_slice(t, 1));
  w.reference_first_example = [file = o.onnx_file, options = first_example_options(o), first]() {
    const onnx::ImportedModel one = onnx::import_model(file, options);
    for (std::size_t i = 0; i < one.inputs.size(); ++i) {
      if (one.inputs[i].shape == first[i].shape) continue;
      throw Error(fmt::format("the input '{}' keeps the shape {} at batch 1: its leading "
                              "dimension is fixed in the model, so there is no batch of 1 to "
                              "validate",
                              one.inputs[i].name, shape_str(one.inputs[i].shape)),
                  "validate at --batch-size 1, or pass --no-validate");
    }
    return reference_run(one.program, first);
  };
  return w;
}

}  // namespace tartan::bench
