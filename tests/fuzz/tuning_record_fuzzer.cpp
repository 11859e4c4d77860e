// Fuzzes the tuning-record reader ($XDG_CACHE_HOME/tartan/tuning/*.json): any text either
// decodes to a record or is rejected with a reason (never an exception, a crash or undefined
// behaviour), and a record that decodes encodes and decodes back to the same record.
#include "fuzz_input.h"
#include "tartan/schedule/tuning_cache.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(tartan::fuzz::as_text(data, size));
  std::string why;
  const std::optional<tartan::TuningRecord> record = tartan::decode_tuning_record(text, &why);
  if (!record) {
    if (why.empty()) __builtin_trap();  // a rejection always says why
    return 0;
  }
  const std::string encoded = tartan::encode_tuning_record(*record);
  const std::optional<tartan::TuningRecord> again = tartan::decode_tuning_record(encoded, &why);
  if (!again || tartan::encode_tuning_record(*again) != encoded) __builtin_trap();
  return 0;
}
