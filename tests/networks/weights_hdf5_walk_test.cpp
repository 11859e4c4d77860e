// The Keras 3 weight reader's walk over a file's groups is bounded (issue 17): a hard link back
// to a group above (h5py: f['layers/dense/loop'] = f['layers/dense']) and an absurdly deep
// nesting are reported as damaged files, where the walk used to recurse without end.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <string>

#include "../common/test_env.h"
#include "tartan/networks/weights.h"
#include "tartan/support/error.h"

namespace tartan::networks {
namespace {

// A Keras 3 layout file holding layers/dense/vars/0 (float32 [2, 2]) and its vars group.
hid_t keras3_dense_file(const std::string& path) {
  hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  hid_t lcpl = H5Pcreate(H5P_LINK_CREATE);
  H5Pset_create_intermediate_group(lcpl, 1);
  hid_t vars = H5Gcreate2(file, "layers/dense/vars", lcpl, H5P_DEFAULT, H5P_DEFAULT);
  const hsize_t dims[2] = {2, 2};
  hid_t space = H5Screate_simple(2, dims, nullptr);
  hid_t data = H5Dcreate2(vars, "0", H5T_IEEE_F32LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  const float values[4] = {1, 2, 3, 4};
  H5Dwrite(data, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, values);
  H5Dclose(data);
  H5Sclose(space);
  H5Gclose(vars);
  H5Pclose(lcpl);
  return file;
}

std::string load_error(const std::string& path) {
  try {
    hdf5_weights(path);
  } catch (const Error& e) {
    return std::string(e.what()) + " | hint: " + e.hint();
  }
  ADD_FAILURE() << "no Error for " << path;
  return {};
}

TEST(Hdf5Walk, TheUneditedFileLoads) {
  testing::TempDir dir;
  const std::string path = (dir.path() / "ok.weights.h5").string();
  H5Fclose(keras3_dense_file(path));
  auto w = hdf5_weights(path);
  EXPECT_EQ(w->get("dense", "kernel", {2, 2}), (std::vector<float>{1, 2, 3, 4}));
  EXPECT_NO_THROW(w->finish());
}

TEST(Hdf5Walk, ALinkBackToAGroupAboveIsADamagedFile) {
  testing::TempDir dir;
  for (const char* target : {"layers/dense", "layers", "/"}) {
    SCOPED_TRACE(target);
    const std::string path = (dir.path() / "loop.weights.h5").string();
    hid_t file = keras3_dense_file(path);
    ASSERT_GE(H5Lcreate_hard(file, target, file, "layers/dense/loop", H5P_DEFAULT, H5P_DEFAULT), 0);
    H5Fclose(file);
    const std::string message = load_error(path);
    EXPECT_NE(message.find("'/layers/dense/loop' is a link back to a group above it"),
              std::string::npos)
        << message;
  }
}

TEST(Hdf5Walk, NestingFarDeeperThanKerasIsADamagedFile) {
  testing::TempDir dir;
  const std::string path = (dir.path() / "deep.weights.h5").string();
  hid_t file = keras3_dense_file(path);
  std::string nested = "layers/dense";
  for (int i = 0; i < 40; ++i) {
    nested += "/sub";
    H5Gclose(H5Gcreate2(file, nested.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
  }
  H5Fclose(file);
  const std::string message = load_error(path);
  EXPECT_NE(message.find("nests layers more than 32 deep"), std::string::npos) << message;
}

}  // namespace
}  // namespace tartan::networks
