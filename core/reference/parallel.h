// Runs a loop over [0, n) on a few threads, for the reference executor.
//
// Work is handed out in chunks through an atomic counter, so uneven chunks balance; each index
// is visited by exactly one thread. The first exception thrown by any chunk is rethrown in the
// caller after every thread has stopped.
#pragma once

#include <cstdint>
#include <functional>

namespace tartan {

// Calls body(begin, end) over disjoint chunks covering [0, n). With threads <= 1 or n small
// (below min_parallel), runs body(0, n) on the calling thread.
void parallel_for(std::int64_t n, int threads, std::int64_t min_parallel,
                  const std::function<void(std::int64_t, std::int64_t)>& body);

// ReferenceOptions::threads resolved: 0 means one per hardware thread.
int resolve_threads(int requested);

}  // namespace tartan
