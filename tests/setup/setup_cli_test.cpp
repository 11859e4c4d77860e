// tartan-setup driven as users drive it: piped answers, a pseudo-terminal, the scriptable flags,
// broken configs and environments. Every run gets its own config dir; the cache dir (kernel
// binaries, PoCL's own cache) is one folder in the build tree shared by every test process, so
// that only the first smoke test compiles: ctest runs each test in a process of its own.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/test_env.h"
#include "setup_process.h"

namespace tartan::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kOclgrindIcd = "/usr/lib/oclgrind/liboclgrind-rt-icd.so";
constexpr const char* kPoclIcd = "/etc/OpenCL/vendors/pocl.icd";

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class SetupCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kPoclIcd)) GTEST_SKIP() << "PoCL (pocl-opencl-icd) is not installed";
    env_ = {{"XDG_CONFIG_HOME", (dir_.path() / "config").string()},
            {"XDG_CACHE_HOME", TARTAN_SETUP_TEST_CACHE_DIR},
            {"HOME", dir_.path().string()},
            {"TARTAN_CONFIG", std::nullopt},
            {"TARTAN_DEVICE", std::nullopt},
            {"TARTAN_EXPERIMENTAL", std::nullopt},
            {"TARTAN_PROFILES_DIR", std::nullopt},
            {"NO_COLOR", std::nullopt},
            {"TARTAN_DUMP_KERNELS", std::nullopt},
            {"OCL_ICD_VENDORS", std::nullopt}};
  }

  fs::path config_path() const { return dir_.path() / "config" / "tartan" / "config.yaml"; }

  // An ICD folder offering PoCL twice (two validated devices, ids .0 and .1).
  void use_two_pocl_platforms() {
    const fs::path icd = dir_.path() / "icd-two";
    fs::create_directories(icd);
    fs::copy_file(kPoclIcd, icd / "a.icd");
    fs::copy_file(kPoclIcd, icd / "b.icd");
    env_["OCL_ICD_VENDORS"] = icd.string();
  }

  // PoCL plus the Oclgrind simulator (experimental).
  bool use_oclgrind() {
    if (!fs::exists(kOclgrindIcd)) return false;
    const fs::path icd = dir_.path() / "icd-oclgrind";
    fs::create_directories(icd);
    fs::copy_file(kPoclIcd, icd / "pocl.icd");
    std::ofstream(icd / "oclgrind.icd") << kOclgrindIcd << "\n";
    env_["OCL_ICD_VENDORS"] = icd.string();
    return true;
  }

  json list_json() {
    const ProcessResult r = run_setup({"--list", "--json"}, env_);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }

  std::vector<std::string> device_ids(const json& list, const std::string& platform_part) {
    std::vector<std::string> ids;
    for (const json& d : list["devices"]) {
      if (d["platform"].get<std::string>().find(platform_part) != std::string::npos) {
        ids.push_back(d["id"]);
      }
    }
    return ids;
  }

  YAML::Node saved_config() { return YAML::LoadFile(config_path().string()); }

  TempDir dir_;
  EnvChanges env_;
};

TEST_F(SetupCli, ListJsonDescribesEveryDevice) {
  use_two_pocl_platforms();
  const json list = list_json();
  EXPECT_EQ(list["tartan_version"], TARTAN_VERSION);
  ASSERT_EQ(list["devices"].size(), 2u);
  for (const json& d : list["devices"]) {
    EXPECT_EQ(d["platform"], "Portable Computing Language");
    EXPECT_EQ(d["type"], "cpu");
    EXPECT_EQ(d["tier"], "validated");
    EXPECT_EQ(d["profile"], "pocl_cpu");
    EXPECT_TRUE(d["usable"].get<bool>());
    EXPECT_GT(d["compute_units"].get<int>(), 0);
    EXPECT_GT(d["global_mem_bytes"].get<std::uint64_t>(), 0u);
    for (const char* key : {"name", "vendor", "driver_version", "opencl_version", "extensions",
                            "max_work_group_size", "max_alloc_bytes", "local_mem_bytes"}) {
      EXPECT_TRUE(d.contains(key)) << key;
    }
  }
  const std::string id0 = list["devices"][0]["id"], id1 = list["devices"][1]["id"];
  EXPECT_EQ(id0.substr(id0.size() - 2), ".0");
  EXPECT_EQ(id1.substr(id1.size() - 2), ".1");
  EXPECT_EQ(id0.substr(0, id0.size() - 2), id1.substr(0, id1.size() - 2));
  // Nothing configured: the first device is what tartan would use, and only it is selected.
  EXPECT_EQ(list["selected"], id0);
  EXPECT_TRUE(list["devices"][0]["selected"].get<bool>());
  EXPECT_FALSE(list["devices"][1]["selected"].get<bool>());
  EXPECT_FALSE(fs::exists(config_path()));  // listing writes nothing
}

TEST_F(SetupCli, ListTableShowsTierAndIdWithoutColourWhenPiped) {
  const ProcessResult r = run_setup({"--list"}, env_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json list = list_json();
  const std::string id = list["devices"][0]["id"];
  EXPECT_NE(r.out.find("id: " + id), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("validated"), std::string::npos);
  EXPECT_NE(r.out.find("TIER"), std::string::npos);
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos) << "colour codes in piped output";
}

TEST_F(SetupCli, PipedDefaultsSaveDeviceAndPeak) {
  // End of input right away: every question takes its default (including "save? yes").
  const ProcessResult r = run_setup({}, env_, "");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("end of input"), std::string::npos);
  EXPECT_NE(r.out.find("GFLOP/s"), std::string::npos);
  EXPECT_NE(r.out.find("tartan-bench keras mobilenet"), std::string::npos);
  const std::string id = list_json()["devices"][0]["id"];
  const YAML::Node c = saved_config();
  EXPECT_EQ(c["device"].as<std::string>(), id);
  EXPECT_FALSE(c["experimental"].as<bool>());
  EXPECT_GT(c["peak"]["gflops"].as<double>(), 0);
  EXPECT_GT(c["peak"]["gbps"].as<double>(), 0);
  EXPECT_EQ(c["peak"]["device"].as<std::string>(), id);
  EXPECT_EQ(c["peak"]["measured_at"].as<std::string>().size(), 20u);  // 2024-01-02T03:04:05Z
  // Nothing but the config in its folder: no temp files left behind.
  EXPECT_EQ(
      std::distance(fs::directory_iterator(config_path().parent_path()), fs::directory_iterator()),
      1);
}

TEST_F(SetupCli, DecliningToSaveLeavesNoFile) {
  const ProcessResult r = run_setup({"--no-probe"}, env_, "n\n");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Not saved"), std::string::npos);
  EXPECT_FALSE(fs::exists(config_path()));
}

TEST_F(SetupCli, DecliningToSaveLeavesExistingFileUnchanged) {
  fs::create_directories(config_path().parent_path());
  const std::string before = "# mine\nexperimental: true\n";
  std::ofstream(config_path()) << before;
  const ProcessResult r = run_setup({"--no-probe"}, env_, "no\n");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("is unchanged"), std::string::npos);
  EXPECT_EQ(read_text(config_path()), before);
}

TEST_F(SetupCli, InvalidAnswersAreAskedAgainThenChoosingByNumber) {
  use_two_pocl_platforms();
  const std::vector<std::string> ids = device_ids(list_json(), "Portable");
  ASSERT_EQ(ids.size(), 2u);
  const ProcessResult r = run_setup({"--no-probe"}, env_, "0\nthree\n2\nmaybe\ny\n");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Please answer a number from 1 to 2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Please answer y (yes) or n (no)"), std::string::npos) << r.out;
  EXPECT_EQ(saved_config()["device"].as<std::string>(), ids[1]);
}

TEST_F(SetupCli, ChoosingByIdWorksToo) {
  use_two_pocl_platforms();
  const std::vector<std::string> ids = device_ids(list_json(), "Portable");
  ASSERT_EQ(ids.size(), 2u);
  const ProcessResult r = run_setup({"--no-probe"}, env_, ids[1] + "\n\n");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(saved_config()["device"].as<std::string>(), ids[1]);
}

TEST_F(SetupCli, EndlessWrongAnswersGiveUp) {
  use_two_pocl_platforms();
  std::string input;
  for (int i = 0; i < 50; ++i) input += "y\n";  // `yes | tartan-setup`
  const ProcessResult r = run_setup({"--no-probe"}, env_, input);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.err.find("too many invalid answers"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(config_path()));
}

TEST_F(SetupCli, ExperimentalNoKeepsOnlyValidatedDevices) {
  if (!use_oclgrind()) GTEST_SKIP() << "Oclgrind is not installed";
  const ProcessResult r = run_setup({"--no-probe"}, env_, "n\n\n");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Enable experimental devices? [y/N]"), std::string::npos);
  EXPECT_NE(r.out.find("the only usable device"), std::string::npos) << r.out;
  const YAML::Node c = saved_config();
  EXPECT_FALSE(c["experimental"].as<bool>());
  EXPECT_EQ(c["device"].as<std::string>().find("oclgrind"), std::string::npos);
}

TEST_F(SetupCli, ExperimentalYesOffersTheSimulatorAfterTheValidatedDevice) {
  if (!use_oclgrind()) GTEST_SKIP() << "Oclgrind is not installed";
  // Yes to experimental, then Enter: the default is 1, the validated CPU (listed first).
  const ProcessResult r = run_setup({"--no-probe"}, env_, "y\n\n\n");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("2) Oclgrind Simulator"), std::string::npos) << r.out;
  const YAML::Node c = saved_config();
  EXPECT_TRUE(c["experimental"].as<bool>());
  EXPECT_EQ(c["device"].as<std::string>(), device_ids(list_json(), "Portable")[0]);
}

TEST_F(SetupCli, YesNoProbeWritesTheConfig) {
  use_two_pocl_platforms();
  const std::vector<std::string> ids = device_ids(list_json(), "Portable");
  const ProcessResult r = run_setup({"--device", ids[1], "--yes", "--no-probe"}, env_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const YAML::Node c = saved_config();
  ASSERT_TRUE(c.IsMap());
  EXPECT_EQ(c.size(), 2u);  // device and experimental; no peak was measured
  EXPECT_EQ(c["device"].as<std::string>(), ids[1]);
  EXPECT_FALSE(c["experimental"].as<bool>());
  EXPECT_FALSE(c["peak"]);
  // And the chosen device is now the one tartan uses.
  EXPECT_EQ(list_json()["selected"], ids[1]);
}

TEST_F(SetupCli, NoProbeKeepsAPeakMeasuredOnTheSameDevice) {
  const std::string id = list_json()["devices"][0]["id"];
  fs::create_directories(config_path().parent_path());
  std::ofstream(config_path()) << "device: " << id << "\npeak:\n  gflops: 123.5\n  gbps: 45.25\n"
                               << "  measured_at: 2024-01-02T03:04:05Z\n  device: " << id << "\n";
  const ProcessResult r = run_setup({"--yes", "--no-probe"}, env_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const YAML::Node c = saved_config();
  EXPECT_EQ(c["peak"]["gflops"].as<double>(), 123.5);
  EXPECT_EQ(c["peak"]["gbps"].as<double>(), 45.25);
}

TEST_F(SetupCli, ExplicitConfigPathIsUsed) {
  const fs::path custom = dir_.path() / "elsewhere" / "my.yaml";
  const ProcessResult r = run_setup({"--yes", "--no-probe", "--config", custom.string()}, env_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(fs::exists(custom));
  EXPECT_FALSE(fs::exists(config_path()));
  EXPECT_NE(r.out.find(custom.string()), std::string::npos);
}

TEST_F(SetupCli, TartanConfigVariableIsUsed) {
  const fs::path custom = dir_.path() / "from-env.yaml";
  env_["TARTAN_CONFIG"] = custom.string();
  const ProcessResult r = run_setup({"--yes", "--no-probe"}, env_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(fs::exists(custom));
  EXPECT_FALSE(fs::exists(config_path()));
}

TEST_F(SetupCli, UnknownDeviceIsAUsageErrorListingTheKnownIds) {
  const std::string id = list_json()["devices"][0]["id"];
  const ProcessResult r = run_setup({"--device", "opencl_nope.0", "--yes"}, env_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("opencl_nope.0"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(id), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(config_path()));
}

TEST_F(SetupCli, ExperimentalDeviceNeedsExperimental) {
  if (!use_oclgrind()) GTEST_SKIP() << "Oclgrind is not installed";
  const std::string sim = device_ids(list_json(), "Oclgrind").at(0);
  const ProcessResult r = run_setup({"--device", sim, "--yes", "--no-probe"}, env_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--experimental"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(config_path()));
}

TEST_F(SetupCli, UsageMistakesExitTwo) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--json"},
                                               {"--bogus"},
                                               {"--list", "--device", "x"},
                                               {"--device"}}) {
    const ProcessResult r = run_setup(args, env_);
    EXPECT_EQ(r.exit_code, 2) << args[0] << "\n" << r.err;
    EXPECT_FALSE(r.err.empty());
  }
  const ProcessResult help = run_setup({"--help"}, env_);
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--no-probe"), std::string::npos);
}

TEST_F(SetupCli, MalformedConfigNamesKeyAndLine) {
  fs::create_directories(config_path().parent_path());
  std::ofstream(config_path()) << "experimental: false\ndevcie: opencl_x.0\n";
  const ProcessResult r = run_setup({"--yes", "--no-probe"}, env_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("devcie"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(config_path().string() + ":2"), std::string::npos) << r.err;
  EXPECT_EQ(read_text(config_path()), "experimental: false\ndevcie: opencl_x.0\n");
  // Listing still works, so the user can find a valid id, and reports the problem.
  const json list = list_json();
  EXPECT_NE(list["problem"].get<std::string>().find("devcie"), std::string::npos);
}

TEST_F(SetupCli, EnvironmentOverridesTheConfig) {
  use_two_pocl_platforms();
  const std::vector<std::string> ids = device_ids(list_json(), "Portable");
  fs::create_directories(config_path().parent_path());
  std::ofstream(config_path()) << "device: " << ids[0] << "\n";
  EXPECT_EQ(list_json()["selected"], ids[0]);
  env_["TARTAN_DEVICE"] = ids[1];
  EXPECT_EQ(list_json()["selected"], ids[1]);
  // The wizard's default follows the override too, and says that it overrides the file.
  const ProcessResult r = run_setup({"--no-probe"}, env_, "\n\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(saved_config()["device"].as<std::string>(), ids[1]);
  env_["TARTAN_DEVICE"] = "opencl_missing.0";
  const json list = list_json();
  EXPECT_TRUE(list["selected"].is_null());
  EXPECT_NE(list["problem"].get<std::string>().find("opencl_missing.0"), std::string::npos);
}

TEST_F(SetupCli, ExperimentalVariableMakesExperimentalDevicesUsable) {
  if (!use_oclgrind()) GTEST_SKIP() << "Oclgrind is not installed";
  const auto usable = [&](const std::string& platform) {
    const json list = list_json();
    for (const json& d : list["devices"]) {
      if (d["platform"] == platform) return d["usable"].get<bool>();
    }
    ADD_FAILURE() << "no " << platform << " device";
    return false;
  };
  EXPECT_FALSE(usable("Oclgrind"));
  env_["TARTAN_EXPERIMENTAL"] = "1";
  EXPECT_TRUE(usable("Oclgrind"));
  const ProcessResult r = run_setup({"--yes", "--no-probe"}, env_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(saved_config()["experimental"].as<bool>());
  env_["TARTAN_EXPERIMENTAL"] = "sometimes";
  const ProcessResult bad = run_setup({"--yes", "--no-probe"}, env_);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("TARTAN_EXPERIMENTAL"), std::string::npos);
}

TEST_F(SetupCli, UnwritableConfigFailsClearlyAndWritesNothing) {
  // A path below a regular file cannot be created, even by root.
  const fs::path blocker = dir_.path() / "not-a-dir";
  std::ofstream(blocker) << "x";
  const fs::path target = blocker / "tartan" / "config.yaml";
  const ProcessResult r = run_setup({"--yes", "--no-probe", "--config", target.string()}, env_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(blocker.string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--config"), std::string::npos) << r.err;
  EXPECT_EQ(read_text(blocker), "x");
}

TEST_F(SetupCli, FailedSmokeTestExplainsAndSavesNothing) {
  // A kernel dump folder that cannot be created makes every compile() fail: not a driver
  // failure, but the same path through the wizard (report, hint, nothing saved).
  const fs::path blocker = dir_.path() / "file";
  std::ofstream(blocker) << "x";
  env_["TARTAN_DUMP_KERNELS"] = (blocker / "kernels").string();
  const ProcessResult r = run_setup({"--yes", "--no-probe"}, env_);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("FAILED"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("the smoke test 'matmul 64x80 * 80x48' failed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(blocker.string()), std::string::npos) << r.err;  // the cause, verbatim
  EXPECT_NE(r.err.find("hint: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Nothing was saved"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(config_path()));
}

TEST_F(SetupCli, NoOpenClPlatformNamesTheFix) {
  env_["OCL_ICD_VENDORS"] = (dir_.path() / "no-vendors").string();
  fs::create_directories(dir_.path() / "no-vendors");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--list"}, {"--yes", "--no-probe"}}) {
    const ProcessResult r = run_setup(args, env_);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("no OpenCL platform"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("pocl-opencl-icd"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("clinfo"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists(config_path()));
}

TEST_F(SetupCli, TerminalSessionIsInteractiveAndColoured) {
  use_two_pocl_platforms();
  const std::vector<std::string> ids = device_ids(list_json(), "Portable");
  env_["TERM"] = "xterm";
  PtySession s({"--no-probe"}, env_);
  ASSERT_TRUE(s.wait_for("Default device?")) << s.transcript();
  s.type("2\r");
  ASSERT_TRUE(s.wait_for("Save it to")) << s.transcript();
  s.type("\r");
  EXPECT_EQ(s.finish(), 0) << s.transcript();
  EXPECT_NE(s.transcript().find("\x1b["), std::string::npos) << "no colour on a terminal";
  EXPECT_NE(s.transcript().find("Saved"), std::string::npos) << s.transcript();
  EXPECT_EQ(saved_config()["device"].as<std::string>(), ids[1]);
}

TEST_F(SetupCli, CtrlCLeavesTheOldConfigUntouched) {
  fs::create_directories(config_path().parent_path());
  const std::string before = "experimental: false\n";
  std::ofstream(config_path()) << before;
  env_["TERM"] = "xterm";
  PtySession s({"--no-probe"}, env_);
  ASSERT_TRUE(s.wait_for("Save it to")) << s.transcript();
  s.type("\x03");  // the terminal turns ^C into SIGINT
  EXPECT_EQ(s.finish(), 130) << s.transcript();
  EXPECT_NE(s.transcript().find("not changed"), std::string::npos) << s.transcript();
  EXPECT_EQ(read_text(config_path()), before);
  EXPECT_EQ(
      std::distance(fs::directory_iterator(config_path().parent_path()), fs::directory_iterator()),
      1);
}

}  // namespace
}  // namespace tartan::testing
