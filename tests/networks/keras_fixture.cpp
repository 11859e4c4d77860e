#include "keras_fixture.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <numeric>

#include "tartan/support/error.h"
#include "tartan/support/npy.h"

namespace tartan::testing {
namespace {

const std::filesystem::path kRoot = std::filesystem::path(TARTAN_TEST_DATA_DIR) / "networks";

nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw Error("cannot open fixture '" + path.string() + "'");
  return nlohmann::json::parse(in);
}

FixtureOutput whole_output(const std::string& layer, const Shape& shape,
                           const std::filesystem::path& npy) {
  FixtureOutput out{layer, shape, {}, read_npy(npy).values};
  out.indices.resize(out.values.size());
  std::iota(out.indices.begin(), out.indices.end(), 0);
  TARTAN_CHECK(static_cast<std::int64_t>(out.values.size()) == num_elements(shape),
               "fixture " + npy.string() + " does not hold the whole output");
  return out;
}

}  // namespace

NetworkFixture load_network_fixture(const std::string& network) {
  const std::filesystem::path dir = kRoot / network;
  const nlohmann::json m = read_json(dir / "manifest.json");
  NetworkFixture f{network, m["input_shape"].get<Shape>(), m["parameters"].get<std::int64_t>(), {}};
  for (const nlohmann::json& o : m["outputs"]) {
    const Shape shape = o["shape"].get<Shape>();
    if (o["indices"] == "all") {
      f.outputs.push_back(whole_output(o["layer"], shape, dir / o["file"].get<std::string>()));
      continue;
    }
    FixtureOutput out{o["layer"], shape, o["indices"].get<std::vector<std::int64_t>>(),
                      read_npy(dir / o["file"].get<std::string>()).values};
    TARTAN_CHECK(out.indices.size() == out.values.size(), "fixture " + network + "/" + out.layer);
    f.outputs.push_back(std::move(out));
  }
  return f;
}

std::vector<std::string> fixture_networks() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(kRoot)) {
    if (std::filesystem::exists(entry.path() / "manifest.json")) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

NetworkFixture load_h5_fixture(const std::string& stem, std::string* weights_path) {
  const std::filesystem::path dir = kRoot / "keras_h5";
  const nlohmann::json m = read_json(dir / (stem + ".json"));
  *weights_path = (dir / m["file"].get<std::string>()).string();
  NetworkFixture f{stem, m["input_shape"].get<Shape>(), 0, {}};
  f.outputs.push_back(whole_output("prediction", m["output_shape"].get<Shape>(),
                                   dir / m["output_file"].get<std::string>()));
  return f;
}

double fixture_relative_error(const FixtureOutput& expected, const Shape& actual_shape,
                              const std::vector<float>& actual) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (actual_shape != expected.shape ||
      static_cast<std::int64_t>(actual.size()) != num_elements(actual_shape)) {
    return kInf;
  }
  double diff = 0, norm = 0;
  for (std::size_t k = 0; k < expected.indices.size(); ++k) {
    const double a = actual[static_cast<std::size_t>(expected.indices[k])];
    const double e = expected.values[k];
    diff += (a - e) * (a - e);
    norm += e * e;
  }
  const double error = std::sqrt(diff) / std::sqrt(norm);
  return std::isnan(error) ? kInf : error;
}

}  // namespace tartan::testing
