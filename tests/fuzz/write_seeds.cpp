// Writes the seed corpora whose formats only tartan's own encoders can produce correctly (they
// carry checksums, or must follow the encoder's layout exactly): kernel-cache entries, tuning
// records and .npy files. Run after a format change, from the repository root:
//   build-fuzz/bin/tartan_fuzz_write_seeds tests/fuzz/corpus
// The other corpora (tile programs, YAML, HDF5, baseline JSON) are files written by hand or by
// scripts/fuzz_seeds.py.
#include <fstream>
#include <iostream>

#include "fuzz_cache_key.h"
#include "tartan/schedule/tuning_cache.h"
#include "tartan/support/npy.h"

namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<long>(bytes.size()));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: tartan_fuzz_write_seeds CORPUS_ROOT (tests/fuzz/corpus)\n";
    return 2;
  }
  const fs::path root = argv[1];
  const tartan::runtime::CacheKey key = tartan::fuzz::fuzz_cache_key();
  write(root / "kernel_cache" / "empty_binary.bin", tartan::runtime::encode_cache_entry(key, ""));
  write(root / "kernel_cache" / "small_binary.bin",
        tartan::runtime::encode_cache_entry(key, std::string("\x7f"
                                                             "ELF\x02\x01\x01\0binary",
                                                             15)));

  tartan::TuningRecord plain;
  plain.time_ms = 0.25;
  plain.plain_time_ms = 0.5;
  plain.device = "pthread-cpu (PoCL 3.1)";
  write(root / "tuning_record" / "plain.json", tartan::encode_tuning_record(plain));
  tartan::TuningRecord tiled = plain;
  tiled.plan.work_group_size = 128;
  tiled.plan.tile = {tartan::TileDim{1, 4}, tartan::TileDim{0, 2}};
  tiled.plan.unroll = 4;
  tiled.plan.vector_loads = true;
  tiled.plan.pack_weights = true;
  tiled.plan.split_interior = true;
  write(root / "tuning_record" / "tiled.json", tartan::encode_tuning_record(tiled));
  tartan::TuningRecord local = plain;
  local.plan.local = {16, 16, 4, 4, 16, 4, true, 2};
  local.plan.work_group_size = 256;
  write(root / "tuning_record" / "local.json", tartan::encode_tuning_record(local));
  tartan::TuningRecord reduce = plain;
  reduce.plan.reduce = {0, 64, 2, true};
  reduce.plan.work_group_size = 128;
  write(root / "tuning_record" / "reduce.json", tartan::encode_tuning_record(reduce));

  const fs::path npy = root / "npy";
  fs::create_directories(npy);
  tartan::write_npy(npy / "scalar.npy", {}, {1.5f});
  tartan::write_npy(npy / "vector.npy", {3}, {1.0f, -2.0f, 0.5f});
  tartan::write_npy(npy / "matrix.npy", {2, 3}, {1, 2, 3, 4, 5, 6});
  tartan::write_npy(npy / "empty.npy", {0, 4}, {});
  return 0;
}
