// The console report: plaidbench's summary line (which existing log parsers read), then a table
// of every figure, the correctness line, and with -v the ten most expensive kernels.
#pragma once

#include <ostream>

#include "measurement.h"
#include "run_context.h"

namespace tartan::bench {

void print_report(std::ostream& out, const RunContext& context, const Measurement& m,
                  const Summary& s);

}  // namespace tartan::bench
