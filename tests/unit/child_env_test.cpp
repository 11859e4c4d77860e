// child_environment(): what a spawned process gets. It must follow setenv/unsetenv, and undo the
// in-place edits OpenCL's ICD loader makes to the starting environment strings (it cuts
// OCL_ICD_FILENAMES at ':' by writing a NUL into it).
#include "support/child_env.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "common/test_env.h"

namespace tartan {
namespace {

bool has(const std::vector<std::string>& env, const std::string& entry) {
  return std::find(env.begin(), env.end(), entry) != env.end();
}

// PATH, a variable of the starting environment under ctest, cut the way the loader does, replaced
// and removed. Each test puts PATH's starting string back with putenv (setenv would install a
// copy, which is no longer the starting string).
class ChildEnvironment : public ::testing::Test {
 protected:
  void SetUp() override {
    value_ = std::getenv("PATH");
    ASSERT_NE(value_, nullptr);
    whole_ = value_;
    ASSERT_GE(whole_.size(), 2u);
  }
  void TearDown() override {
    if (value_ != nullptr) putenv(value_ - std::strlen("PATH="));
  }
  char* value_ = nullptr;
  std::string whole_;
};

TEST_F(ChildEnvironment, UndoesInPlaceEditsOfTheStartingStrings) {
  const std::size_t cut = whole_.size() / 2;
  const char saved = value_[cut];
  value_[cut] = '\0';  // as ocl-icd's split does: getenv now reads the first part only
  ASSERT_EQ(std::strlen(std::getenv("PATH")), cut);
  const std::vector<std::string> env = child_environment();
  value_[cut] = saved;
  EXPECT_TRUE(has(env, "PATH=" + whole_)) << "the child got the cut value";
  EXPECT_FALSE(has(env, "PATH=" + whole_.substr(0, cut)));
  EXPECT_EQ(std::count_if(env.begin(), env.end(),
                          [](const std::string& e) { return e.rfind("PATH=", 0) == 0; }),
            1);
}

TEST_F(ChildEnvironment, FollowsSetenvAndUnsetenv) {
  ::setenv("PATH", "/replaced/bin", 1);
  testing::ScopedEnv added("TARTAN_CHILD_ENV_TEST", "added");
  std::vector<std::string> env = child_environment();
  EXPECT_TRUE(has(env, "PATH=/replaced/bin"));
  EXPECT_FALSE(has(env, "PATH=" + whole_));
  EXPECT_TRUE(has(env, "TARTAN_CHILD_ENV_TEST=added"));

  ::unsetenv("PATH");
  env = child_environment();
  EXPECT_EQ(std::count_if(env.begin(), env.end(),
                          [](const std::string& e) { return e.rfind("PATH=", 0) == 0; }),
            0);
}

}  // namespace
}  // namespace tartan
