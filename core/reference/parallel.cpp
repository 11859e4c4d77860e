#include "reference/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "tartan/support/cancel.h"

namespace tartan {

void parallel_for(std::int64_t n, int threads, std::int64_t min_parallel,
                  const std::function<void(std::int64_t, std::int64_t)>& body) {
  if (n <= 0) return;
  if (threads <= 1 || n < 2 || n < min_parallel) {
    throw_if_cancelled();
    body(0, n);
    return;
  }
  // A few chunks per thread balance uneven work without much overhead.
  const std::int64_t chunks = std::min<std::int64_t>(n, std::int64_t{threads} * 4);
  const std::int64_t chunk_size = (n + chunks - 1) / chunks;
  std::atomic<std::int64_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  std::atomic<bool> failed{false};
  const auto worker = [&] {
    while (!failed.load(std::memory_order_relaxed)) {
      const std::int64_t begin = next.fetch_add(chunk_size);
      if (begin >= n) return;
      try {
        throw_if_cancelled();  // each chunk is a fraction of one op: a stop waits for little
        body(begin, std::min(n, begin + chunk_size));
      } catch (...) {
        const std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        failed = true;
      }
    }
  };
  const int spawned = static_cast<int>(std::min<std::int64_t>(threads, chunks)) - 1;
  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(spawned));
  for (int t = 0; t < spawned; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

int resolve_threads(int requested) {
  if (requested > 0) return requested;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

}  // namespace tartan
