// tartan-tile: check, print and evaluate tile programs with the reference executor.
//
//   tartan-tile check FILE [--shape NAME=dims]...   parse and check; report the first mistake
//   tartan-tile print FILE [--shape NAME=dims]...   print the canonical form
//   tartan-tile run FILE [--shape NAME=dims]... [--seed N] [--threads N]
//                                                   evaluate on random inputs, summarise outputs
// Exit codes: 0 ok, 1 the program or its evaluation failed, 2 usage.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

#include "common/input_flags.h"
#include "tartan/lang/parse.h"
#include "tartan/reference/executor.h"

namespace tartan {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read " + path, "check the path and its permissions");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void summarize(const std::string& name, const HostTensor& t) {
  double lo = INFINITY, hi = -INFINITY, sum = 0;
  for (double v : t.values) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
    sum += v;
  }
  const double mean = t.values.empty() ? 0 : sum / static_cast<double>(t.values.size());
  std::cout << name << ": " << dtype_name(t.dtype) << shape_str(t.shape) << "  min " << lo
            << "  max " << hi << "  mean " << mean << "\n  first:";
  for (std::size_t i = 0; i < std::min<std::size_t>(8, t.values.size()); ++i) {
    std::cout << " " << t.values[i];
  }
  std::cout << "\n";
}

int run_program(const Program& program, std::uint64_t seed, int threads) {
  std::mt19937_64 rng(seed);
  std::vector<HostTensor> inputs;
  for (TensorId id : program.inputs()) {
    const TensorInfo& t = program.tensor(id);
    inputs.push_back(random_tensor(t.dtype, t.shape, rng));
  }
  const auto start = std::chrono::steady_clock::now();
  const std::vector<HostTensor> outputs = reference_run(program, inputs, {threads});
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    summarize(program.tensor(program.outputs()[i]).name, outputs[i]);
  }
  std::cout << "reference executor: " << program.ops().size() << " ops in " << elapsed.count()
            << " s\n";
  return 0;
}

}  // namespace
}  // namespace tartan

int main(int argc, char** argv) {
  CLI::App app{"tartan-tile: check, print and evaluate tile programs"};
  app.require_subcommand(1);
  std::string file;
  std::vector<std::string> shapes, dtypes;
  std::uint64_t seed = 1;
  int threads = 0;
  const auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("file", file, "tile program")->required();
    cmd->add_option("--shape", shapes, "input shape, NAME=1,224,224,3 (repeatable)");
    cmd->add_option("--dtype", dtypes, "input type, NAME=float16 (repeatable)");
  };
  CLI::App* check = app.add_subcommand("check", "parse and check a program");
  CLI::App* print = app.add_subcommand("print", "print a program's canonical form");
  CLI::App* run = app.add_subcommand("run", "evaluate a program on random inputs");
  for (CLI::App* cmd : {check, print, run}) add_common(cmd);
  run->add_option("--seed", seed, "seed of the random inputs");
  run->add_option("--threads", threads, "reference executor threads (0: all)");
  tartan::ParseOptions options;
  try {
    app.parse(argc, argv);
    options.filename = file;
    options.inputs = tartan::parse_input_flags(shapes, dtypes);
  } catch (const CLI::ParseError& e) {
    // Help and version exit 0; every other command-line mistake is a usage error.
    return e.get_exit_code() == 0 ? app.exit(e) : (app.exit(e), 2);
  } catch (const tartan::Error& e) {
    std::cerr << tartan::format_diagnostic(e, "");
    return 2;
  }

  std::string source;
  try {
    source = tartan::read_file(file);
    const tartan::Program program = tartan::parse_program(source, options);
    if (check->parsed()) {
      std::cout << file << ": ok, " << program.ops().size() << " ops\n";
      return 0;
    }
    if (print->parsed()) {
      std::cout << tartan::print_program(program);
      return 0;
    }
    return tartan::run_program(program, seed, threads);
  } catch (const tartan::Error& e) {
    std::cerr << tartan::format_diagnostic(e, source);
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "tartan-tile: " << e.what() << "\n";
    return 1;
  }
}
