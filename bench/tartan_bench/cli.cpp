#include "cli.h"

#include <CLI/CLI.hpp>
#include <charconv>
#include <iostream>
#include <limits>
#include <sstream>

namespace tartan::bench {
namespace {

int usage_error(const std::string& what, const std::string& hint) {
  std::cerr << "tartan-bench: " << what << "\n  " << hint << "\n";
  return 2;
}

// A count that must be at least 1, said in tartan's words (CLI11's PositiveNumber says "Value 0
// not in range 0.000000 to 1797693134862315...000.000000"); runs before the conversion to int,
// so a fraction or a number past int's range gets the same words.
CLI::Validator whole_number_from_one() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        constexpr long long kMax = std::numeric_limits<int>::max();
        long long value = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, value);
        if (ec == std::errc() && ptr == end && value >= 1 && value <= kMax) return "";
        return "takes a whole number from 1 to " + std::to_string(kMax) + ", not '" + text + "'";
      },
      "1..2147483647");
}

}  // namespace

std::optional<int> parse_command_line(int argc, char** argv, BenchOptions& o) {
  CLI::App app{
      "tartan-bench: compile, time and validate networks and tile programs on an "
      "OpenCL device"};
  app.require_subcommand(1);
  app.fallthrough();  // options may come before or after the frontend

  app.add_option("-n,--examples", o.examples, "examples in the timed run")
      ->check(whole_number_from_one());
  app.add_option("--batch-size", o.batch_size, "examples per batch")
      ->check(whole_number_from_one());
  app.add_flag("--warmup,!--no-warmup", o.warmup, "run warm-up batches before timing (on)");
  app.add_flag("--kernel-timing,!--no-kernel-timing", o.kernel_timing,
               "per-kernel device times from profiling events (on)");
  app.add_option("--results", o.results_dir, "folder for the JSON/CSV results")
      ->capture_default_str();
  app.add_option("--timeout-secs", o.timeout_secs,
                 "stop with a failure after this many seconds (0: no limit)")
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--print-stacktraces", o.print_stacktraces, "show internal detail of failures");
  app.add_flag("-v,--verbose", o.verbose, "the most expensive kernels, and more detail");
  app.add_option("--top-kernels", o.top_kernels,
                 "kernels listed by -v and in the results' top_kernels, most expensive first")
      ->check(whole_number_from_one())
      ->capture_default_str();
  app.add_option("--device", o.device, "device id (see tartan-setup --list); overrides the config");
  app.add_option("--warmup-examples", o.warmup_examples, "examples in the warm-up")
      ->check(whole_number_from_one())
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
      ->check(whole_number_from_one());
  // A repeated scalar option takes its last value, so a script can append overrides.
  for (const char* name :
       {"--examples", "--batch-size", "--results", "--timeout-secs", "--device",
        "--warmup-examples", "--weights", "--input", "--save-output", "--input-size"}) {
    app.get_option(name)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  }
  app.add_flag_function(
      "--cpu-compare,!--no-cpu-compare", [&o](std::int64_t count) { o.cpu_compare = count > 0; },
      "also run on the CPU device, report its throughput and the speedup (on when the device "
      "is not a CPU)");
  app.add_flag("--blanket-run", o.blanket_run,
               "every network (or those named) at batch sizes 1, 4, 8 and 16, one summary");
  app.add_option("--baseline", o.baseline,
                 "an earlier tartan-bench .json result, or a folder of them, to compare with")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  double max_regression = 0;
  CLI::Option* max_regression_option =
      app.add_option("--max-regression", max_regression,
                     "exit 3 when throughput or p50 latency is more than PCT percent worse "
                     "than the baseline")
          ->check(CLI::NonNegativeNumber)
          ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_flag("--tune", o.tune,
               "measure candidate kernel plans and keep the fastest in the tuning cache");
  app.add_flag("--fp16", o.fp16,
               "run in half precision (float16 storage, float arithmetic); needs cl_khr_fp16");

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
  if (max_regression_option->count() > 0) o.max_regression = max_regression;
  if (o.max_regression && o.baseline.empty()) {
    return usage_error("--max-regression needs --baseline",
                       "pass the earlier result to compare with: --baseline FILE.json (or a "
                       "folder of results)");
  }
  if (keras->parsed()) {
    o.frontend = Frontend::kKeras;
    if (o.list && !o.networks.empty()) {
      return usage_error("keras --list takes no network names", "run `tartan-bench keras --list`");
    }
    if (!o.list && o.networks.empty() && !o.blanket_run) {
      return usage_error("keras needs at least one network name",
                         "e.g. `tartan-bench keras mobilenet`; `tartan-bench keras --list` "
                         "lists them");
    }
  } else if (tile->parsed()) {
    o.frontend = Frontend::kTile;
  } else {
    o.frontend = Frontend::kOps;
  }
  if (o.blanket_run) {
    if (o.frontend != Frontend::kKeras) {
      return usage_error("--blanket-run runs Keras networks",
                         "use `tartan-bench --blanket-run keras` (every network) or name some");
    }
    if (app.get_option("--batch-size")->count() > 0) {
      return usage_error("--blanket-run picks the batch sizes itself (1, 4, 8 and 16)",
                         "leave out --batch-size");
    }
    for (int batch : kBlanketBatchSizes) {
      if (o.examples % batch != 0) {
        return usage_error(
            "--examples " + std::to_string(o.examples) +
                " is not a multiple of the blanket run's batch size " + std::to_string(batch),
            "pick a multiple of 16, e.g. -n " + std::to_string(std::max(1, o.examples / 16) * 16));
      }
    }
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
