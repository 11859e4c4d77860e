"""Timing loops shared by the GPU and CPU peers: each iteration timed on its own on the host,
like tartan-bench times each batch (enqueue of the first kernel to the end of clFinish, inputs
already resident)."""

import statistics
import time


def time_iterations(step, sync, warmup, min_iters, min_seconds):
    """Runs `step` `warmup` times, then at least `min_iters` times and for at least
    `min_seconds`, each timed from its start to the end of `sync()`. Returns the per-iteration
    times in seconds."""
    for _ in range(warmup):
        step()
    sync()
    times = []
    start = time.perf_counter()
    while len(times) < min_iters or time.perf_counter() - start < min_seconds:
        t0 = time.perf_counter()
        step()
        sync()
        times.append(time.perf_counter() - t0)
    return times


def summarize(times, batch):
    """The figures tartan-bench reports: mean ms per example (execution / examples), per-batch
    p50 latency and examples per second."""
    mean = sum(times) / len(times)
    return {
        "iterations": len(times),
        "ms_per_example": 1e3 * mean / batch,
        "latency_ms_p50": 1e3 * statistics.median(times),
        "examples_per_second": batch / mean,
    }
