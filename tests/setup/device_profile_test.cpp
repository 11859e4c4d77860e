#include "tartan/schedule/device_profile.h"

#include <gtest/gtest.h>

#include <fstream>

#include "common/test_env.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

namespace fs = std::filesystem;
using runtime::DeviceInfo;
using runtime::DeviceType;
using testing::ScopedEnv;
using testing::TempDir;

DeviceInfo device(std::string vendor, std::string name, std::string platform, DeviceType type) {
  DeviceInfo d;
  d.vendor = std::move(vendor);
  d.name = std::move(name);
  d.platform_name = std::move(platform);
  d.type = type;
  return d;
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

// The message of the Error that `fn` throws ("" if none).
template <typename Fn>
std::string error_of(Fn fn) {
  try {
    fn();
  } catch (const Error& e) {
    return std::string(e.what()) + "\nhint: " + e.hint();
  }
  return "";
}

class ShippedProfiles : public ::testing::Test {
 protected:
  void SetUp() override { set_ = load_profiles(fs::path(TARTAN_PROFILES_SOURCE_DIR)); }
  std::string profile_of(const DeviceInfo& d) { return match_profile(set_, d).profile->name; }
  ProfileSet set_;
};

TEST_F(ShippedProfiles, EveryFamilyMatchesItsProfile) {
  EXPECT_EQ(profile_of(device("NVIDIA Corporation", "NVIDIA GeForce RTX 3080", "NVIDIA CUDA",
                              DeviceType::kGpu)),
            "nvidia_gpu");
  EXPECT_EQ(profile_of(device("Advanced Micro Devices, Inc.", "gfx1030",
                              "AMD Accelerated "
                              "Parallel Processing",
                              DeviceType::kGpu)),
            "amd_gpu");
  EXPECT_EQ(profile_of(device("AMD", "AMD Radeon RX 6800", "rusticl", DeviceType::kGpu)),
            "amd_gpu");
  EXPECT_EQ(profile_of(device("Intel(R) Corporation", "Intel(R) UHD Graphics 630",
                              "Intel(R) OpenCL HD Graphics", DeviceType::kGpu)),
            "intel_gpu");
  EXPECT_EQ(profile_of(device("Apple", "Apple M1", "Apple", DeviceType::kGpu)), "apple_gpu");
  // An Intel GPU in a Mac: Apple's framework compiles for it, so apple_gpu wins the tie.
  EXPECT_EQ(profile_of(
                device("Intel Inc.", "Intel(R) Iris(TM) Plus Graphics", "Apple", DeviceType::kGpu)),
            "apple_gpu");
  // PoCL reports the CPU's vendor; the platform tells it apart from Intel's own runtime.
  EXPECT_EQ(profile_of(device("GenuineIntel", "pthread-skylake", "Portable Computing Language",
                              DeviceType::kCpu)),
            "pocl_cpu");
  EXPECT_EQ(profile_of(device("Intel(R) Corporation", "Intel(R) Core(TM) i7", "Intel(R) OpenCL",
                              DeviceType::kCpu)),
            "intel_cpu_opencl");
  EXPECT_EQ(
      profile_of(device("Intel(R) Corporation", "Intel(R) Xeon(R)",
                        "Intel(R) CPU Runtime for OpenCL(TM) Applications", DeviceType::kCpu)),
      "intel_cpu_opencl");
  EXPECT_EQ(profile_of(device("Oclgrind", "Oclgrind Simulator", "Oclgrind", DeviceType::kOther)),
            "oclgrind");
}

TEST_F(ShippedProfiles, TiersAndTuningAreAsWritten) {
  const ProfileMatch nvidia = match_profile(
      set_, device("NVIDIA Corporation", "NVIDIA A100", "NVIDIA CUDA", DeviceType::kGpu));
  EXPECT_EQ(nvidia.tier, Tier::kValidated);
  EXPECT_EQ(nvidia.profile->tuning.work_group_size, 128);
  EXPECT_EQ(nvidia.profile->tuning.register_tile_rows, 4);
  EXPECT_TRUE(nvidia.profile->tuning.local_memory_tiling);
  EXPECT_EQ(nvidia.profile->tuning.local_vector, 4);
  EXPECT_TRUE(nvidia.profile->tuning.local_double_buffer);
  EXPECT_EQ(nvidia.profile->tuning.local_max_k_split, 8);
  EXPECT_TRUE(nvidia.profile->tuning.winograd);
  EXPECT_EQ(nvidia.profile->tuning.winograd_min_tiles, 16);
  EXPECT_EQ(nvidia.profile->tuning.winograd_flops_per_byte, 16.0);
  EXPECT_TRUE(nvidia.profile->tuning.local_block_search);  // measured there only
  EXPECT_EQ(nvidia.profile->tuning.build_processes, 4);
  const ProfileMatch sim =
      match_profile(set_, device("Oclgrind", "Oclgrind Simulator", "Oclgrind", DeviceType::kOther));
  EXPECT_EQ(sim.tier, Tier::kExperimental);
  EXPECT_EQ(sim.profile->tuning.work_group_size, 16);
  // Keys oclgrind.yaml leaves out come from default.yaml.
  EXPECT_EQ(sim.profile->tuning.vector_width, set_.fallback.tuning.vector_width);
  EXPECT_FALSE(sim.profile->tuning.winograd);  // measured on NVIDIA only
  EXPECT_FALSE(sim.profile->tuning.local_block_search);
  EXPECT_EQ(sim.profile->tuning.build_processes, 0);  // absent everywhere but NVIDIA: none
  EXPECT_FALSE(sim.profile->note.empty());
}

TEST_F(ShippedProfiles, UnknownDeviceFallsBackToDefault) {
  // A PoCL GPU backend (pocl-cuda) is not the PoCL CPU profile, nor any other.
  const DeviceInfo d =
      device("Vendor X", "Accel 9000", "Portable Computing Language", DeviceType::kAccelerator);
  const ProfileMatch m = match_profile(set_, d);
  EXPECT_EQ(m.tier, Tier::kUnmatched);
  EXPECT_EQ(m.profile, &set_.fallback);
  EXPECT_EQ(m.profile->name, "default");
  EXPECT_NE(m.reason.find("Vendor X"), std::string::npos) << m.reason;
  EXPECT_NE(m.reason.find("Accel 9000"), std::string::npos) << m.reason;
  EXPECT_STREQ(tier_name(m.tier), "unmatched");
}

TEST_F(ShippedProfiles, RealDevicesMatch) {
  for (const runtime::Device& d : runtime::enumerate_devices()) {
    if (d.info.platform_name == "Portable Computing Language" && d.info.type == DeviceType::kCpu) {
      const ProfileMatch m = match_profile(set_, d.info);
      EXPECT_EQ(m.profile->name, "pocl_cpu");
      EXPECT_EQ(m.tier, Tier::kValidated);
    }
  }
}

class ProfileFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    write(dir_.path() / "default.yaml", "note: fallback\ntuning:\n  work_group_size: 32\n");
  }
  TempDir dir_;
};

TEST_F(ProfileFolder, MostSpecificMatchWinsThenFileOrder) {
  write(dir_.path() / "b_vendor.yaml", "tier: validated\nselectors:\n  vendor: acme\n");
  write(dir_.path() / "c_vendor_type.yaml",
        "tier: experimental\nselectors:\n  vendor: ACME\n  type: [gpu, accelerator]\n");
  write(dir_.path() / "a_name.yaml",
        "tier: validated\nselectors:\n  name: {regex: \"^rocket [0-9]+$\"}\n");
  const ProfileSet set = load_profiles(dir_.path());
  ASSERT_EQ(set.profiles.size(), 3u);
  EXPECT_EQ(set.fallback.tuning.work_group_size, 32);
  EXPECT_EQ(set.profiles[0].tuning.work_group_size, 32);  // inherited from default.yaml

  const auto name_of = [&](const DeviceInfo& d) { return match_profile(set, d).profile->name; };
  // Two selectors beat one.
  EXPECT_EQ(name_of(device("Acme Corp", "Rocket 7", "P", DeviceType::kGpu)), "c_vendor_type");
  // A CPU: c_vendor_type's type does not match; a_name and b_vendor tie at one selector, and
  // a_name sorts first.
  EXPECT_EQ(name_of(device("Acme Corp", "Rocket 7", "P", DeviceType::kCpu)), "a_name");
  EXPECT_EQ(name_of(device("Acme Corp", "Rocket 7x", "P", DeviceType::kCpu)), "b_vendor");
  EXPECT_EQ(name_of(device("Other", "rocket 12", "P", DeviceType::kCpu)), "a_name");
  EXPECT_EQ(name_of(device("Other", "Rocket", "P", DeviceType::kCpu)), "default");
}

TEST_F(ProfileFolder, EnvironmentChoosesTheFolder) {
  write(dir_.path() / "only.yaml", "tier: validated\nselectors:\n  platform: zzz\n");
  {
    ScopedEnv env("TARTAN_PROFILES_DIR", dir_.path().c_str());
    EXPECT_EQ(profiles_dir(), dir_.path());
    EXPECT_EQ(load_profiles().profiles.size(), 1u);
  }
  ScopedEnv env("TARTAN_PROFILES_DIR", "/nonexistent/tartan-profiles");
  EXPECT_NE(error_of([] { profiles_dir(); }).find("/nonexistent/tartan-profiles"),
            std::string::npos);
}

TEST_F(ProfileFolder, MissingDefaultIsAnError) {
  fs::remove(dir_.path() / "default.yaml");
  EXPECT_NE(error_of([&] { load_profiles(dir_.path()); }).find("default.yaml"), std::string::npos);
}

struct BadProfile {
  const char* text;
  int line;
  const char* mentions;
};

TEST(ProfileErrors, NameFileLineAndKey) {
  const BadProfile cases[] = {
      {"tier: validated\nselectors:\n  vendor: x\ntunning:\n  vector_width: 4\n", 4, "tunning"},
      {"tier: validated\nselectors:\n  vendr: x\n", 3, "vendr"},
      {"tier: great\nselectors:\n  vendor: x\n", 1, "great"},
      {"tier: validated\nselectors:\n  type: tpu\n", 3, "tpu"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  vector_width: 3\n", 5, "vector_width"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  work_group_size: lots\n", 5,
       "work_group_size"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  register_tile: [4]\n", 5,
       "register_tile"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  local_memory_tiling: maybe\n", 5,
       "local_memory_tiling"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  local_max_k_split: 6\n", 5,
       "local_max_k_split"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  winograd: maybe\n", 5, "winograd"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  hoist_addresses: 2\n", 5,
       "hoist_addresses"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  fuse_softmax: yes please\n", 5,
       "fuse_softmax"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  hoist_adresses: true\n", 5,
       "hoist_adresses"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  winograd_min_tiles: 0\n", 5,
       "winograd_min_tiles"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  build_processes: -1\n", 5,
       "build_processes"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  build_processes: four\n", 5,
       "build_processes"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  build_processes: 65\n", 5,
       "build_processes"},
      {"tier: validated\nselectors:\n  name: {regex: \"([a-z\"}\n", 3, "regular expression"},
      {"tier: validated\nselectors: {}\n", 2, "selects nothing"},
      {"tier: validated\nnote: x\n", 1, "selectors"},
      {"selectors:\n  vendor: x\n", 1, "tier"},
      {"tier: validated\nselectors:\n  vendor: [x\n", 4, "invalid YAML"},
      {"tier: validated\n\tselectors:\n", 2, "invalid YAML"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  winograd: true\n  winograd: false\n",
       6, "duplicate key 'winograd' (first given at line 5)"},
      {"tier: validated\nselectors:\n  vendor: x\ntier: experimental\n", 4, "duplicate key 'tier'"},
      {"tier: validated\nselectors:\n  vendor: x\ntuning:\n  vector_width: 4\n  vector_width: 8\n",
       6, "duplicate key 'vector_width'"},
  };
  for (const BadProfile& c : cases) {
    SCOPED_TRACE(c.text);
    std::optional<SourceLoc> loc;
    std::string what;
    try {
      parse_profile(c.text, "/p/bad.yaml");
    } catch (const Error& e) {
      what = e.what();
      loc = e.loc();
    }
    ASSERT_FALSE(what.empty()) << "no error";
    EXPECT_NE(what.find("/p/bad.yaml:" + std::to_string(c.line)), std::string::npos) << what;
    EXPECT_NE(what.find(c.mentions), std::string::npos) << what;
    ASSERT_TRUE(loc.has_value());
    EXPECT_EQ(loc->file, "/p/bad.yaml");
    EXPECT_EQ(loc->line, c.line);
  }
}

TEST(ProfileErrors, DefaultTakesNoSelectorsOrTier) {
  EXPECT_NE(error_of([] {
              parse_profile("tier: validated\n", "default.yaml", {}, true);
            }).find("default.yaml takes no 'tier'"),
            std::string::npos);
}

TEST(TextSelectors, SubstringIsCaseInsensitiveAndRegexSearches) {
  EXPECT_TRUE((TextSelector{"nvidia", false}).matches("NVIDIA Corporation"));
  EXPECT_FALSE((TextSelector{"nvidia", false}).matches("AMD"));
  EXPECT_TRUE((TextSelector{"^amd|^advanced", true}).matches("Advanced Micro Devices, Inc."));
  EXPECT_FALSE((TextSelector{"^amd", true}).matches("Not AMD"));
}

}  // namespace
}  // namespace tartan
