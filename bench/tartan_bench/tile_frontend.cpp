#include "tile_frontend.h"

#include <random>

#include "common/input_flags.h"
#include "tartan/lang/parse.h"
#include "tartan/reference/executor.h"
#include "tartan/support/error.h"
#include "tartan/support/file_io.h"

namespace tartan::bench {

Workload tile_workload(const BenchOptions& options) {
  if (options.batch_size != 1) {
    throw Error("tile programs have fixed shapes: --batch-size does not apply",
                "give the batch in the input shapes (--shape I=8,224,224,3) and leave "
                "--batch-size at 1");
  }
  const std::optional<std::string> source = read_file(options.tile_file);
  if (!source) throw Error("cannot read " + options.tile_file, "check the path and permissions");
  ParseOptions parse;
  parse.filename = options.tile_file;
  parse.inputs = parse_input_flags(options.shapes, options.dtypes);
  Workload w;
  w.kind = "tile";
  w.name = options.tile_file;
  try {
    w.program = parse_program(*source, parse);
  } catch (const Error& e) {
    throw Error(format_diagnostic(e, *source), e.hint());
  }
  std::mt19937_64 rng(1);
  for (TensorId id : w.program.inputs()) {
    const TensorInfo& t = w.program.tensor(id);
    w.inputs.push_back(random_tensor(t.dtype, t.shape, rng));
  }
  const Program copy = w.program;
  const std::vector<HostTensor> input_copy = w.inputs;
  w.reference_first_example = [copy, input_copy]() { return reference_run(copy, input_copy); };
  return w;
}

}  // namespace tartan::bench
