#include "tartan/support/error.h"

#include <string>

namespace tartan {

void internal_check_failed(const char* cond, const char* file, int line, const std::string& msg) {
  throw InternalError("internal error (a bug in tartan): check `" + std::string(cond) +
                      "` failed at " + file + ":" + std::to_string(line) +
                      (msg.empty() ? "" : ": " + msg));
}

}  // namespace tartan
