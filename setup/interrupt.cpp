#include "interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <initializer_list>

namespace tartan::setup {
namespace {

// Flags rather than a signal mask: OpenCL drivers run threads of their own, and a mask set on
// this thread would not stop a signal from being delivered to one of those.
volatile sig_atomic_t g_config_saved = 0;
volatile sig_atomic_t g_deferred = 0;
volatile sig_atomic_t g_pending = 0;

void write_stderr(const char* s) {
  // Only async-signal-safe calls in here: write(2) and _exit(2).
  ssize_t ignored = ::write(STDERR_FILENO, s, std::strlen(s));
  (void)ignored;
}

[[noreturn]] void leave(int signo) {
  write_stderr(g_config_saved ? "\ninterrupted (the configuration was saved)\n"
                              : "\ninterrupted: the configuration was not changed\n");
  ::_exit(128 + signo);
}

void on_signal(int signo) {
  if (g_deferred) {
    g_pending = signo;
    return;
  }
  leave(signo);
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  for (int signo : {SIGINT, SIGTERM}) sigaction(signo, &action, nullptr);
}

InterruptsDeferred::InterruptsDeferred() { g_deferred = 1; }

InterruptsDeferred::~InterruptsDeferred() {
  g_deferred = 0;
  if (g_pending) leave(g_pending);
}

void note_config_saved() { g_config_saved = 1; }

}  // namespace tartan::setup
