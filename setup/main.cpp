// tartan-setup: choose the OpenCL device tartan uses, check that it works, measure its speed,
// and save the choice in the user config.
//
//   tartan-setup                      the interactive wizard
//   tartan-setup --list [--json]      the devices, their tiers, the one in use
//   tartan-setup --device ID --yes    choose without questions (scripts, CI)
// Exit codes: 0 ok, 1 failure, 2 usage, 128 + signal when interrupted (config untouched).
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "interrupt.h"
#include "list_devices.h"
#include "options.h"
#include "wizard.h"

namespace tartan::setup {
namespace {

void print_error(const Error& e, const Style& style) {
  std::cerr << style.bad("error: ") << e.what() << "\n";
  if (!e.hint().empty()) std::cerr << style.bold("hint: ") << e.hint() << "\n";
}

}  // namespace
}  // namespace tartan::setup

int main(int argc, char** argv) {
  using namespace tartan::setup;
  SetupOptions options;
  CLI::App app{
      "tartan-setup: choose the OpenCL device tartan uses, check that it works, and "
      "measure its peak speed"};
  app.set_version_flag("--version", TARTAN_VERSION);
  CLI::Option* list = app.add_flag("--list", options.list, "list the OpenCL devices and exit");
  app.add_flag("--json", options.json, "with --list: print JSON (every field, tier and id)")
      ->needs(list);
  CLI::Option* device =
      app.add_option("--device", options.device, "use this device id without asking");
  app.add_flag("--experimental", options.experimental,
               "allow experimental (not validated) devices without asking");
  CLI::Option* yes = app.add_flag("--yes,-y", options.yes, "accept every default without asking");
  app.add_option("--config", options.config_path,
                 "config file to read and write (default: $TARTAN_CONFIG, else "
                 "$XDG_CONFIG_HOME/tartan/config.yaml)");
  CLI::Option* no_probe =
      app.add_flag("--no-probe", options.no_probe, "skip the peak performance measurement");
  app.add_flag("--verbose,-v", options.verbose,
               "show profile matching, whole build logs and debug logs");
  list->excludes(device)->excludes(yes)->excludes(no_probe);
  const Style err_style = Style::for_fd(STDERR_FILENO);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and version exit 0; every other command-line mistake is a usage error.
    return e.get_exit_code() == 0 ? app.exit(e) : (app.exit(e), kExitUsage);
  }
  if (options.verbose) spdlog::set_level(spdlog::level::debug);
  install_interrupt_handlers();
  const Style out_style = Style::for_fd(STDOUT_FILENO);
  try {
    if (options.list) return list_devices(options, std::cout, std::cerr, out_style, err_style);
    const Streams io{std::cin,  std::cout, std::cerr,
                     out_style, err_style, is_terminal(STDIN_FILENO)};
    return run_wizard(options, io);
  } catch (const UsageError& e) {
    print_error(e, err_style);
    return kExitUsage;
  } catch (const tartan::Error& e) {
    print_error(e, err_style);
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << err_style.bad("internal error: ") << e.what()
              << "\nThis is a bug in tartan; please report it with the output of "
                 "`tartan-setup --list --json`.\n";
    return kExitFailure;
  }
}
