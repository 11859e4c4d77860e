#include "tartan/support/config.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <fstream>

#include "common/test_env.h"
#include "tartan/runtime/select_device.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

namespace fs = std::filesystem;
using testing::ScopedEnv;
using testing::TempDir;

template <typename Fn>
std::string error_of(Fn fn) {
  try {
    fn();
  } catch (const Error& e) {
    return std::string(e.what()) + "\nhint: " + e.hint();
  }
  return "";
}

TEST(Config, RoundTripsThroughYaml) {
  UserConfig c;
  c.device = "opencl_acme_rocket.1";
  c.experimental = true;
  c.peak = PeakPerformance{1234.5, 67.25, "2024-01-02T03:04:05Z", "opencl_acme_rocket.1"};
  const std::string text = format_config(c);
  // Independent check with yaml-cpp itself.
  const YAML::Node n = YAML::Load(text);
  EXPECT_EQ(n["device"].as<std::string>(), "opencl_acme_rocket.1");
  EXPECT_TRUE(n["experimental"].as<bool>());
  EXPECT_EQ(n["peak"]["gflops"].as<double>(), 1234.5);
  EXPECT_EQ(n["peak"]["gbps"].as<double>(), 67.25);
  EXPECT_EQ(n["peak"]["measured_at"].as<std::string>(), "2024-01-02T03:04:05Z");
  const UserConfig back = parse_config(text, "<test>");
  EXPECT_EQ(back.device, c.device);
  EXPECT_EQ(back.experimental, true);
  ASSERT_TRUE(back.peak);
  EXPECT_EQ(back.peak->gflops, 1234.5);
  EXPECT_EQ(back.peak->device, "opencl_acme_rocket.1");
}

TEST(Config, Utf8TextRoundTrips) {
  UserConfig c;
  c.device = "gp\xc3\xbc.0 \xe2\x82\xac \xf0\x9f\x98\x80";  // u-umlaut, euro sign, an emoji
  const UserConfig again = parse_config(format_config(c), "config.yaml");
  EXPECT_EQ(again.device, c.device);
}

TEST(Config, EmptyAndMissingFilesGiveDefaults) {
  const UserConfig empty = parse_config("", "<empty>");
  EXPECT_FALSE(empty.device);
  EXPECT_FALSE(empty.experimental);
  EXPECT_FALSE(empty.peak);
  const UserConfig missing = load_config("/nonexistent/tartan/config.yaml");
  EXPECT_FALSE(missing.device);
}

TEST(Config, PeakIsOnlyForItsDevice) {
  UserConfig c;
  c.peak = PeakPerformance{1, 2, "", "opencl_a.0"};
  EXPECT_TRUE(c.peak_for("opencl_a.0"));
  EXPECT_FALSE(c.peak_for("opencl_a.1"));
}

struct BadConfig {
  const char* text;
  int line;
  const char* mentions;
};

TEST(Config, MalformedFilesNameKeyAndLine) {
  const BadConfig cases[] = {
      {"device: opencl_a.0\ncolor: blue\n", 2, "'color'"},
      {"experimental: perhaps\n", 1, "experimental"},
      {"peak:\n  gflops: 1\n  gbps: 2\n  when: now\n", 4, "'when'"},
      {"peak:\n  gflops: fast\n  gbps: 2\n", 2, "peak.gflops"},
      {"peak:\n  gflops: 10\n", 2, "gbps"},
      {"peak:\n  gflops: -1\n  gbps: 2\n", 2, "positive"},
      {"device: [a, b]\n", 1, "device"},
      {"- device\n", 1, "map"},
      {"experimental: true\ndevice: [a, b\n", 3, "invalid YAML"},
      // Bytes that are not UTF-8 would be saved as U+FFFD (found by tartan_config_fuzzer:
      // tests/fuzz/corpus/config/not_utf8_device.yaml): a stray byte, a truncated sequence,
      // an overlong form, a surrogate.
      {"device: 'pu1\n\x9c\x05\xbd\x15\xfe\x7fnul'\n", 1, "'device' is not UTF-8 text (byte 5"},
      {"device: gpu\xc3\n", 1, "'device' is not UTF-8 text"},
      {"device: \xc0\xaf\n", 1, "'device' is not UTF-8 text (byte 1"},
      {"peak:\n  gflops: 1\n  gbps: 2\n  measured_at: \xed\xa0\x80\n", 4, "peak.measured_at"},
      // Issue 17: a repeated key was accepted silently (one of the two values won).
      {"device: opencl_a.0\nexperimental: true\ndevice: opencl_b.0\n", 3,
       "duplicate key 'device' (first given at line 1)"},
      {"peak:\n  gflops: 1\n  gbps: 2\n  gflops: 3\n", 4, "duplicate key 'gflops'"},
  };
  for (const BadConfig& c : cases) {
    SCOPED_TRACE(c.text);
    const std::string what = error_of([&] { parse_config(c.text, "/home/u/config.yaml"); });
    ASSERT_FALSE(what.empty()) << "no error";
    EXPECT_NE(what.find("/home/u/config.yaml:" + std::to_string(c.line)), std::string::npos)
        << what;
    EXPECT_NE(what.find(c.mentions), std::string::npos) << what;
  }
}

TEST(ConfigPaths, ResolutionOrder) {
  TempDir dir;
  ScopedEnv xdg("XDG_CONFIG_HOME", dir.path().c_str());
  {
    ScopedEnv tc("TARTAN_CONFIG", (dir.path() / "explicit.yaml").c_str());
    EXPECT_EQ(user_config_path(), dir.path() / "explicit.yaml");
    EXPECT_EQ(config_read_path(), dir.path() / "explicit.yaml");  // even though it is missing
  }
  ScopedEnv tc("TARTAN_CONFIG", nullptr);
  EXPECT_EQ(user_config_path(), dir.path() / "tartan" / "config.yaml");
  fs::create_directories(dir.path() / "tartan");
  std::ofstream(dir.path() / "tartan" / "config.yaml") << "experimental: true\n";
  EXPECT_EQ(config_read_path(), dir.path() / "tartan" / "config.yaml");
  EXPECT_TRUE(load_config().experimental);
  {
    ScopedEnv home("HOME", dir.path().c_str());
    ScopedEnv unset("XDG_CONFIG_HOME", nullptr);
    EXPECT_EQ(user_config_path(), dir.path() / ".config" / "tartan" / "config.yaml");
  }
}

TEST(ConfigFiles, SaveIsAtomicAndCreatesFolders) {
  TempDir dir;
  const fs::path path = dir.path() / "a" / "b" / "config.yaml";
  UserConfig c;
  c.device = "opencl_x.0";
  save_config(c, path);
  EXPECT_EQ(load_config(path).device, "opencl_x.0");
  c.device = "opencl_y.0";
  save_config(c, path);
  EXPECT_EQ(load_config(path).device, "opencl_y.0");
  // Only the file itself: the temporary file was renamed over it.
  EXPECT_EQ(std::distance(fs::directory_iterator(path.parent_path()), fs::directory_iterator()), 1);
}

TEST(ConfigFiles, UnwritablePathSaysWhereWhyAndHow) {
  TempDir dir;
  std::ofstream(dir.path() / "file") << "x";
  const std::string what =
      error_of([&] { save_config(UserConfig{}, dir.path() / "file" / "config.yaml"); });
  EXPECT_NE(what.find((dir.path() / "file").string()), std::string::npos) << what;
  EXPECT_NE(what.find("Not a directory"), std::string::npos) << what;
  EXPECT_NE(what.find("TARTAN_CONFIG"), std::string::npos) << what;
  const std::string dir_what = error_of([&] { save_config(UserConfig{}, dir.path()); });
  EXPECT_NE(dir_what.find("is a directory"), std::string::npos) << dir_what;
}

TEST(ConfigEnvironment, OverridesTheFile) {
  UserConfig file;
  file.device = "opencl_file.0";
  file.experimental = true;
  {
    ScopedEnv d("TARTAN_DEVICE", nullptr);
    ScopedEnv e("TARTAN_EXPERIMENTAL", nullptr);
    const UserConfig c = apply_environment(file);
    EXPECT_EQ(c.device, "opencl_file.0");
    EXPECT_TRUE(c.experimental);
  }
  ScopedEnv d("TARTAN_DEVICE", "opencl_env.3");
  for (const char* off : {"0", "false", "No", "OFF"}) {
    ScopedEnv e("TARTAN_EXPERIMENTAL", off);
    const UserConfig c = apply_environment(file);
    EXPECT_EQ(c.device, "opencl_env.3");
    EXPECT_FALSE(c.experimental) << off;
  }
  {
    ScopedEnv e("TARTAN_EXPERIMENTAL", "yes");
    EXPECT_TRUE(apply_environment(UserConfig{}).experimental);
  }
  ScopedEnv e("TARTAN_EXPERIMENTAL", "maybe");
  EXPECT_NE(error_of([&] { apply_environment(file); }).find("TARTAN_EXPERIMENTAL"),
            std::string::npos);
}

// select_device on the real devices with the shipped profiles.
class SelectDevice : public ::testing::Test {
 protected:
  void SetUp() override {
    profiles_ = load_profiles(fs::path(TARTAN_PROFILES_SOURCE_DIR));
    devices_ = runtime::enumerate_devices();
  }
  ProfileSet profiles_;
  std::vector<runtime::Device> devices_;
};

TEST_F(SelectDevice, DefaultComesWithANote) {
  const SelectedDevice s = select_device(UserConfig{}, devices_, profiles_);
  EXPECT_EQ(s.device.tier, Tier::kValidated);
  EXPECT_NE(s.note.find("tartan-setup"), std::string::npos);
  EXPECT_NE(s.note.find(s.device.device.info.id), std::string::npos);
}

TEST_F(SelectDevice, ConfiguredDeviceIsUsedOrExplained) {
  UserConfig c;
  c.device = devices_.back().info.id;
  const SelectedDevice s = select_device(c, devices_, profiles_);
  EXPECT_EQ(s.device.device.info.id, devices_.back().info.id);
  EXPECT_TRUE(s.note.empty());
  c.device = "opencl_gone.0";
  const std::string what = error_of([&] { select_device(c, devices_, profiles_); });
  EXPECT_NE(what.find("opencl_gone.0"), std::string::npos) << what;
  EXPECT_NE(what.find(devices_.front().info.id), std::string::npos) << what;
}

TEST(SelectDeviceTiers, ExperimentalNeedsOptingIn) {
  TempDir dir;
  // Profiles under which every real device is experimental.
  std::ofstream(dir.path() / "default.yaml") << "note: d\n";
  std::ofstream(dir.path() / "all.yaml")
      << "tier: experimental\nselectors:\n  type: [cpu, gpu, accelerator, other]\n";
  const ProfileSet profiles = load_profiles(dir.path());
  const std::vector<runtime::Device> devices = runtime::enumerate_devices();
  EXPECT_TRUE(usable_devices(devices, profiles, false).empty());
  EXPECT_EQ(usable_devices(devices, profiles, true).size(), devices.size());
  UserConfig c;
  EXPECT_NE(error_of([&] { select_device(c, devices, profiles); }).find("TARTAN_EXPERIMENTAL"),
            std::string::npos);
  c.device = devices.front().info.id;
  EXPECT_NE(error_of([&] { select_device(c, devices, profiles); }).find("experimental"),
            std::string::npos);
  c.experimental = true;
  EXPECT_EQ(select_device(c, devices, profiles).device.tier, Tier::kExperimental);
}

}  // namespace
}  // namespace tartan
