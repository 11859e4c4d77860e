#include "tartan/support/cancel.h"

#include <atomic>

namespace tartan {
namespace {

std::atomic<bool> g_cancel{false};
static_assert(std::atomic<bool>::is_always_lock_free, "request_cancel runs in signal handlers");

}  // namespace

void request_cancel() noexcept { g_cancel.store(true, std::memory_order_relaxed); }

bool cancel_requested() noexcept { return g_cancel.load(std::memory_order_relaxed); }

void throw_if_cancelled() {
  if (cancel_requested()) throw Cancelled();
}

}  // namespace tartan
