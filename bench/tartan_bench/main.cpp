// tartan-bench: what plaidbench did for PlaidML, for tartan. Compiles a network (keras) or a
// tile program (tile), times it on the configured OpenCL device, validates one example against
// the reference executor, and writes the results as JSON and CSV.
//
// Exit codes: 0 ok; 1 a failure (compile, run, validation FAIL, timeout); 2 usage; 130 Ctrl-C
// (143 SIGTERM), after writing what was measured.
// Test hook: TARTAN_BENCH_CORRUPT_OUTPUT=1 adds 1 to the first element of the device's output
// before validation (=nan makes it NaN), so tests can watch validation fail.
#include <iostream>

#include "cli.h"
#include "common/op_programs.h"
#include "harness.h"
#include "keras_frontend.h"
#include "measurement.h"
#include "report.h"
#include "results.h"
#include "run_context.h"
#include "stop.h"
#include "tartan/networks/registry.h"
#include "tartan/runtime/select_device.h"
#include "tartan/support/error.h"
#include "tartan/support/npy.h"
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

// One network (or the tile program): returns its exit code.
int bench_one(const BenchOptions& o, const DeviceChoice& device, const std::string& network) {
  RunContext c;
  c.options = &o;
  c.device = device.device.info;
  c.device_note = device.note;
  c.peak_gflops = device.peak_gflops;
  c.date = iso8601_utc_now();
  c.frontend = frontend_name(o.frontend);
  c.name = o.frontend == Frontend::kTile ? o.tile_file : network;
  std::cout << "Running " << o.examples << " examples with " << c.name << ", batch size "
            << o.batch_size << ", on " << c.device.id << " (" << c.device.name << ")\n"
            << std::flush;
  set_phase("building " + c.name);
  Workload w = make_workload(o, network);
  c.parameters = w.parameters;
  for (const HostTensor& t : w.inputs) c.input_shapes.push_back(t.shape);

  std::vector<HostTensor> first_outputs;
  const Measurement m = run_benchmark(w, device.device, o, &first_outputs);
  const Summary s = summarize(m, w.batch, c.peak_gflops);
  print_report(std::cout, c, m, s);
  if (!m.failure.empty()) {
    std::cerr << "tartan-bench: " << c.name << " failed: " << m.failure << "\n";
  }
  if (m.stopped == StopReason::kTimeout) {
    std::cerr << "tartan-bench: timeout: --timeout-secs " << o.timeout_secs << " passed after "
              << m.batch_seconds.size() << " of " << m.batches_planned << " timed batches\n";
  } else if (m.stopped == StopReason::kInterrupted) {
    std::cerr << "tartan-bench: interrupted; writing what was measured\n";
  }
  save_output(o, first_outputs);
  for (const auto& path : write_results(c, results_json(c, m, s))) {
    std::cout << "Results: " << path.string() << "\n";
  }
  if (m.stopped == StopReason::kInterrupted) return 128 + stop_signal();
  return run_status(m) == "ok" ? 0 : 1;
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
  std::vector<std::string> names = o.frontend == Frontend::kKeras ? o.networks
                                   : o.frontend == Frontend::kOps ? o.ops
                                                                  : std::vector{o.tile_file};
  if (o.frontend == Frontend::kOps && names.empty()) names = op_benchmark_names();
  // A misspelt network or op is a usage mistake: say so (with the known names) before any work.
  for (const std::string& name : names) {
    try {
      if (o.frontend == Frontend::kKeras) networks::find_network(name);
      if (o.frontend == Frontend::kOps) make_op_benchmark(name);
    } catch (const Error& e) {
      print_error(o, e);
      return 2;
    }
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
  int worst = 0;
  for (const std::string& name : names) {
    const int code = bench_one(o, device, name);
    if (code > 128) return code;
    worst = std::max(worst, code);
    if (should_stop() != StopReason::kNone) break;
  }
  return worst;
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
