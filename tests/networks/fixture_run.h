// Running a network on the fixture's input and comparing every output with Keras's: shared by
// the Keras match tests (synthetic weights) and the Keras-written .h5 tests.
#pragma once

#include <string>
#include <vector>

#include "keras_fixture.h"
#include "tartan/networks/registry.h"
#include "tartan/reference/host_tensor.h"

namespace tartan::testing {

// The input Keras was given: synthetic_input, or synthetic token ids (imdb_lstm's int32 input,
// vocabulary 20000) when the network's input is int32.
HostTensor fixture_input(const networks::BuiltNetwork& net, const NetworkFixture& fixture);

// The fixture's intermediate layers (every output but the prediction), for extra_outputs.
std::vector<std::string> fixture_layers(const NetworkFixture& fixture);

// Adds a gtest failure per output whose norm-wise relative error to Keras's exceeds
// `tolerance`; `who` (the device or "reference") names the failures. Returns the worst error.
double expect_fixture_match(const NetworkFixture& fixture, const std::vector<HostTensor>& outputs,
                            double tolerance, const std::string& who);

}  // namespace tartan::testing
