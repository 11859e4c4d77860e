// The .npy reader and writer: a round trip, a file numpy wrote, format versions, and an Error
// (never a crash) for every kind of bad file.
#include "tartan/support/npy.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>

#include "common/test_env.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

std::string npy_bytes(const std::string& header_text, int major, std::size_t data_bytes) {
  std::string header = header_text;
  header += '\n';
  std::string out = "\x93NUMPY";
  out += static_cast<char>(major);
  out += '\0';
  const std::size_t width = major == 1 ? 2 : 4;
  for (std::size_t i = 0; i < width; ++i)
    out += static_cast<char>((header.size() >> (8 * i)) & 0xFF);
  out += header;
  out.append(data_bytes, '\0');
  return out;
}

std::string error_of(const std::string& bytes) {
  try {
    parse_npy(bytes, "x.npy");
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no Error";
  return {};
}

TEST(Npy, RoundTripsShapesAndValues) {
  testing::TempDir dir;
  const std::vector<Shape> shapes = {{}, {5}, {2, 3}, {1, 4, 4, 3}, {0, 3}};
  for (const Shape& shape : shapes) {
    std::vector<float> values(static_cast<std::size_t>(num_elements(shape)));
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = std::sin(1.0f + i) * 1e3f;
    if (!values.empty()) values[0] = -std::numeric_limits<float>::infinity();
    const auto path = dir.path() / "a.npy";
    write_npy(path, shape, values);
    const NpyArray back = read_npy(path);
    EXPECT_EQ(back.shape, shape);
    EXPECT_EQ(back.values, values);
    // numpy requires the data to start on a 64-byte boundary.
    const auto size = std::filesystem::file_size(path);
    EXPECT_EQ((size - values.size() * 4) % 64, 0u) << shape_str(shape);
  }
}

TEST(Npy, ReadsWhatNumpyWrote) {
  // scripts/keras_fixtures.py wrote this with numpy.save: the 10 class probabilities.
  const NpyArray a = read_npy(std::string(TARTAN_TEST_DATA_DIR) +
                              "/networks/keras_h5/mobilenet_025_128.output.npy");
  ASSERT_EQ(a.shape, Shape{10});
  double sum = 0;
  for (float v : a.values) {
    EXPECT_GT(v, 0.0f);
    sum += v;
  }
  EXPECT_NEAR(sum, 1.0, 1e-5);  // a softmax
}

TEST(Npy, ReadsVersionsTwoAndThreeAndOldSpellings) {
  for (int major : {1, 2, 3}) {
    const NpyArray a = parse_npy(
        npy_bytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 3L), }", major, 24),
        "x.npy");
    EXPECT_EQ(a.shape, (Shape{2, 3}));
    EXPECT_EQ(a.values, std::vector<float>(6, 0.0f));
  }
}

TEST(Npy, HeaderKeysInAnyOrder) {
  // Writers other than numpy.save may order the keys differently; descr last has no comma
  // after it, which used to garble the dtype message (and reject float32 itself).
  const NpyArray a =
      parse_npy(npy_bytes("{'shape': (2,), 'fortran_order': False, 'descr': '<f4'}", 1, 8), "x");
  EXPECT_EQ(a.shape, Shape{2});
  const std::string message =
      error_of(npy_bytes("{'shape': (2,), 'fortran_order': False, 'descr': '<f8'}", 1, 16));
  EXPECT_NE(message.find("it holds dtype '<f8'; only little-endian float32"), std::string::npos)
      << message;
  EXPECT_EQ(message.find('}'), std::string::npos) << message;
}

TEST(Npy, BadFilesAreErrors) {
  const std::string f4 = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
  EXPECT_NE(error_of("hello").find("magic"), std::string::npos);
  EXPECT_NE(error_of(npy_bytes(f4, 9, 24)).find("version 9"), std::string::npos);
  EXPECT_NE(error_of(npy_bytes(f4, 1, 20)).find("holds 20 bytes"), std::string::npos);
  EXPECT_NE(error_of(npy_bytes(f4, 1, 28)).find("holds 28 bytes"), std::string::npos);
  EXPECT_NE(error_of(npy_bytes(f4, 1, 24).substr(0, 30)).find("truncated"), std::string::npos);
  EXPECT_NE(error_of(npy_bytes("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 1, 16))
                .find("'<f8'"),
            std::string::npos);
  EXPECT_NE(error_of(npy_bytes("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }", 1, 8))
                .find("Fortran"),
            std::string::npos);
  EXPECT_NE(error_of(npy_bytes("{'descr': '<f4', 'fortran_order': False, 'shape': (a,), }", 1, 8))
                .find("not a tuple"),
            std::string::npos);
  EXPECT_NE(error_of(npy_bytes("{'descr': '<f4', 'fortran_order': False, 'shape': "
                               "(99999999999, 99999999999), }",
                               1, 8))
                .find("too many"),
            std::string::npos);
  EXPECT_NE(error_of(npy_bytes("{'descr': '<f4', 'shape': (2,), }", 1, 8)).find("fortran_order"),
            std::string::npos);
  // A header that ends right after `'shape': ` (found by tartan_npy_fuzzer, which saw the
  // reader look one byte past the header: tests/fuzz/corpus/npy/shape_at_header_end.npy).
  std::string cut = "\x93NUMPY\x01";
  cut += '\0';
  const std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': ";
  cut += static_cast<char>(header.size());
  cut += '\0';
  cut += header + "(2,)";
  EXPECT_NE(error_of(cut).find("its header has no shape"), std::string::npos) << error_of(cut);
  try {
    read_npy("/nonexistent/x.npy");
    ADD_FAILURE() << "no Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/x.npy"), std::string::npos);
  }
}

}  // namespace
}  // namespace tartan
