#include "cli.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <sstream>

namespace tartan::bench {
namespace {

// Options plaidbench had (or issue 6 plans) that tartan-bench does not do yet: accepted by the
// parser so the message can say so, instead of "unknown option".
struct NotYet {
  const char* flag;
  const char* what;
};
constexpr NotYet kNotYet[] = {
    {"--blanket-run", "running every network in one go"},
    {"--baseline", "comparing against a committed baseline"},
    {"--max-regression", "failing on a regression against a baseline"},
    {"--cpu-compare", "comparing against the CPU device (off for now)"},
    {"--tune", "autotuning kernels before the run"},
    {"--fp16", "running in float16"},
};

int usage_error(const std::string& what, const std::string& hint) {
  std::cerr << "tartan-bench: " << what << "\n  " << hint << "\n";
  return 2;
}

}  // namespace

std::optional<int> parse_command_line(int argc, char** argv, BenchOptions& o) {
  CLI::App app{
      "tartan-bench: compile, time and validate networks and tile programs on an "
      "OpenCL device"};
  app.require_subcommand(1);
  app.fallthrough();  // options may come before or after the frontend

  app.add_option("-n,--examples", o.examples, "examples in the timed run")
      ->check(CLI::PositiveNumber);
  app.add_option("--batch-size", o.batch_size, "examples per batch")->check(CLI::PositiveNumber);
  app.add_flag("--warmup,!--no-warmup", o.warmup, "run warm-up batches before timing (on)");
  app.add_flag("--kernel-timing,!--no-kernel-timing", o.kernel_timing,
               "per-kernel device times from profiling events (on)");
  app.add_option("--results", o.results_dir, "folder for the JSON/CSV results")
      ->capture_default_str();
  app.add_option("--timeout-secs", o.timeout_secs,
                 "stop with a failure after this many seconds (0: no limit)")
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--print-stacktraces", o.print_stacktraces, "show internal detail of failures");
  app.add_flag("-v,--verbose", o.verbose, "the ten most expensive kernels, and more detail");
  app.add_option("--device", o.device, "device id (see tartan-setup --list); overrides the config");
  app.add_option("--warmup-examples", o.warmup_examples, "examples in the warm-up")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_flag("--validate,!--no-validate", o.validate,
               "check one example against the reference executor (on)");
  app.add_option("--format", o.formats, "results files to write: json, csv or both")
      ->delimiter(',')
      ->check(CLI::IsMember({"json", "csv"}));
  app.add_option("--weights", o.weights_file, "Keras HDF5 weights (default: synthetic)");
  app.add_option("--input", o.input_file, "input .npy (one example or a whole batch)");
  app.add_option("--save-output", o.save_output_file, "write the first batch's output (.npy)");
  app.add_option("--input-size", o.input_size, "image size (default: the network's)")
      ->check(CLI::PositiveNumber);
  // A repeated scalar option takes its last value, so a script can append overrides.
  for (const char* name :
       {"--examples", "--batch-size", "--results", "--timeout-secs", "--device",
        "--warmup-examples", "--weights", "--input", "--save-output", "--input-size"}) {
    app.get_option(name)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  }
  std::vector<bool> not_yet(std::size(kNotYet), false);
  for (std::size_t i = 0; i < std::size(kNotYet); ++i) {
    const std::string flag = kNotYet[i].flag;
    if (flag == "--baseline" || flag == "--max-regression") {
      app.add_option_function<std::string>(
             flag, [&not_yet, i](const std::string&) { not_yet[i] = true; }, "not implemented yet")
          ->group("");
    } else {
      app.add_flag_callback(
             flag, [&not_yet, i] { not_yet[i] = true; }, "not implemented yet")
          ->group("");
    }
  }

  CLI::App* keras = app.add_subcommand("keras", "benchmark Keras applications");
  keras->add_option("network", o.networks, "network names (see --list)");
  keras->add_flag("--list", o.list, "list the networks");
  CLI::App* tile = app.add_subcommand("tile", "benchmark a tile program on random inputs");
  tile->add_option("file", o.tile_file, "tile program")->required();
  tile->add_option("--shape", o.shapes, "input shape, NAME=1,224,224,3 (repeatable)");
  tile->add_option("--dtype", o.dtypes, "input type, NAME=float16 (repeatable)");
  CLI::App* ops = app.add_subcommand("ops", "benchmark single ops");
  ops->add_option("op", o.ops, "op names (default: all; see --list)");
  ops->add_flag("--list", o.list, "list the ops");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help exits 0; every other command-line mistake is a usage error.
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  for (std::size_t i = 0; i < std::size(kNotYet); ++i) {
    if (not_yet[i]) {
      return usage_error(
          std::string(kNotYet[i].flag) + " is not implemented yet (" + kNotYet[i].what + ")",
          "run without it; issue 6 tracks it");
    }
  }
  if (keras->parsed()) {
    o.frontend = Frontend::kKeras;
    if (o.list && !o.networks.empty()) {
      return usage_error("keras --list takes no network names", "run `tartan-bench keras --list`");
    }
    if (!o.list && o.networks.empty()) {
      return usage_error("keras needs at least one network name",
                         "e.g. `tartan-bench keras mobilenet`; `tartan-bench keras --list` "
                         "lists them");
    }
  } else if (tile->parsed()) {
    o.frontend = Frontend::kTile;
  } else {
    o.frontend = Frontend::kOps;
  }
  if (o.examples % o.batch_size != 0) {
    std::ostringstream what;
    what << "--examples " << o.examples << " is not a multiple of --batch-size " << o.batch_size;
    return usage_error(what.str(),
                       "pick a number of examples that whole batches make up, e.g. -n " +
                           std::to_string(std::max(1, o.examples / o.batch_size) * o.batch_size));
  }
  if (o.formats.empty()) {
    return usage_error("--format needs json, csv or both", "e.g. --format json,csv");
  }
  return std::nullopt;
}

}  // namespace tartan::bench
