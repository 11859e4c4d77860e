#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "common/test_env.h"
#include "tartan/support/env.h"
#include "tartan/support/error.h"
#include "tartan/support/file_io.h"
#include "tartan/support/hash.h"
#include "tartan/support/paths.h"

namespace tartan {
namespace {

// SMHasher's verification: hash keys {0}, {0,1}, ... of lengths 0..255 with seed 256-len,
// hash the concatenated results with seed 0; the first 4 bytes (little-endian) must be
// 0x6384BA69 for MurmurHash3_x64_128. This pins every block/tail path to the reference.
TEST(Hash128, MatchesMurmur3ReferenceVerification) {
  std::string key, hashes;
  for (int len = 0; len < 256; ++len) {
    const Hash128 h = hash128(key.data(), key.size(), 256 - len);
    for (std::uint64_t word : {h.lo, h.hi}) {
      for (int i = 0; i < 8; ++i) hashes.push_back(static_cast<char>((word >> (8 * i)) & 0xff));
    }
    key.push_back(static_cast<char>(len));
  }
  const Hash128 final = hash128(hashes);
  EXPECT_EQ(static_cast<std::uint32_t>(final.lo), 0x6384BA69u);
  EXPECT_EQ(hash128(""), (Hash128{0, 0}));
}

TEST(Hash128, SingleBitChangesAndFieldBoundariesMatter) {
  std::set<std::string> seen;
  std::string s(37, 'x');
  seen.insert(hash128(s).hex());
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::string t = s;
    t[i] ^= 1;
    EXPECT_TRUE(seen.insert(hash128(t).hex()).second) << i;
  }
  EXPECT_NE(FieldHasher().add("ab").add("c").finish(), FieldHasher().add("a").add("bc").finish());
  EXPECT_EQ(FieldHasher().add("ab").add("c").finish(), FieldHasher().add("ab").add("c").finish());
  EXPECT_EQ(hash128("abc").hex().size(), 32u);
}

TEST(Env, FlagsAndStrings) {
  testing::ScopedEnv a("TARTAN_TEST_FLAG", "Yes");
  EXPECT_TRUE(env_flag("TARTAN_TEST_FLAG"));
  {
    testing::ScopedEnv b("TARTAN_TEST_FLAG", "0");
    EXPECT_FALSE(env_flag("TARTAN_TEST_FLAG"));
  }
  testing::ScopedEnv c("TARTAN_TEST_EMPTY", "");
  EXPECT_EQ(env_string("TARTAN_TEST_EMPTY"), std::nullopt);
  EXPECT_FALSE(env_flag("TARTAN_TEST_UNSET_FOR_SURE"));
}

TEST(Paths, XdgThenHome) {
  testing::ScopedEnv home("HOME", "/home/someone");
  {
    testing::ScopedEnv xdg("XDG_CACHE_HOME", "/var/cache/me");
    EXPECT_EQ(cache_dir(), std::filesystem::path("/var/cache/me/tartan"));
  }
  {
    testing::ScopedEnv xdg("XDG_CACHE_HOME", "relative/is/ignored");
    EXPECT_EQ(cache_dir(), std::filesystem::path("/home/someone/.cache/tartan"));
  }
  testing::ScopedEnv cfg("XDG_CONFIG_HOME", nullptr);
  EXPECT_EQ(config_dir(), std::filesystem::path("/home/someone/.config/tartan"));
}

TEST(FileIo, AtomicWriteCreatesReplacesAndLeavesNoTemp) {
  testing::TempDir dir;
  const auto path = dir.path() / "a" / "b" / "file.bin";
  const std::string binary("x\0y\xff", 4);
  write_file_atomic(path, binary);
  EXPECT_EQ(read_file(path), binary);
  write_file_atomic(path, "second");
  EXPECT_EQ(read_file(path), "second");
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(path.parent_path())) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 1);
  EXPECT_EQ(read_file(dir.path() / "missing"), std::nullopt);
}

TEST(FileIo, ExclusiveWriteNeverReplacesAFileAndLeavesNoTemporary) {
  testing::TempDir dir;
  const auto path = dir.path() / "result.json";
  EXPECT_TRUE(write_file_exclusive(path, "first"));
  EXPECT_FALSE(write_file_exclusive(path, "second"));
  EXPECT_EQ(read_file(path), "first");
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(e.path().filename(), "result.json");
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST(FileIo, UnwritableLocationIsAnError) {
  testing::TempDir dir;
  write_file_atomic(dir.path() / "plain", "I am a file");
  // A regular file where a directory is needed fails even for root.
  try {
    write_file_atomic(dir.path() / "plain" / "sub" / "x", "data");
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("plain"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tartan
