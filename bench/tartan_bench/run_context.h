// Who ran what where: the facts about one benchmark run that are not measurements, shared by
// the console report and the results files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "options.h"
#include "tartan/ir/shape.h"
#include "tartan/runtime/device.h"

namespace tartan::bench {

struct RunContext {
  const BenchOptions* options = nullptr;
  runtime::DeviceInfo device;
  std::string device_note;            // set when no device was configured and the default was taken
  std::optional<double> peak_gflops;  // the config's measured peak for this device
  std::string date;                   // ISO 8601 UTC, when the run started
  std::string frontend;               // "keras", "tile"
  std::string name;                   // network or tile file
  std::int64_t parameters = 0;
  std::vector<Shape> input_shapes;  // one batch
};

}  // namespace tartan::bench
