// tartan-bench: what plaidbench did for PlaidML, for tartan. Compiles a network (keras) or a
// tile program (tile), times it on the configured OpenCL device, validates one example against
// the reference executor, and writes the results as JSON and CSV.
//
// Exit codes: 0 ok; 1 a failure (compile, run, validation FAIL, timeout; in a blanket run, any
// run's); 2 usage (bad flags, unknown network or device, an unreadable or unmatched --baseline,
// --fp16 on a device without cl_khr_fp16); 3 a regression beyond --max-regression (when nothing
// failed); 130 Ctrl-C (143 SIGTERM), after writing what was measured.
// Test hook: TARTAN_BENCH_CORRUPT_OUTPUT=1 adds 1 to the first element of the device's output
// before validation (=nan makes it NaN), so tests can watch validation fail.
// TARTAN_BENCH_ASSUME_FP16=1 lets --fp16 run on a device without cl_khr_fp16 (see below).
#include <algorithm>
#include <iostream>

#include "baseline.h"
#include "cli.h"
#include "common/op_programs.h"
#include "harness.h"
#include "keras_frontend.h"
#include "measurement.h"
#include "report.h"
#include "results.h"
#include "run_context.h"
#include "stop.h"
#include "summary.h"
#include "tartan/networks/registry.h"
#include "tartan/runtime/select_device.h"
#include "tartan/support/cancel.h"
#include "tartan/support/env.h"
#include "tartan/support/error.h"
#include "tartan/support/npy.h"
#include "tartan/support/utc_time.h"
#include "tile_frontend.h"

namespace tartan::bench {
namespace {

void print_error(const BenchOptions& o, const std::exception& e) {
  std::cerr << "tartan-bench: " << e.what() << "\n";
  if (const auto* user = dynamic_cast<const Error*>(&e); user && !user->hint().empty()) {
    std::cerr << "  " << user->hint() << "\n";
  }
  if (dynamic_cast<const Error*>(&e) == nullptr && !o.print_stacktraces) {
    std::cerr << "  (an internal error: please report it; --print-stacktraces shows detail)\n";
  }
}

struct DeviceChoice {
  runtime::Device device;
  std::string note;
  std::optional<double> peak_gflops;
};

// --device, else the config (TARTAN_DEVICE over the file), else the default device with a note.
DeviceChoice choose_device(const BenchOptions& o) {
  UserConfig config = apply_environment(load_config());
  if (o.device) config.device = *o.device;
  const SelectedDevice selected =
      select_device(config, runtime::enumerate_devices(), load_profiles());
  DeviceChoice choice{selected.device.device, selected.note, std::nullopt};
  if (const auto peak = config.peak_for(choice.device.info.id)) choice.peak_gflops = peak->gflops;
  return choice;
}

Workload make_workload(const BenchOptions& o, const std::string& name) {
  switch (o.frontend) {
    case Frontend::kKeras:
      return keras_workload(name, o);
    case Frontend::kTile:
      return tile_workload(o);
    case Frontend::kOps:
      return ops_workload(name, o);
  }
  TARTAN_CHECK(false, "unknown frontend");
}

const char* frontend_name(Frontend f) {
  return f == Frontend::kKeras ? "keras" : f == Frontend::kTile ? "tile" : "ops";
}

void save_output(const BenchOptions& o, const std::vector<HostTensor>& outputs) {
  if (o.save_output_file.empty() || outputs.empty()) return;
  const HostTensor& t = outputs.front();
  write_npy(o.save_output_file, t.shape, std::vector<float>(t.values.begin(), t.values.end()));
  std::cout << "Saved the first batch's output to " << o.save_output_file << "\n";
}

// One network at one batch size (or the tile program, or one op). A failure to build the
// workload is reported and recorded; it never stops the runs after it.
RunOutcome bench_one(const BenchOptions& o, const DeviceChoice& device, const std::string& network,
                     const BaselineRun* baseline) {
  RunContext c;
  c.options = &o;
  c.device = device.device.info;
  c.device_note = device.note;
  c.peak_gflops = device.peak_gflops;
  c.date = iso8601_utc_now();
  c.frontend = frontend_name(o.frontend);
  c.name = o.frontend == Frontend::kTile ? o.tile_file : network;
  RunOutcome outcome;
  outcome.name = c.name;
  outcome.batch_size = o.batch_size;
  std::cout << "Running " << o.examples << " examples with " << c.name << ", batch size "
            << o.batch_size << ", on " << c.device.id << " (" << c.device.name << ")"
            << (o.fp16 ? " in float16" : "") << "\n"
            << std::flush;
  Measurement m;
  // When a step cannot stop in time (an OpenCL build), the stop monitor writes this run's
  // results from here, with what was measured so far.
  set_stop_writer([&c, &m](StopReason why) {
    m.stopped = why;
    m.failure = stopped_while(why);
    const Summary s = summarize(m, c.options->batch_size, c.peak_gflops);
    for (const auto& path : write_results(c, results_json(c, m, s))) {
      std::cout << "Results: " << path.string() << "\n";
    }
    return why == StopReason::kInterrupted ? 128 + stop_signal() : 1;
  });
  set_phase(o.weights_file.empty() ? "building " + c.name : "loading the weights of " + c.name);
  Workload w;
  try {
    w = make_workload(o, network);
    if (o.fp16) to_half(w);
  } catch (const Cancelled&) {
    m.stopped = should_stop();  // written below, like a stop in any later step
  } catch (const std::exception& e) {
    set_stop_writer(nullptr);
    print_error(o, e);
    outcome.status = "failed";
    outcome.failure = e.what();
    outcome.exit_code = 1;
    return outcome;
  }
  std::vector<HostTensor> first_outputs;
  if (m.stopped == StopReason::kNone) {
    {
      const auto held = results_lock();
      c.parameters = w.parameters;
      for (const HostTensor& t : w.inputs) c.input_shapes.push_back(t.shape);
    }
    run_benchmark(w, device.device, o, m, &first_outputs);
  }
  set_stop_writer(nullptr);  // from here on this thread writes the results, and soon
  const Summary s = summarize(m, o.batch_size, c.peak_gflops);
  print_report(std::cout, c, m, s);
  if (m.stopped != StopReason::kNone) {
    // The results say where it stopped, as the stop monitor's do.
    m.failure = stopped_while(m.stopped);
  } else if (!m.failure.empty()) {
    std::cerr << "tartan-bench: " << c.name << " failed: " << m.failure << "\n";
  }
  // Before the timed run there are no batches to count: the step it stopped in says more.
  const std::string when = m.batches_planned > 0
                               ? "after " + std::to_string(m.batch_seconds.size()) + " of " +
                                     std::to_string(m.batches_planned) + " timed batches"
                               : "while " + current_phase();
  if (m.stopped == StopReason::kTimeout) {
    std::cerr << "tartan-bench: timeout: --timeout-secs " << o.timeout_secs << " passed " << when
              << "\n";
  } else if (m.stopped == StopReason::kInterrupted) {
    std::cerr << "tartan-bench: interrupted " << when << "; writing what was measured\n";
  }
  outcome.status = run_status(m);
  outcome.failure = m.failure;
  outcome.measured = m.compiled && !m.batch_seconds.empty();
  outcome.compile_seconds = m.compile_seconds;
  outcome.summary = s;
  outcome.validation = m.validation;
  outcome.cpu = m.cpu;
  nlohmann::ordered_json json = results_json(c, m, s);
  if (baseline && outcome.status == "ok") {
    outcome.baseline = compare_with_baseline(*baseline, s, o.max_regression);
    json["baseline"] = baseline_json(*outcome.baseline);
  }
  // The measurement is written first: nothing optional after it (--save-output) can lose it.
  outcome.files = write_results(c, json);
  for (const auto& path : outcome.files) std::cout << "Results: " << path.string() << "\n";
  if (m.stopped == StopReason::kInterrupted) {
    outcome.exit_code = 128 + stop_signal();
  } else {
    outcome.exit_code = outcome.status == "ok" ? 0 : 1;
  }
  try {
    save_output(o, first_outputs);
  } catch (const Error& e) {
    print_error(o, e);
    outcome.exit_code = std::max(outcome.exit_code, 1);
  }
  return outcome;
}

// What the invocation runs: (name, batch size) pairs, names canonical.
struct PlannedRun {
  std::string name;
  int batch_size = 1;
};

std::vector<PlannedRun> plan_runs(const BenchOptions& o) {
  std::vector<std::string> names = o.frontend == Frontend::kKeras ? o.networks
                                   : o.frontend == Frontend::kOps ? o.ops
                                                                  : std::vector{o.tile_file};
  if (o.frontend == Frontend::kOps && names.empty()) names = op_benchmark_names();
  if (o.frontend == Frontend::kKeras && names.empty()) {  // --blanket-run: every network
    for (const networks::NetworkInfo& n : networks::all_networks()) names.push_back(n.name);
  }
  // A misspelt network or op is a usage mistake: find_network / make_op_benchmark throw Error
  // with the known names, before any work.
  std::vector<PlannedRun> runs;
  for (const std::string& name : names) {
    std::string canonical = name;
    if (o.frontend == Frontend::kKeras) canonical = networks::find_network(name).name;
    if (o.frontend == Frontend::kOps) make_op_benchmark(name);
    if (!o.blanket_run) {
      runs.push_back({canonical, o.batch_size});
      continue;
    }
    for (int batch : kBlanketBatchSizes) runs.push_back({canonical, batch});
  }
  return runs;
}

// The workload name a results file records for a planned run.
std::string recorded_name(const BenchOptions& o, const PlannedRun& run) {
  return o.frontend == Frontend::kTile ? o.tile_file : run.name;
}

// TARTAN_BENCH_ASSUME_FP16=1 (a test hook) lets --fp16 run on a device without cl_khr_fp16:
// the kernels only store half (vload_half / vstore_half are core OpenCL), so PoCL runs them.
bool supports_fp16(const runtime::DeviceInfo& device) {
  return device.fp16 || env_string("TARTAN_BENCH_ASSUME_FP16").value_or("") == "1";
}

int bench_main(const BenchOptions& o) {
  if (o.list) {
    if (o.frontend == Frontend::kKeras) {
      list_networks(std::cout);
    } else {
      for (const std::string& op : op_benchmark_names()) std::cout << op << "\n";
    }
    return 0;
  }
  std::vector<PlannedRun> runs;
  try {
    runs = plan_runs(o);
  } catch (const Error& e) {
    print_error(o, e);
    return 2;
  }
  start_stop_watch(o.timeout_secs);
  DeviceChoice device;
  try {
    device = choose_device(o);
  } catch (const Error& e) {
    // A wrong --device is a usage mistake; a wrong config or no usable device is a failure.
    print_error(o, e);
    return o.device ? 2 : 1;
  }
  if (!device.note.empty()) std::cerr << "note: " << device.note << "\n";
  const runtime::DeviceInfo& info = device.device.info;
  if (o.fp16 && !supports_fp16(info)) {
    std::cerr << "tartan-bench: --fp16: the device " << info.id << " (" << info.name
              << ") does not support half precision (no cl_khr_fp16)\n"
              << "  run without --fp16, or pick a device that lists cl_khr_fp16 "
                 "(tartan-setup --list shows each device's extensions)\n";
    return 2;
  }
  // The baseline is read and matched to every run before anything runs.
  std::vector<BaselineRun> baseline_runs;
  std::vector<const BaselineRun*> baselines(runs.size(), nullptr);
  if (!o.baseline.empty()) {
    try {
      baseline_runs = load_baseline(o.baseline);
      for (std::size_t i = 0; i < runs.size(); ++i) {
        baselines[i] =
            &match_baseline(baseline_runs, o.baseline,
                            {recorded_name(o, runs[i]), runs[i].batch_size, info.id, o.fp16});
      }
    } catch (const Error& e) {
      print_error(o, e);
      return 2;
    }
  }
  try {
    check_output_paths(o);
  } catch (const Error& e) {
    print_error(o, e);
    return 2;
  }
  const std::string date = iso8601_utc_now();
  std::vector<RunOutcome> outcomes;
  std::vector<ComparisonRow> comparisons;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    BenchOptions run_options = o;
    run_options.batch_size = runs[i].batch_size;
    outcomes.push_back(bench_one(run_options, device, runs[i].name, baselines[i]));
    const RunOutcome& r = outcomes.back();
    if (r.baseline) comparisons.push_back({r.name, r.batch_size, *r.baseline});
    if (r.exit_code > 128 || should_stop() != StopReason::kNone) break;
  }
  print_comparison_table(std::cout, comparisons);
  if (o.blanket_run) {
    print_summary_table(std::cout, outcomes);
    const nlohmann::ordered_json summary = summary_json(o, info, date, outcomes);
    std::vector<std::pair<std::string, std::string>> contents;
    for (const std::string& format : o.formats) {
      contents.emplace_back(format,
                            format == "json" ? summary.dump(2) + "\n" : summary_csv(summary));
    }
    for (const auto& path : write_numbered(o, date, "blanket", contents)) {
      std::cout << "Summary: " << path.string() << "\n";
    }
  }
  const int code = overall_exit_code(outcomes);
  if (code == 3) {
    std::cerr << "tartan-bench: a run is more than " << *o.max_regression
              << "% worse than the baseline " << o.baseline << "\n";
  }
  return code;
}

}  // namespace
}  // namespace tartan::bench

int main(int argc, char** argv) {
  tartan::bench::BenchOptions options;
  if (const auto code = tartan::bench::parse_command_line(argc, argv, options)) return *code;
  try {
    return tartan::bench::bench_main(options);
  } catch (const std::exception& e) {
    tartan::bench::print_error(options, e);
    return 1;
  }
}
