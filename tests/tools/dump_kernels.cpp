// tartan-dump-kernels: writes every network's generated kernels, as compile() would generate
// them for fixed devices of the pocl_cpu and nvidia_gpu profiles, without a device
// (tests/common/generated_kernels.h). Run it before and after a change to code generation and
// diff the folders (scripts/diff-network-kernels.sh): equal files mean equal kernels.
//
//   tartan-dump-kernels OUT_DIR [--profile NAME]... [--candidates] [NETWORK]...
//
// Writes OUT_DIR/<profile>/<network>/<k>.cl, one per distinct kernel in order of first use
// (with --candidates also the tuner's candidate plans' kernels). Defaults: both profiles, every
// network of networks/registry.h at batch 1 and its default input size, synthetic weights.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "common/generated_kernels.h"
#include "tartan/networks/registry.h"
#include "tartan/support/error.h"

namespace {

namespace fs = std::filesystem;

int usage(const std::string& why) {
  std::cerr << "tartan-dump-kernels: " << why
            << "\nusage: tartan-dump-kernels OUT_DIR [--profile NAME]... [--candidates] "
               "[NETWORK]...\n";
  return 2;
}

void dump(const fs::path& dir, const std::vector<tartan::KernelSource>& kernels) {
  fs::create_directories(dir);
  for (std::size_t i = 0; i < kernels.size(); ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%03zu.cl", i);
    std::ofstream(dir / name, std::ios::binary) << tartan::testing::kernel_text(kernels[i]);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  fs::path out;
  std::vector<std::string> profiles, networks;
  bool candidates = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--profile") {
      if (i + 1 == args.size()) return usage("--profile needs a profile name");
      profiles.push_back(args[++i]);
    } else if (args[i] == "--candidates") {
      candidates = true;
    } else if (args[i].starts_with("-")) {
      return usage("unknown option " + args[i]);
    } else if (out.empty()) {
      out = args[i];
    } else {
      networks.push_back(args[i]);
    }
  }
  if (out.empty()) return usage("name the output folder");
  if (profiles.empty()) profiles = {"pocl_cpu", "nvidia_gpu"};
  try {
    if (networks.empty()) {
      for (const auto& n : tartan::networks::all_networks()) networks.push_back(n.name);
    }
    for (const std::string& profile : profiles) {
      const tartan::TargetInfo target = tartan::testing::profile_target(profile);
      for (const std::string& name : networks) {
        const auto start = std::chrono::steady_clock::now();
        const auto& info = tartan::networks::find_network(name);
        auto weights = tartan::networks::synthetic_weights();
        const tartan::Program program = info.build({}, *weights).program;
        const auto kernels = tartan::testing::generate_kernels(program, target, candidates);
        dump(out / profile / name, kernels);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        std::cout << profile << " " << name << ": " << kernels.size() << " kernels, "
                  << took.count() << " s\n";
      }
    }
  } catch (const tartan::Error& e) {
    std::cerr << "tartan-dump-kernels: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
