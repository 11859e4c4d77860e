// tartan-build-worker: builds OpenCL sources for one device into the kernel cache, for a
// compile() that spreads its cold builds over processes (core/runtime/build_workers.h).
//   tartan-build-worker --device ID --cache-dir DIR --options OPTIONS FILE.cl... [-]
// Each file is built as it is, with the options, and stored in the kernel cache at DIR (the
// caller's KernelCache::dir(), whatever this process's environment says) under the key the caller
// computes from the same text. `-`: then the files named on standard input, one per line, until
// its end (read once the device is ready: the caller starts workers before it knows their jobs);
// a last line without its newline is ignored (cut short). Exit 1 on the first failure (the caller
// then builds that kernel itself and reports the error), 2 on bad arguments.
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "runtime/build_workers.h"
#include "tartan/runtime/context.h"
#include "tartan/runtime/device.h"
#include "tartan/runtime/kernel_cache.h"
#include "tartan/support/error.h"
#include "tartan/support/file_io.h"

int main(int argc, char** argv) {
  using namespace tartan;
  const auto start = std::chrono::steady_clock::now();
  std::string device_id, cache_dir, options;
  std::vector<std::string> files;
  bool from_stdin = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--device" && i + 1 < argc) {
      device_id = argv[++i];
    } else if (arg == "--cache-dir" && i + 1 < argc) {
      cache_dir = argv[++i];
    } else if (arg == "--options" && i + 1 < argc) {
      options = argv[++i];
    } else if (arg == "-") {
      from_stdin = true;
    } else {
      files.push_back(arg);
    }
  }
  if (device_id.empty() || cache_dir.empty() || (files.empty() && !from_stdin)) {
    std::cerr << "usage: tartan-build-worker --device ID --cache-dir DIR --options OPTIONS "
                 "FILE.cl... [-]\n";
    return 2;
  }
  try {
    // find_device's error lists the devices this process sees: the caller's log shows it.
    const runtime::Context context(runtime::find_device(device_id));
    std::cout << runtime::kWorkerReadyLine
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
              << " s" << std::endl;
    runtime::KernelCache cache(cache_dir);
    const auto build = [&](const std::string& file) {
      const std::optional<std::string> source = read_file(file);
      if (!source) throw Error("cannot read " + file, "");
      cache.build(context, *source, options, file);
    };
    for (const std::string& file : files) build(file);
    for (std::string line; from_stdin && std::getline(std::cin, line) && !std::cin.eof();) {
      if (!line.empty()) build(line);
    }
    return cache.stats().store_failures == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "tartan-build-worker: " << e.what() << "\n";
  }
  return 1;
}
