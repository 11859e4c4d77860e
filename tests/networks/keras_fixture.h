// The outputs real Keras computed (scripts/keras_fixtures.py), and the norm-wise comparison the
// network tests make against them: a network test is then "build, run, compare each output".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tartan/ir/shape.h"

namespace tartan::testing {

struct FixtureOutput {
  std::string layer;  // "prediction" for the network's output, else a Keras layer name
  Shape shape;        // the whole output's shape, batch included
  std::vector<std::int64_t> indices;  // row-major flat indices of the stored elements
  std::vector<float> values;          // Keras's values at those indices
};

struct NetworkFixture {
  std::string network;  // tartan's name, "mobilenet"
  Shape input_shape;    // batch 1; the input is synthetic_input (or synthetic_token_ids)
  std::int64_t parameters = 0;
  std::vector<FixtureOutput> outputs;  // the prediction first, then the intermediate layers
};

// tests/data/networks/<network>/manifest.json and its .npy files.
NetworkFixture load_network_fixture(const std::string& network);
// The networks that have a fixture, sorted.
std::vector<std::string> fixture_networks();
// A Keras-written weights file's fixture (tests/data/networks/keras_h5/<stem>.json): the path of
// the weights file, and Keras's whole prediction for synthetic_input(input_shape).
NetworkFixture load_h5_fixture(const std::string& stem, std::string* weights_path);

// ||actual[indices] - values||_2 / ||values||_2 over the stored elements of `expected`; `actual`
// is the whole output, row-major. +infinity when the shapes differ or anything is NaN, so
// EXPECT_LT(error, tolerance) cannot pass by accident.
double fixture_relative_error(const FixtureOutput& expected, const Shape& actual_shape,
                              const std::vector<float>& actual);

}  // namespace tartan::testing
