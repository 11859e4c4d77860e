#include "tartan/runtime/device.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>

#include "common/test_env.h"
#include "tartan/support/error.h"

namespace tartan::runtime {
namespace {

TEST(Devices, EnumerationReportsSaneInfo) {
  const std::vector<Device> devices = enumerate_devices();
  ASSERT_FALSE(devices.empty());
  for (const Device& d : devices) {
    const DeviceInfo& i = d.info;
    SCOPED_TRACE(i.id);
    EXPECT_NE(d.device, nullptr);
    EXPECT_FALSE(i.name.empty());
    EXPECT_FALSE(i.platform_name.empty());
    EXPECT_FALSE(i.driver_version.empty());
    EXPECT_GE(i.cl_major * 10 + i.cl_minor, 12) << i.opencl_version;
    EXPECT_GE(i.c_major, 1) << i.opencl_c_version;
    EXPECT_GT(i.compute_units, 0u);
    EXPECT_GT(i.global_mem_bytes, 0u);
    EXPECT_GT(i.local_mem_bytes, 0u);
    EXPECT_GT(i.max_alloc_bytes, 0u);
    EXPECT_LE(i.max_alloc_bytes, i.global_mem_bytes);
    EXPECT_GT(i.max_work_group_size, 0u);
    EXPECT_GE(i.max_work_item_sizes.size(), 3u);  // the spec's minimum
    EXPECT_TRUE(i.address_bits == 32 || i.address_bits == 64);
    EXPECT_GT(i.preferred_vector_width_float, 0u);
    EXPECT_EQ(i.fp16, i.has_extension("cl_khr_fp16"));
    EXPECT_EQ(i.fp64, i.has_extension("cl_khr_fp64"));
  }
}

TEST(Devices, FindsPoclCpuDevice) {
  const std::vector<Device> devices = enumerate_devices();
  const Device* pocl = nullptr;
  for (const Device& d : devices) {
    if (d.info.platform_name == "Portable Computing Language") pocl = &d;
  }
  if (pocl == nullptr) GTEST_SKIP() << "PoCL (pocl-opencl-icd) is not installed here";
  EXPECT_EQ(pocl->info.type, DeviceType::kCpu);
  EXPECT_STREQ(device_type_name(pocl->info.type), "cpu");
  EXPECT_TRUE(pocl->info.available);
  EXPECT_TRUE(pocl->info.compiler_available);
  EXPECT_EQ(pocl->info.id.rfind("opencl_", 0), 0u) << pocl->info.id;
}

TEST(Devices, IdsAreWellFormedUniqueAndStable) {
  const std::vector<Device> first = enumerate_devices();
  const std::vector<Device> second = enumerate_devices();
  ASSERT_EQ(first.size(), second.size());
  const std::regex well_formed("opencl_[a-z0-9]+(_[a-z0-9]+)*\\.[0-9]+");
  std::set<std::string> seen;
  std::map<std::string, int> next_ordinal;
  for (std::size_t i = 0; i < first.size(); ++i) {
    const std::string& id = first[i].info.id;
    EXPECT_EQ(id, second[i].info.id);
    EXPECT_TRUE(std::regex_match(id, well_formed)) << id;
    EXPECT_TRUE(seen.insert(id).second) << "duplicate id " << id;
    // Ordinals count up per vendor+name in platform-then-device order.
    const std::string slug = device_slug(first[i].info.vendor, first[i].info.name);
    EXPECT_EQ(id, slug + "." + std::to_string(next_ordinal[slug]++));
  }
}

TEST(Devices, FindDeviceByIdAndUnknownIdListsKnownIds) {
  const std::vector<Device> devices = enumerate_devices();
  const Device found = find_device(devices.back().info.id);
  EXPECT_EQ(found.device, devices.back().device);
  try {
    find_device(devices, "opencl_nosuch_device.0");
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("opencl_nosuch_device.0"), std::string::npos) << what;
    for (const Device& d : devices) EXPECT_NE(what.find(d.info.id), std::string::npos) << what;
  }
}

TEST(Devices, DefaultDevicePrefersGpuThenCpu) {
  const std::vector<Device> devices = enumerate_devices();
  const Device def = default_device(devices);
  bool any_gpu = false, any_cpu = false;
  for (const Device& d : devices) {
    any_gpu |= d.info.type == DeviceType::kGpu && d.info.available;
    any_cpu |= d.info.type == DeviceType::kCpu && d.info.available;
  }
  if (any_gpu || any_cpu) {
    EXPECT_EQ(def.info.type, any_gpu ? DeviceType::kGpu : DeviceType::kCpu);
  } else {
    EXPECT_EQ(def.info.id, devices.front().info.id);  // e.g. only a simulator
  }
  EXPECT_EQ(default_device().info.id, def.info.id);

  // Synthetic lists exercise the preference order without needing a GPU.
  auto fake = [](const char* id, DeviceType type) {
    Device d;
    d.info.id = id;
    d.info.type = type;
    d.info.available = true;
    return d;
  };
  Device cpu = fake("c.0", DeviceType::kCpu), gpu = fake("g.0", DeviceType::kGpu),
         acc = fake("a.0", DeviceType::kAccelerator);
  EXPECT_EQ(default_device({cpu, acc, gpu}).info.id, "g.0");
  EXPECT_EQ(default_device({acc, cpu}).info.id, "c.0");
  EXPECT_EQ(default_device({acc}).info.id, "a.0");
  gpu.info.available = false;
  EXPECT_EQ(default_device({gpu, cpu}).info.id, "c.0");
  EXPECT_THROW(default_device({gpu}), Error);
}

// With no ICD registered the loader reports CL_PLATFORM_NOT_FOUND_KHR. The loader reads its
// configuration once per process, so this runs in a freshly executed child.
TEST(DevicesDeathTest, NoPlatformNamesPackagesToInstall) {
  if (std::getenv("LD_PRELOAD") != nullptr) {
    GTEST_SKIP() << "the OpenCL API is interposed (e.g. `oclgrind`); the ICD loader is bypassed";
  }
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  // An existing, empty vendors folder: some ICD loaders fall back to /etc/OpenCL/vendors when
  // the folder does not exist. A fixed name, left in place: the threadsafe death test re-runs
  // this body in the child, which exits without destructors, so a fresh temporary folder per
  // run would leak one folder per run.
  const std::string empty_dir = ::testing::TempDir() + "tartan-no-icd";
  ASSERT_TRUE(mkdir(empty_dir.c_str(), 0700) == 0 || errno == EEXIST) << empty_dir;
  testing::ScopedEnv vendors("OCL_ICD_VENDORS", empty_dir.c_str());
  EXPECT_EXIT(
      {
        try {
          enumerate_devices();
        } catch (const Error& e) {
          std::fprintf(stderr, "%s\nhint: %s\n", e.what(), e.hint().c_str());
          std::exit(3);
        }
        std::exit(0);
      },
      ::testing::ExitedWithCode(3), "no OpenCL platform found(.|\n)*pocl-opencl-icd(.|\n)*clinfo");
}

}  // namespace
}  // namespace tartan::runtime
