// OpenCL failures must name the call, the status and the kernel, and a build failure must show
// the log and where the source went.
#include <gtest/gtest.h>

#include <filesystem>

#include "common/test_env.h"
#include "device/vadd.h"
#include "tartan/runtime/cl_error.h"
#include "tartan/runtime/context.h"
#include "tartan/runtime/device.h"
#include "tartan/runtime/program.h"
#include "tartan/support/file_io.h"

namespace tartan::runtime {
namespace {

class RuntimeErrors : public ::testing::Test {
 protected:
  // The device comes up before XDG_CACHE_HOME moves, so PoCL keeps its warm compiler cache.
  Context ctx_{default_device()};
  Queue queue_{ctx_};
  testing::TempDir cache_;
  testing::ScopedEnv xdg_{"XDG_CACHE_HOME", cache_.path().c_str()};
};

TEST_F(RuntimeErrors, SyntaxErrorShowsStatusLogAndSavedSource) {
  const std::string source = "__kernel void broken(__global float* x) { x[0] = ; }\n";
  try {
    Program::from_source(ctx_, source, "-cl-std=CL1.2", "broken");
    FAIL() << "expected a build failure";
  } catch (const OpenCLError& e) {
    const std::string what = e.what();
    EXPECT_EQ(e.status(), CL_BUILD_PROGRAM_FAILURE);
    EXPECT_EQ(e.call(), "clBuildProgram");
    EXPECT_NE(what.find("CL_BUILD_PROGRAM_FAILURE"), std::string::npos) << what;
    EXPECT_NE(what.find("'broken'"), std::string::npos) << what;
    EXPECT_NE(what.find("-cl-std=CL1.2"), std::string::npos) << what;
    // The log follows its label and is not empty; compilers report the error there.
    const std::size_t log = what.find("build log:\n");
    ASSERT_NE(log, std::string::npos) << what;
    EXPECT_NE(what.find("error", log), std::string::npos) << what;
    // The saved source is a real file with exactly the source text.
    const std::string label = "kernel source saved to: ";
    const std::size_t at = what.find(label);
    ASSERT_NE(at, std::string::npos) << what;
    const std::string path =
        what.substr(at + label.size(), what.find('\n', at) - at - label.size());
    EXPECT_NE(path.find("broken"), std::string::npos) << path;
    EXPECT_EQ(read_file(path), source) << path;
    EXPECT_EQ(std::filesystem::path(path).parent_path().parent_path(), cache_.path() / "tartan");
  }
}

TEST_F(RuntimeErrors, BadArgIndexNamesCallStatusAndKernel) {
  const Program program = Program::from_source(ctx_, testing::kVaddSource, "", "vadd");
  Kernel k(program, "vadd");
  try {
    k.set_arg(7, 1.0f);
    FAIL() << "expected an OpenCLError";
  } catch (const OpenCLError& e) {
    const std::string what = e.what();
    EXPECT_EQ(e.status(), CL_INVALID_ARG_INDEX);
    EXPECT_NE(what.find("clSetKernelArg"), std::string::npos) << what;
    EXPECT_NE(what.find("CL_INVALID_ARG_INDEX"), std::string::npos) << what;
    EXPECT_NE(what.find("'vadd'"), std::string::npos) << what;
    EXPECT_EQ(e.kernel(), "vadd");
  }
}

TEST_F(RuntimeErrors, UnknownKernelName) {
  const Program program = Program::from_source(ctx_, testing::kVaddSource, "", "vadd");
  try {
    Kernel k(program, "vsub");
    FAIL() << "expected an OpenCLError";
  } catch (const OpenCLError& e) {
    EXPECT_EQ(e.status(), CL_INVALID_KERNEL_NAME);
    EXPECT_NE(std::string(e.what()).find("clCreateKernel"), std::string::npos) << e.what();
  }
}

TEST_F(RuntimeErrors, LaunchWithUnsetArgs) {
  const Program program = Program::from_source(ctx_, testing::kVaddSource, "", "vadd");
  Kernel k(program, "vadd");
  const std::size_t global = 64;
  try {
    k.launch(queue_, std::span<const std::size_t>(&global, 1));
    FAIL() << "expected an OpenCLError";
  } catch (const OpenCLError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("clEnqueueNDRangeKernel"), std::string::npos) << what;
    EXPECT_NE(what.find("CL_INVALID_KERNEL_ARGS"), std::string::npos) << what;
    EXPECT_NE(what.find("global size 64"), std::string::npos) << what;
  }
}

TEST_F(RuntimeErrors, OversizedBufferReportsRequestedSize) {
  // 1 PiB + 4 KiB: beyond every device's memory. (Some drivers, Oclgrind and NVIDIA among
  // them, accept single buffers above CL_DEVICE_MAX_MEM_ALLOC_SIZE, so 'max alloc + 1' is not
  // reliably refused.)
  const std::uint64_t too_big = (std::uint64_t{1} << 50) + 4096;
  ASSERT_GT(too_big, ctx_.device().info.global_mem_bytes);
  try {
    Buffer b(ctx_, static_cast<std::size_t>(too_big));
    // Some drivers allocate lazily; the first use must then fail with the size named.
    const char zero = 0;
    b.fill(queue_, &zero, 1, b.size());
    queue_.finish();
    FAIL() << "a 1 PiB buffer was accepted";
  } catch (const OpenCLError& e) {
    EXPECT_NE(std::string(e.what()).find(std::to_string(too_big) + " bytes"), std::string::npos)
        << e.what();
    EXPECT_FALSE(e.hint().empty());
  }
}

}  // namespace
}  // namespace tartan::runtime
