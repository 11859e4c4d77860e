#include "workload.h"

#include <random>

#include "tartan/passes/to_float16.h"
#include "tartan/reference/executor.h"
#include "tartan/support/error.h"
#include "tartan/support/half.h"

namespace tartan::bench {

Workload fixed_program_workload(std::string kind, std::string name, Program program,
                                int batch_size) {
  if (batch_size != 1) {
    throw Error(kind + " programs have fixed shapes: --batch-size does not apply",
                "leave --batch-size at 1 (a tile program takes its batch from --shape)");
  }
  Workload w;
  w.kind = std::move(kind);
  w.name = std::move(name);
  w.program = std::move(program);
  std::mt19937_64 rng(1);
  for (TensorId id : w.program.inputs()) {
    const TensorInfo& t = w.program.tensor(id);
    w.inputs.push_back(random_tensor(t.dtype, t.shape, rng));
  }
  w.atol = AbsoluteTolerance::kOutputScale;
  w.reference_first_example = [program = w.program, inputs = w.inputs]() {
    return reference_run(program, inputs);
  };
  return w;
}

void to_half(Workload& w) {
  w.program = to_float16(w.program);
  for (HostTensor& t : w.inputs) {
    if (t.dtype != DType::kFloat32) continue;
    t.dtype = DType::kFloat16;
    for (double& v : t.values) v = half_to_float(float_to_half(static_cast<float>(v)));
  }
  w.rtol_value = kHalfRelativeTolerance;
  w.atol_value = kHalfAbsoluteTolerance;
  w.half = true;
}

HostTensor leading_slice(const HostTensor& t, std::int64_t count) {
  TARTAN_CHECK(!t.shape.empty() && t.shape[0] >= count, "slice beyond the leading dimension");
  Shape shape = t.shape;
  shape[0] = count;
  const auto n = static_cast<std::size_t>(num_elements(shape));
  return HostTensor(t.dtype, shape, std::vector<double>(t.values.begin(), t.values.begin() + n));
}

}  // namespace tartan::bench
