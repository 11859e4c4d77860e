#include "tile_frontend.h"

#include "common/input_flags.h"
#include "common/op_programs.h"
#include "tartan/lang/parse.h"
#include "tartan/support/error.h"
#include "tartan/support/file_io.h"

namespace tartan::bench {

Workload tile_workload(const BenchOptions& options) {
  const std::optional<std::string> source = read_file(options.tile_file);
  if (!source) throw Error("cannot read " + options.tile_file, "check the path and permissions");
  ParseOptions parse;
  parse.filename = options.tile_file;
  parse.inputs = parse_input_flags(options.shapes, options.dtypes);
  Program program;
  try {
    program = parse_program(*source, parse);
  } catch (const Error& e) {
    // The diagnostic already ends with its hint: given again, it would be printed twice.
    std::string diagnostic = format_diagnostic(e, *source);
    while (!diagnostic.empty() && diagnostic.back() == '\n') diagnostic.pop_back();
    throw Error(diagnostic);
  }
  return fixed_program_workload("tile", options.tile_file, std::move(program), options.batch_size);
}

Workload ops_workload(const std::string& op, const BenchOptions& options) {
  OpBenchmark bm = make_op_benchmark(op);
  Workload w = fixed_program_workload("ops", op, std::move(bm.program), options.batch_size);
  w.flops_per_example = bm.flops;
  return w;
}

}  // namespace tartan::bench
