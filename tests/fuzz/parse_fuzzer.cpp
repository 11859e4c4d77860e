// Fuzzes the whole tile front end: any input must either parse or throw tartan::Error.
// Everything else (a crash, an InternalError, a sanitizer report, a hang) is a finding.
// A program that parses must also print and read back as an equal program whose text prints
// the same again (print -> parse -> print is a fixed point).
#include "fuzz_input.h"
#include "tartan/lang/parse.h"
#include "tartan/support/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view source = tartan::fuzz::as_text(data, size);
  tartan::Program program;
  try {
    program = tartan::parse_program(source);
  } catch (const tartan::Error& e) {
    (void)tartan::format_diagnostic(e, source);
    return 0;
  }
  const std::string printed = tartan::print_program(program);
  const tartan::Program again = tartan::parse_program(printed);
  if (!tartan::programs_equal(program, again)) __builtin_trap();
  if (tartan::print_program(again) != printed) __builtin_trap();
  return 0;
}
