// Fuzzes tartan-bench's --baseline reader: any bytes, as a result file (strict) and as the only
// file of a baseline folder (lenient), either load or throw tartan::Error. A loaded run must
// match its own key and give its comparison record.
#include "baseline.h"
#include "fuzz_input.h"
#include "tartan/support/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const tartan::fuzz::InputFile file("result.json");
  file.write(tartan::fuzz::as_text(data, size));
  for (const std::string& path : {file.path(), file.dir()}) {
    try {
      const std::vector<tartan::bench::BaselineRun> runs = tartan::bench::load_baseline(path);
      if (runs.size() != 1) __builtin_trap();
      const tartan::bench::BaselineRun& r = runs[0];
      const tartan::bench::RunKey key{r.name, r.batch_size, r.device_id, r.fp16};
      if (&tartan::bench::match_baseline(runs, path, key) != &runs[0]) __builtin_trap();
      tartan::bench::BaselineComparison c;
      c.base = r;
      (void)tartan::bench::baseline_json(c).dump();
    } catch (const tartan::Error&) {
    }
  }
  return 0;
}
