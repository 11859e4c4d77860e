// Runtime pieces that need no device: status names, device ids, version parsing and the
// kernel-cache entry format.
#include <gtest/gtest.h>

#include "tartan/runtime/cl_error.h"
#include "tartan/runtime/device.h"
#include "tartan/runtime/kernel_cache.h"

namespace tartan::runtime {
namespace {

TEST(ClStatus, EveryCodeHasAName) {
  EXPECT_EQ(cl_status_name(CL_OUT_OF_RESOURCES), "CL_OUT_OF_RESOURCES");
  EXPECT_EQ(cl_status_name(-4), "CL_MEM_OBJECT_ALLOCATION_FAILURE");
  EXPECT_EQ(cl_status_name(-52), "CL_INVALID_KERNEL_ARGS");
  EXPECT_EQ(cl_status_name(-11), "CL_BUILD_PROGRAM_FAILURE");
  EXPECT_EQ(cl_status_name(-49), "CL_INVALID_ARG_INDEX");
  EXPECT_EQ(cl_status_name(-1001), "CL_PLATFORM_NOT_FOUND_KHR");
  // OpenCL 1.2 defines 0..-19 and -30..-68; none may fall through to "unknown".
  for (cl_int s = 0; s >= -68; --s) {
    if (s < -19 && s > -30) continue;
    EXPECT_EQ(cl_status_name(s).find("UNKNOWN"), std::string::npos) << s;
  }
  EXPECT_EQ(cl_status_name(-12345), "CL_UNKNOWN_STATUS(-12345)");
}

TEST(ClStatus, CheckThrowsWithCallStatusAndKernel) {
  EXPECT_NO_THROW(cl_check(CL_SUCCESS, "clFoo"));
  try {
    cl_check(CL_OUT_OF_RESOURCES, "clEnqueueNDRangeKernel", "conv2d", "global size 8");
    FAIL();
  } catch (const OpenCLError& e) {
    EXPECT_STREQ(e.what(),
                 "OpenCL call clEnqueueNDRangeKernel failed with CL_OUT_OF_RESOURCES (-5) for "
                 "kernel 'conv2d'\nglobal size 8");
    EXPECT_NE(e.hint().find("local memory"), std::string::npos);
  }
}

TEST(DeviceId, SlugIsLowercaseAlnumWithSingleUnderscores) {
  EXPECT_EQ(
      device_slug("GenuineIntel", "pthread-skylake-avx512-Intel(R) Xeon(R) Processor @ 2.50GHz"),
      "opencl_genuineintel_pthread_skylake_avx512_intel_r_xeon_r_processor_2_50ghz");
  EXPECT_EQ(device_slug("NVIDIA Corporation", "NVIDIA GeForce RTX 3090"),
            "opencl_nvidia_corporation_nvidia_geforce_rtx_3090");
  EXPECT_EQ(device_slug("Advanced Micro Devices, Inc.", "gfx1030 "),
            "opencl_advanced_micro_devices_inc_gfx1030");
  EXPECT_EQ(device_slug("", "--X--"), "opencl_x");
}

TEST(DeviceId, ParsesVersions) {
  int ma = 0, mi = 0;
  EXPECT_TRUE(parse_opencl_version("OpenCL 3.0 CUDA", &ma, &mi));
  EXPECT_EQ(ma * 10 + mi, 30);
  EXPECT_TRUE(parse_opencl_version("OpenCL C 1.2 PoCL", &ma, &mi));
  EXPECT_EQ(ma * 10 + mi, 12);
  EXPECT_FALSE(parse_opencl_version("OpenCL", &ma, &mi));
  EXPECT_FALSE(parse_opencl_version("OpenCL 2.", &ma, &mi));
}

CacheKey test_key() {
  DeviceInfo info;
  info.name = "Some GPU";
  info.vendor = "Vendor";
  info.driver_version = "1.2.3";
  info.opencl_version = "OpenCL 1.2";
  return CacheKey::make(info, "-cl-fast-relaxed-math", "__kernel void f() {}");
}

TEST(CacheEntry, RoundTripsAndRejectsEveryDamage) {
  const CacheKey key = test_key();
  const std::string payload(
      "\x7f"
      "ELF binary \0 with nul",
      22);
  const std::string entry = encode_cache_entry(key, payload);
  EXPECT_EQ(decode_cache_entry(entry, key), payload);

  std::string why;
  EXPECT_EQ(decode_cache_entry("", key, &why), std::nullopt);
  for (std::size_t n = 0; n < entry.size(); ++n) {  // every truncation
    EXPECT_EQ(decode_cache_entry(entry.substr(0, n), key), std::nullopt) << n;
  }
  for (std::size_t i = 0; i < entry.size(); ++i) {  // every single-byte flip
    std::string bad = entry;
    bad[i] ^= 0x20;
    EXPECT_EQ(decode_cache_entry(bad, key), std::nullopt) << i;
  }
  EXPECT_EQ(decode_cache_entry(entry + "x", key, &why), std::nullopt);
  EXPECT_NE(why.find("payload"), std::string::npos) << why;

  CacheKey other = key;
  other.driver_version = "1.2.4";
  EXPECT_NE(other.hash(), key.hash());
  EXPECT_EQ(decode_cache_entry(encode_cache_entry(other, payload), key, &why), std::nullopt);
  EXPECT_NE(why.find("key mismatch"), std::string::npos) << why;
}

TEST(CacheEntry, KeyCoversEveryField) {
  const CacheKey base = test_key();
  std::vector<CacheKey> variants(6, base);
  variants[0].device_name += "x";
  variants[1].device_vendor += "x";
  variants[2].driver_version += "x";
  variants[3].opencl_version += "x";
  variants[4].options += " -DX";
  variants[5].source_hash = hash128("__kernel void g() {}");
  for (const CacheKey& v : variants) EXPECT_NE(v.hash(), base.hash());
}

}  // namespace
}  // namespace tartan::runtime
