#include "wizard.h"

#include <cstdio>
#include <filesystem>
#include <ostream>
#include <sstream>
#include <string>

#include "device_table.h"
#include "interrupt.h"
#include "prompts.h"
#include "session.h"
#include "smoke_test.h"
#include "tartan/runtime/peak_probe.h"
#include "tartan/runtime/select_device.h"
#include "tartan/support/env.h"
#include "tartan/support/utc_time.h"

namespace tartan::setup {
namespace {

constexpr int kFailureLinesShown = 30;  // of a build log, unless --verbose

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// 3 significant digits at least, no exponent: "12345", "123.4", "0.00123".
std::string rate(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, v >= 100 ? "%.0f" : v >= 1 ? "%.1f" : "%.3g", v);
  return buf;
}

std::string clip_lines(const std::string& text, bool verbose) {
  if (verbose) return text;
  std::istringstream in(text);
  std::string out, line;
  int n = 0, more = 0;
  while (std::getline(in, line)) {
    if (n++ < kFailureLinesShown) {
      out += line + "\n";
    } else {
      ++more;
    }
  }
  if (more > 0) out += "... " + std::to_string(more) + " more lines (--verbose shows them)\n";
  return out;
}

std::string indent(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  std::string out, line;
  while (std::getline(in, line)) out += prefix + line + "\n";
  return out;
}

bool decide_experimental(const SetupOptions& options, const Session& s,
                         const std::vector<DeviceRow>& rows, Prompter& prompt, const Streams& io) {
  if (options.experimental) return true;
  std::vector<const DeviceRow*> candidates;
  for (const DeviceRow& r : rows) {
    if (r.tier != Tier::kValidated && r.info.available && r.info.compiler_available) {
      candidates.push_back(&r);
    }
  }
  // Asking about experimental devices when there are none would only puzzle people.
  if (candidates.empty()) return s.effective.experimental;
  io.out << "\nExperimental devices are not validated by tartan; they may fail or be slow:\n";
  for (const DeviceRow* r : candidates) {
    io.out << "  " << r->info.name << " (" << tier_name(r->tier) << "): " << r->note << "\n";
  }
  return prompt.yes_no("Enable experimental devices?", s.effective.experimental);
}

RankedDevice device_from_flag(const std::string& id, const Session& s, bool experimental) {
  runtime::Device device;
  try {
    device = runtime::find_device(s.devices, id);
  } catch (const Error& e) {
    throw UsageError(std::string("--device: ") + e.what(), e.hint());
  }
  const ProfileMatch m = match_profile(s.profiles, device.info);
  if (!device.info.available || !device.info.compiler_available) {
    throw UsageError("--device: " + id + " is " +
                         (device.info.available ? "missing an OpenCL C compiler" : "unavailable"),
                     "choose another device (`tartan-setup --list` shows them)");
  }
  if (!is_usable(device.info, m.tier, experimental)) {
    throw UsageError(
        "--device: " + id + " is " + tier_name(m.tier) + " and experimental devices are off",
        "add --experimental to use it anyway, or choose a validated device");
  }
  return {device, m.tier, m.profile->name};
}

RankedDevice choose_device(const SetupOptions& options, const Session& s, bool experimental,
                           Prompter& prompt, const Streams& io) {
  if (options.device) {
    RankedDevice r = device_from_flag(*options.device, s, experimental);
    io.out << "\nDevice: " << io.out_style.bold(r.device.info.name) << " (" << r.device.info.id
           << "), chosen with --device.\n";
    return r;
  }
  const std::vector<RankedDevice> usable = usable_devices(s.devices, s.profiles, experimental);
  if (usable.empty()) {
    throw Error("no usable OpenCL device" +
                    std::string(experimental ? ": every device is unavailable or has no compiler"
                                             : " among the validated ones"),
                experimental ? "check the driver with `clinfo`; install pocl-opencl-icd for the "
                               "CPU or your GPU vendor's OpenCL driver"
                             : "rerun tartan-setup and enable experimental devices (or pass "
                               "--experimental), or install a validated driver");
  }
  if (usable.size() == 1) {
    io.out << "\nUsing " << io.out_style.bold(usable[0].device.info.name) << " ("
           << usable[0].device.info.id << "), the only usable device.\n";
    return usable[0];
  }
  io.out << "\nUsable devices:\n";
  std::vector<std::string> ids;
  std::size_t default_index = 0;
  for (std::size_t i = 0; i < usable.size(); ++i) {
    const runtime::DeviceInfo& d = usable[i].device.info;
    io.out << "  " << i + 1 << ") " << io.out_style.bold(d.name) << "  ["
           << runtime::device_type_name(d.type) << ", " << tier_name(usable[i].tier) << "]\n"
           << "     " << d.id << "\n";
    ids.push_back(d.id);
    if (s.effective.device == d.id) default_index = i;  // re-running keeps the current choice
  }
  return usable[prompt.choose("Default device?", ids, default_index)];
}

bool smoke_test(const RankedDevice& chosen, const Session& s, const SetupOptions& options,
                const Streams& io) {
  io.out << "\nSmoke test on " << chosen.device.info.name << ":\n";
  const std::vector<SmokeCheck> checks = run_smoke_test(chosen.device, [&](const SmokeCheck& c) {
    io.out << "  " << c.name << ": "
           << (c.passed ? io.out_style.ok("ok") : io.out_style.bad("FAILED"));
    if (c.passed) {
      char error[32];
      std::snprintf(error, sizeof error, "%.1e", c.relative_error);
      io.out << " (relative error " << error << ", "
             << (c.cached ? std::string("kernels from the cache")
                          : "compiled in " + fixed(c.compile_seconds, 1) + " s")
             << ")";
    }
    io.out << "\n" << std::flush;
  });
  bool passed = true;
  for (const SmokeCheck& c : checks) {
    if (c.passed) continue;
    passed = false;
    io.err << io.err_style.bad("error: ") << "the smoke test '" << c.name << "' failed on "
           << chosen.device.info.id << ":\n"
           << indent(clip_lines(c.failure, options.verbose), "  ");
  }
  if (passed) return true;
  std::string hint;
  if (chosen.tier != Tier::kValidated) {
    hint = "this device is " + std::string(tier_name(chosen.tier)) +
           ": rerun tartan-setup with experimental devices off, or choose another device";
  } else {
    hint = "update the device's OpenCL driver, or choose another device";
  }
  for (const RankedDevice& other : usable_devices(s.devices, s.profiles, false)) {
    if (other.device.info.id != chosen.device.info.id) {
      hint += " (e.g. `tartan-setup --device " + other.device.info.id + "`)";
      break;
    }
  }
  io.err << io.err_style.bold("hint: ") << hint << "\nNothing was saved.\n";
  return false;
}

std::optional<PeakPerformance> measure(const RankedDevice& chosen, const Session& s,
                                       const SetupOptions& options, const Streams& io) {
  const std::string& id = chosen.device.info.id;
  if (options.no_probe) {
    std::optional<PeakPerformance> kept = s.saved.peak_for(id);
    io.out << "\nPeak measurement skipped (--no-probe)"
           << (kept ? "; keeping the one from " + kept->measured_at : std::string()) << ".\n";
    return kept;
  }
  io.out << "\nMeasuring peak performance (a few seconds)...\n" << std::flush;
  try {
    const runtime::PeakResult r = runtime::measure_peak(chosen.device);
    io.out << "  FP32 compute:      " << io.out_style.bold(rate(r.gflops) + " GFLOP/s") << "\n"
           << "  memory bandwidth:  " << io.out_style.bold(rate(r.gbps) + " GB/s") << "\n";
    return PeakPerformance{r.gflops, r.gbps, iso8601_utc_now(), id};
  } catch (const Error& e) {
    // The smoke test passed, so the device works; a missing peak only costs the % of peak.
    io.err << io.err_style.warn("warning: ") << "could not measure the peak: " << e.what()
           << "\n  tartan-bench will report times without % of peak.\n";
    return std::nullopt;
  }
}

void print_summary(const UserConfig& c, const Streams& io) {
  io.out << "\nConfiguration:\n  device:       " << c.device.value_or("(default)")
         << "\n  experimental: " << (c.experimental ? "yes" : "no") << "\n";
  if (c.peak) {
    io.out << "  peak:         " << rate(c.peak->gflops) << " GFLOP/s, " << rate(c.peak->gbps)
           << " GB/s\n";
  }
}

// The environment outranks the file when tartan runs; say so rather than let it surprise.
void warn_about_overrides(const UserConfig& c, const Streams& io) {
  if (auto d = env_string("TARTAN_DEVICE"); d && d != c.device) {
    io.out << io.out_style.warn("note: ") << "TARTAN_DEVICE=" << *d
           << " is set and overrides the saved device; unset it to use the saved one.\n";
  }
  if (auto e = env_string("TARTAN_EXPERIMENTAL")) {
    io.out << io.out_style.warn("note: ") << "TARTAN_EXPERIMENTAL=" << *e
           << " is set and overrides the saved experimental setting.\n";
  }
}

}  // namespace

int run_wizard(const SetupOptions& options, const Streams& io) {
  io.out << io.out_style.bold("tartan-setup " TARTAN_VERSION)
         << ": choose the OpenCL device tartan uses, check that it works, measure its speed.\n\n";
  const Session s = open_session(options, /*tolerate_bad_config=*/false);
  Prompter prompt(io.in, io.out, io.out_style, options.yes, io.input_echoed);

  const std::vector<DeviceRow> rows =
      device_rows(s.devices, s.profiles, s.effective.experimental, s.selected_id);
  io.out << "Found " << rows.size() << (rows.size() == 1 ? " OpenCL device" : " OpenCL devices")
         << (s.selected_id ? " (* = in use now)" : "") << ":\n";
  print_device_table(io.out, rows, io.out_style, options.verbose);
  if (!s.selection_problem.empty()) {
    io.out << io.out_style.warn("note: ") << s.selection_problem << "\n";
  }

  const bool experimental = decide_experimental(options, s, rows, prompt, io);
  const RankedDevice chosen = choose_device(options, s, experimental, prompt, io);
  if (!smoke_test(chosen, s, options, io)) return kExitFailure;

  UserConfig next = s.saved;
  next.device = chosen.device.info.id;
  next.experimental = experimental;
  next.peak = measure(chosen, s, options, io);
  print_summary(next, io);

  std::error_code ec;
  const bool existed = std::filesystem::exists(s.write_path, ec);
  if (!prompt.yes_no("Save it to " + s.write_path.string() + "?", true)) {
    io.out << "Not saved; " << s.write_path.string()
           << (existed ? " is unchanged.\n" : " was not created.\n");
    return kExitOk;
  }
  {
    InterruptsDeferred deferred;  // a Ctrl-C now waits until the file is complete
    save_config(next, s.write_path);
    note_config_saved();
  }
  io.out << io.out_style.ok("Saved ") << s.write_path.string() << ".\n";
  warn_about_overrides(next, io);
  io.out << "\nNext: " << io.out_style.bold("tartan-bench keras mobilenet") << "\n";
  return kExitOk;
}

}  // namespace tartan::setup
