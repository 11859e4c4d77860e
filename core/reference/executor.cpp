#include "tartan/reference/executor.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <variant>

#include "reference/contraction_eval.h"
#include "reference/elementwise_eval.h"
#include "reference/parallel.h"
#include "reference/scan_eval.h"
#include "reference/special_ops_eval.h"
#include "reference/value_rules.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

std::string input_list(const Program& program) {
  std::string s;
  for (TensorId id : program.inputs()) {
    const TensorInfo& t = program.tensor(id);
    s += (s.empty() ? "" : ", ") + t.name + " " + std::string(dtype_name(t.dtype)) +
         shape_str(t.shape);
  }
  return s.empty() ? "none" : s;
}

void check_inputs(const Program& program, const std::vector<HostTensor>& inputs) {
  if (inputs.size() != program.inputs().size()) {
    throw Error("the program takes " + std::to_string(program.inputs().size()) + " input(s) but " +
                    std::to_string(inputs.size()) + " were given",
                "pass one tensor per input, in order: " + input_list(program));
  }
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const TensorInfo& want = program.tensor(program.inputs()[i]);
    const HostTensor& got = inputs[i];
    const std::string what = "input " + std::to_string(i) + " (" + want.name + ")";
    if (got.dtype != want.dtype) {
      throw Error(what + " is " + std::string(dtype_name(got.dtype)) +
                      " but the program declares " + std::string(dtype_name(want.dtype)),
                  "pass a tensor of the declared type");
    }
    if (got.shape != want.shape) {
      throw Error(what + " has shape " + shape_str(got.shape) + " but the program declares " +
                      shape_str(want.shape),
                  "pass a tensor of the declared shape");
    }
    if (static_cast<std::int64_t>(got.values.size()) != num_elements(got.shape)) {
      throw Error(what + " holds " + std::to_string(got.values.size()) + " values but its shape " +
                      shape_str(got.shape) + " needs " + std::to_string(num_elements(got.shape)),
                  "give the tensor one value per element");
    }
  }
}

// An int32 or bool input as a device holds it (3e9 -> INT32_MAX, 2.7 -> 2, NaN -> 0, bool 0 or
// 1), so the reference computes with the values the device was given; nullopt when it already
// holds only such values (no copy).
std::optional<HostTensor> as_stored(const HostTensor& t) {
  if (t.dtype != DType::kInt32 && t.dtype != DType::kBool) return std::nullopt;
  const auto differs = [&](double v) {
    const double stored = cast_value(t.dtype, v);
    return std::isnan(v) || stored != v;
  };
  if (std::none_of(t.values.begin(), t.values.end(), differs)) return std::nullopt;
  HostTensor stored = t;
  for (double& v : stored.values) v = cast_value(t.dtype, v);
  return stored;
}

HostTensor constant_values(const TensorInfo& t) {
  HostTensor out(t.dtype, t.shape);
  for (std::size_t i = 0; i < out.values.size(); ++i) out.values[i] = t.data->at(i);
  return out;
}

// Holds every tensor's values while the program runs: the caller's inputs by pointer, the
// rest owned. Intermediates are dropped after their last reader.
class Interpreter {
 public:
  Interpreter(const Program& program, const std::vector<HostTensor>& inputs, int threads)
      : program_(program),
        threads_(threads),
        owned_(program.tensors().size()),
        view_(program.tensors().size(), nullptr),
        last_use_(program.tensors().size(), -1) {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      view_[static_cast<std::size_t>(program.inputs()[i])] = &inputs[i];
      if (std::optional<HostTensor> stored = as_stored(inputs[i])) {
        set(program.inputs()[i], std::move(*stored));
      }
    }
    for (std::size_t t = 0; t < program.tensors().size(); ++t) {
      if (program.tensors()[t].data)
        set(static_cast<TensorId>(t), constant_values(program.tensors()[t]));
    }
    for (std::size_t i = 0; i < program.ops().size(); ++i) {
      for (TensorId id : op_inputs(program.ops()[i]))
        last_use_[static_cast<std::size_t>(id)] = static_cast<int>(i);
    }
    for (TensorId id : program.outputs()) last_use_[static_cast<std::size_t>(id)] = kKeep;
  }

  std::vector<HostTensor> run() {
    for (std::size_t i = 0; i < program_.ops().size(); ++i) {
      const Op& op = program_.ops()[i];
      set(op_output(op), std::visit([this](const auto& o) { return eval(o); }, op));
      for (TensorId id : op_inputs(op)) {
        if (last_use_[static_cast<std::size_t>(id)] == static_cast<int>(i) &&
            program_.tensor(id).kind == TensorKind::kIntermediate) {
          owned_[static_cast<std::size_t>(id)] = HostTensor();
        }
      }
    }
    std::vector<HostTensor> outputs;
    for (TensorId id : program_.outputs()) outputs.push_back(get(id));
    return outputs;
  }

 private:
  static constexpr int kKeep = 1 << 30;

  const HostTensor& get(TensorId id) const {
    const HostTensor* t = view_[static_cast<std::size_t>(id)];
    TARTAN_CHECK(t != nullptr, "reference: tensor " + program_.tensor(id).name + " has no value");
    return *t;
  }

  void set(TensorId id, HostTensor value) {
    owned_[static_cast<std::size_t>(id)] = std::move(value);
    view_[static_cast<std::size_t>(id)] = &owned_[static_cast<std::size_t>(id)];
  }

  std::vector<const HostTensor*> gets(const std::vector<TensorId>& ids) const {
    std::vector<const HostTensor*> ts;
    for (TensorId id : ids) ts.push_back(&get(id));
    return ts;
  }

  HostTensor eval(const Contraction& c) const {
    std::vector<TensorId> ids;
    for (const Access& a : c.inputs) ids.push_back(a.tensor);
    const HostTensor* d = c.default_tensor ? &get(*c.default_tensor) : nullptr;
    return eval_contraction(program_, c, gets(ids), d, threads_);
  }
  HostTensor eval(const Elementwise& e) const {
    return eval_elementwise(program_, e, gets(e.inputs), threads_);
  }
  HostTensor eval(const Reshape& r) const { return eval_reshape(program_, r, get(r.input)); }
  HostTensor eval(const Gather& g) const {
    return eval_gather(program_, g, get(g.data), get(g.indices));
  }
  HostTensor eval(const IndexOf& i) const { return eval_index(program_, i); }
  HostTensor eval(const Scan& s) const {
    return eval_scan(program_, s, gets(op_inputs(s)), threads_);
  }

  const Program& program_;
  int threads_;
  std::vector<HostTensor> owned_;
  std::vector<const HostTensor*> view_;
  std::vector<int> last_use_;
};

}  // namespace

std::vector<HostTensor> reference_run(const Program& program, const std::vector<HostTensor>& inputs,
                                      const ReferenceOptions& options) {
  check_inputs(program, inputs);
  return Interpreter(program, inputs, resolve_threads(options.threads)).run();
}

}  // namespace tartan
