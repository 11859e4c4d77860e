// The current time as ISO 8601 UTC, the form tartan writes into configs and results files.
#pragma once

#include <string>

namespace tartan {

// e.g. "2026-11-26T14:05:12Z"
std::string iso8601_utc_now();

}  // namespace tartan
