#include "stop.h"

#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "tartan/support/cancel.h"

namespace tartan::bench {
namespace {

using Clock = std::chrono::steady_clock;

std::atomic<int> g_signal{0};  // the signal that asked us to stop, 0 for none
std::atomic<bool> g_timed_out{false};

// Who handles a requested stop: the main thread (at a check) or the monitor (past the grace).
enum Owner { kNobody, kMainThread, kMonitor };
std::atomic<int> g_owner{kNobody};

std::mutex g_phase_mutex;
std::string g_phase = "starting";
std::mutex g_results_mutex;
StopWriter g_writer;  // guarded by g_results_mutex

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

StopReason requested() {
  if (g_signal.load() != 0) return StopReason::kInterrupted;
  if (g_timed_out.load()) return StopReason::kTimeout;
  return StopReason::kNone;
}

int exit_code_of(StopReason reason) {
  return reason == StopReason::kInterrupted ? 128 + g_signal.load() : 1;
}

// Keeps the deadline and, once a stop is requested, gives the main thread kStopGraceSeconds to
// reach a check before writing the results itself.
void monitor(double timeout_secs) {
  const Clock::time_point start = Clock::now();
  const auto since = [](Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
  };
  // SIGINT and SIGTERM are blocked in every thread but arrive here (sigtimedwait): no system call
  // of the others (a driver's file lock inside an OpenCL build) is cut short by EINTR.
  sigset_t stops = stop_signals();
  const timespec tick = {0, 10 * 1000 * 1000};
  for (;;) {
    const int signal = ::sigtimedwait(&stops, nullptr, &tick);
    if (signal > 0) {
      g_signal.store(signal);
      break;
    }
    if (timeout_secs > 0 && since(start) >= timeout_secs) {
      g_timed_out.store(true);
      break;
    }
  }
  request_cancel();
  // A second signal takes the default action, in this thread: the way out of anything.
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  pthread_sigmask(SIG_UNBLOCK, &stops, nullptr);
  // Once the main thread has the stop, this thread stays, the only one that takes a second
  // signal (and dies of it).
  const auto stay = [] {
    for (;;) ::pause();
  };
  const Clock::time_point asked = Clock::now();
  while (since(asked) < kStopGraceSeconds) {
    if (g_owner.load() == kMainThread) stay();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  int nobody = kNobody;
  if (!g_owner.compare_exchange_strong(nobody, kMonitor)) {
    stay();  // the main thread has it
  }
  const StopReason reason = requested();
  char what[96];  // the same words as the main thread's message (main.cpp)
  if (reason == StopReason::kTimeout) {
    std::snprintf(what, sizeof what, "timeout: --timeout-secs %g passed", timeout_secs);
  } else {
    std::snprintf(what, sizeof what, "interrupted");
  }
  int code = exit_code_of(reason);
  std::lock_guard<std::mutex> lock(g_results_mutex);
  std::fprintf(stderr, "tartan-bench: %s while %s, which cannot stop early; %s\n", what,
               current_phase().c_str(), g_writer ? "writing what was measured" : "stopping");
  std::fflush(stderr);
  if (g_writer) {
    try {
      code = g_writer(reason);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "tartan-bench: %s\n", e.what());
      code = std::max(code, 1);
    }
  }
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(code);  // the main thread is inside a driver call: no destructors may run beside it
}

}  // namespace

const char* stop_reason_name(StopReason reason) {
  switch (reason) {
    case StopReason::kNone:
      return "";
    case StopReason::kInterrupted:
      return "interrupted";
    case StopReason::kTimeout:
      return "timeout";
  }
  return "";
}

void start_stop_watch(double timeout_secs) {
  // Before any other thread starts, so that all of them inherit the mask.
  const sigset_t stops = stop_signals();
  pthread_sigmask(SIG_BLOCK, &stops, nullptr);
  std::thread(monitor, timeout_secs).detach();
}

StopReason should_stop() {
  const StopReason reason = requested();
  if (reason == StopReason::kNone) return reason;
  int nobody = kNobody;
  if (!g_owner.compare_exchange_strong(nobody, kMainThread) && nobody == kMonitor) {
    for (;;) ::pause();  // the monitor is writing the results and ends the process
  }
  return reason;
}

int stop_signal() { return g_signal.load(); }

void set_phase(const std::string& phase) {
  std::lock_guard<std::mutex> lock(g_phase_mutex);
  g_phase = phase;
}

std::string current_phase() {
  std::lock_guard<std::mutex> lock(g_phase_mutex);
  return g_phase;
}

std::string stopped_while(StopReason reason) {
  return std::string(stop_reason_name(reason)) + " while " + current_phase();
}

void set_stop_writer(StopWriter writer) {
  std::lock_guard<std::mutex> lock(g_results_mutex);
  g_writer = std::move(writer);
}

std::unique_lock<std::mutex> results_lock() {
  return std::unique_lock<std::mutex>(g_results_mutex);
}

}  // namespace tartan::bench
