#include "stop.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace tartan::bench {
namespace {

std::atomic<int> g_signal{0};  // the signal that asked us to stop, 0 for none
std::atomic<bool> g_timed_out{false};
std::mutex g_phase_mutex;
std::string g_phase = "starting";

extern "C" void on_signal(int signal) { g_signal.store(signal); }

void watchdog(double timeout_secs) {
  std::this_thread::sleep_for(std::chrono::duration<double>(timeout_secs));
  g_timed_out.store(true);
  std::this_thread::sleep_for(std::chrono::duration<double>(kTimeoutGraceSeconds));
  // The main thread did not reach a check in time: it is stuck in one long step.
  std::string phase;
  {
    std::lock_guard<std::mutex> lock(g_phase_mutex);
    phase = g_phase;
  }
  std::fprintf(stderr,
               "tartan-bench: timeout: --timeout-secs %.0f passed while %s, which cannot be "
               "interrupted; stopping without results\n",
               timeout_secs, phase.c_str());
  std::fflush(stderr);
  std::_Exit(1);
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
  struct sigaction action = {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  // A second signal takes the default action: the way out of a step that cannot stop early.
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  if (timeout_secs > 0) std::thread(watchdog, timeout_secs).detach();
}

StopReason should_stop() {
  if (g_signal.load() != 0) return StopReason::kInterrupted;
  if (g_timed_out.load()) return StopReason::kTimeout;
  return StopReason::kNone;
}

int stop_signal() { return g_signal.load(); }

void set_phase(const std::string& phase) {
  std::lock_guard<std::mutex> lock(g_phase_mutex);
  g_phase = phase;
}

}  // namespace tartan::bench
