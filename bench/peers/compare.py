#!/usr/bin/env python3
"""Compares tartan-bench results (results/README.md's JSON schema) with the peers measured by
peers.py and checks issue 7's targets: one markdown table per device.

  compare.py --peers peers.json [--peers more.json] [--cpu-results N=DIR ...] [--out FILE]
             RESULT [RESULT ...]

RESULT is a tartan-bench JSON file or a folder of them (searched recursively). GPU results are
matched with PyTorch's best variant at the same network and batch size; CPU (PoCL) results
given with --cpu-results N=DIR ran with N PoCL threads and are matched with ONNX Runtime at N
intra-op threads. Several --peers files (e.g. from two device calls of three networks each) are
merged; their commands are all listed."""

import argparse
import glob
import json
import os
import sys

# Issue 7's GPU targets. Throughput at batch 64: tartan img/s >= factor x PyTorch's best.
# Latency at batch 1: tartan ms/img <= an absolute bound, or <= factor x PyTorch with CUDA graphs.
THROUGHPUT_FACTOR = {"mobilenet": 1.5}
LATENCY_ABSOLUTE_MS = {"mobilenet": 0.30}
LATENCY_FACTOR = 1.5
TARGET_NETWORKS = ["mobilenet", "mobilenet_v2", "resnet50", "vgg16", "inception_v3",
                   "densenet121"]
# MobileNet compile time: cold kernel cache, warm kernel cache (seconds).
COMPILE_TARGETS = {False: 2.0, True: 0.2}
# CPU: tartan on PoCL reaches at least this share of ONNX Runtime's throughput.
CPU_SHARE = 0.5
CPU_TARGET_NETWORKS = ["mobilenet", "resnet50"]


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("results", nargs="*", help="tartan-bench JSON files or folders")
    p.add_argument("--peers", required=True, action="append",
                   help="peers.py's JSON (repeatable)")
    p.add_argument("--cpu-results", action="append", default=[], metavar="N=DIR",
                   help="tartan-bench results taken on PoCL with N threads (repeatable)")
    p.add_argument("--command", help="the command that produced the results, for the header")
    p.add_argument("--out", help="write the markdown here instead of stdout")
    return p.parse_args(argv)


def load_results(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            files += sorted(glob.glob(os.path.join(path, "**", "*.json"), recursive=True))
        elif not os.path.exists(path):  # a run that was skipped left no folder: say so
            print(f"compare: {path} does not exist; no results from it", file=sys.stderr)
        else:
            files.append(path)
    results = []
    for f in files:
        with open(f) as fh:
            try:
                doc = json.load(fh)
            except json.JSONDecodeError as e:
                raise SystemExit(f"compare: {f} is not JSON ({e})")
        if doc.get("schema") != "tartan-bench-result":
            continue  # peers.py output or anything else in the folder
        if doc.get("schema_version") != 1:
            raise SystemExit(f"compare: {f} has schema_version {doc.get('schema_version')}; "
                             "this script reads version 1 (see results/README.md)")
        if doc["workload"]["frontend"] != "keras":
            continue
        doc["_file"] = f
        results.append(doc)
    return results


def load_peers(paths):
    """peers.py's JSON files merged: the first one's environment and GPU, every file's rows (a
    later file's row replaces an earlier one of the same network and batch or threads)."""
    merged = None
    for path in paths:
        with open(path) as f:
            doc = json.load(f)
        if doc.get("schema") != "tartan-peers-result":
            raise SystemExit(f"compare: {path} is not peers.py output")
        for r in doc["onnxruntime_cpu"]:
            r["_env"] = doc["environment"]  # which machine and versions measured it
        if merged is None:
            merged = dict(doc, environments=[doc["environment"]])
            continue
        merged["environments"].append(doc["environment"])
        if doc.get("gpu") and merged.get("gpu") and doc["gpu"]["name"] != merged["gpu"]["name"]:
            raise SystemExit(f"compare: {path} ran on {doc['gpu']['name']}, {paths[0]} on "
                             f"{merged['gpu']['name']}: compare only one card's figures")
        merged["gpu"] = merged.get("gpu") or doc.get("gpu")
        merged["pytorch_gpu"] += doc["pytorch_gpu"]
        merged["onnxruntime_cpu"] += doc["onnxruntime_cpu"]
    return merged


def pick(runs):
    """Of several runs of one network and batch size: the one that ran the most examples (the
    timing run rather than a short warm-compile rerun), the latest among equals."""
    return max(runs, key=lambda r: (r["run"]["examples"], r["date"], r["_file"]))


def group(results):
    """{device id: {(network, batch): [results]}}"""
    out = {}
    for r in results:
        key = (r["workload"]["name"], r["options"]["batch_size"])
        out.setdefault(r["device"]["id"], {}).setdefault(key, []).append(r)
    return out


def correct(r):
    """'' when the run counts; else why it does not."""
    if r["status"] != "ok":
        return f"status {r['status']}"
    if r["validation"]["status"] != "pass":
        return f"validation {r['validation']['status']}"
    return ""


def fmt_ms(v):
    return f"{v:.3f}" if v >= 0.1 else f"{v:.4f}"


def gpu_row(r, peer):
    """One markdown row: tartan, PyTorch's best, the ratio, the target and whether it is met."""
    net, batch = r["workload"]["name"], r["options"]["batch_size"]
    run = r["run"]
    cells = [net, str(batch), fmt_ms(run["ms_per_example"]), f"{run['examples_per_second']:,.0f}",
             fmt_ms(run["latency_ms"]["p50"]), r["validation"]["status"]]
    if peer is None:
        return cells + ["(not measured)", "", "", "", ""]
    best = peer["best"]
    graphs = [v for v in peer["variants"] if v["cuda_graph"]]
    graph_best = min(graphs, key=lambda v: v["ms_per_example"]) if graphs else best
    speed = best["ms_per_example"] / run["ms_per_example"]  # > 1: tartan faster
    cells += [f"{fmt_ms(best['ms_per_example'])} ms, {best['examples_per_second']:,.0f}/s "
              f"({best['variant']})", f"{speed:.2f}x"]
    target, met = "", ""
    why_not = correct(r)
    if net in TARGET_NETWORKS and batch == 64:
        factor = THROUGHPUT_FACTOR.get(net, 1.0)
        target = f">= {factor:g}x PyTorch img/s"
        met = "met" if speed >= factor else "missed"
    elif net in TARGET_NETWORKS and batch == 1:
        if net in LATENCY_ABSOLUTE_MS:
            bound = LATENCY_ABSOLUTE_MS[net]
            target = f"<= {bound:.2f} ms (PyTorch+graph {fmt_ms(graph_best['ms_per_example'])})"
        else:
            bound = LATENCY_FACTOR * graph_best["ms_per_example"]
            target = f"<= {LATENCY_FACTOR:g}x PyTorch+graph = {fmt_ms(bound)} ms"
        met = "met" if run["ms_per_example"] <= bound else "missed"
    if met and why_not:
        met = f"missed ({why_not})"
    return cells + [target, met]


def gpu_table(device_id, runs, peers, lines):
    r0 = next(iter(runs.values()))[0]
    dev = r0["device"]
    gpu = peers.get("gpu") or {}
    lines += [f"## {dev['name']} ({dev['platform']}, OpenCL driver {dev['driver_version']})", "",
              f"- tartan: device `{device_id}`, {dev['opencl_version']}; tartan "
              f"{r0['tool']['version']} commit {r0['tool']['git_commit']}; runs of "
              f"{min(r['date'] for v in runs.values() for r in v)} to "
              f"{max(r['date'] for v in runs.values() for r in v)}.",
              f"- PyTorch {peers['environment']['torch']} + cuDNN {gpu.get('cudnn')} on "
              f"{gpu.get('name')} (NVIDIA driver {gpu.get('driver')}), FP32 with TF32 off, "
              "cudnn.benchmark on; best of NCHW / channels_last x eager / CUDA graph; "
              f"{peers['environment']['date']}.", ""]
    if gpu.get("name") and gpu["name"] not in dev["name"] and dev["name"] not in gpu["name"]:
        lines += [f"**Warning: the peers ran on {gpu['name']}, tartan on {dev['name']}: not the "
                  "same card, the ratios mean nothing.**", ""]
    lines += ["| network | batch | tartan ms/img | tartan img/s | tartan p50 ms/batch | "
              "validation | PyTorch best | speed vs PyTorch | issue-7 target | result |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    peer_rows = {(p["network"], p["batch_size"]): p for p in peers["pytorch_gpu"]}
    order = {n: i for i, n in enumerate(TARGET_NETWORKS)}
    for key in sorted(runs, key=lambda k: (order.get(k[0], 99), k[0], -k[1])):
        lines.append("| " + " | ".join(gpu_row(pick(runs[key]), peer_rows.get(key))) + " |")
    missing = [f"{n} b{b}" for n in TARGET_NETWORKS for b in (64, 1) if (n, b) not in runs]
    if missing:
        lines += ["", f"No tartan result for: {', '.join(missing)} (each counts as missed)."]
    lines += ["", "Speed vs PyTorch: PyTorch's ms/img over tartan's (above 1: tartan faster). "
              "Batch 1 is wall time per batch of one, each timed to completion; batch 64 is "
              "throughput."]
    compile_lines(runs, lines)


def compile_lines(runs, lines):
    mobilenet = [r for (n, _), rs in runs.items() if n == "mobilenet" for r in rs]
    if not mobilenet:
        return
    lines += ["", "| MobileNet compile | batch | seconds | kernel cache | target | result |",
              "|---|---|---|---|---|---|"]
    for r in sorted(mobilenet, key=lambda r: r["date"]):
        hit = r["compile"]["cache_hit"]
        bound = COMPILE_TARGETS[hit]
        met = "met" if r["compile"]["seconds"] <= bound else "missed"
        lines.append(f"| {os.path.basename(r['_file'])} | {r['options']['batch_size']} | "
                     f"{r['compile']['seconds']:.3f} | {'warm' if hit else 'cold'} | "
                     f"<= {bound:g} s | {met} |")


def cpu_table(cpu_runs, peers, lines):
    """cpu_runs: [(threads, result)]."""
    ort = {}
    for r in peers["onnxruntime_cpu"]:
        if "error" in r:  # the export failed: every thread count of that network
            for threads, _ in cpu_runs:
                ort[(r["network"], threads)] = r
        else:
            ort[(r["network"], r["threads"])] = r
    by_key = {}
    for threads, r in cpu_runs:
        by_key.setdefault((r["workload"]["name"], threads), []).append(r)
    dev = cpu_runs[0][1]["device"]
    lines += [f"## CPU: {dev['name']} ({dev['platform']} {dev['driver_version']}) vs ONNX Runtime",
              ""]
    envs = {e["date"] + e["host"]: e for e in (r["_env"] for r in peers["onnxruntime_cpu"])}
    for env in envs.values():
        lines.append(f"- ONNX Runtime {env['onnxruntime']} (CPUExecutionProvider, sequential, all "
                     f"graph optimizations, intra-op threads = PoCL threads) on "
                     f"{env['cpu']['name']}, {env['cpu']['cores']} cores; {env['date']}.")
        if env["cpu"]["name"] not in dev["name"]:
            lines.append(f"- **Warning: ONNX Runtime ran on {env['cpu']['name']}, tartan on "
                         f"{dev['name']}: not the same CPU, the shares mean nothing.**")
    lines += ["- PoCL threads pinned with POCL_MAX_PTHREAD_COUNT (results given without N ran "
              "with PoCL's default, one per core).", "",
              "| network | threads | tartan ms/img | validation | ONNX Runtime ms/img | "
              "tartan share of ORT throughput | target | result |",
              "|---|---|---|---|---|---|---|---|"]
    for (net, threads), rs in sorted(by_key.items()):
        r = pick(rs)
        peer = ort.get((net, threads))
        cells = [net, str(threads), fmt_ms(r["run"]["ms_per_example"]), r["validation"]["status"]]
        if peer is None or "error" in peer:
            cells += ["(not measured)" if peer is None else f"failed: {peer['error']}", "", "",
                      ""]
        else:
            share = peer["ms_per_example"] / r["run"]["ms_per_example"]
            target = f">= {CPU_SHARE:g}" if net in CPU_TARGET_NETWORKS else ""
            met = ("met" if share >= CPU_SHARE else "missed") if target else ""
            if met and correct(r):
                met = f"missed ({correct(r)})"
            cells += [fmt_ms(peer["ms_per_example"]), f"{share:.2f}", target, met]
        lines.append("| " + " | ".join(cells) + " |")


def main(argv):
    args = parse_args(argv)
    peers = load_peers(args.peers)
    cpu_runs = []
    for spec in args.cpu_results:
        threads, sep, folder = spec.partition("=")
        if not sep or not threads.isdigit():
            raise SystemExit(f"compare: --cpu-results {spec!r}: expected N=DIR, e.g. 16=out/pocl")
        cpu_runs += [(int(threads), r) for r in load_results([folder])]
    results = load_results(args.results)
    gpu_results = [r for r in results if r["device"]["type"] != "cpu"]
    # CPU results without N=: PoCL's default, one thread per core of the machine (peers.py's).
    cpu_runs += [(peers["environment"]["cpu"]["cores"], r) for r in results
                 if r["device"]["type"] == "cpu"]
    if not gpu_results and not cpu_runs:
        raise SystemExit("compare: no tartan-bench keras results found in " +
                         " ".join(args.results + args.cpu_results))
    lines = ["# tartan vs peers (issue 7)", ""]
    if args.command:
        lines += [f"Command: `{args.command}`", ""]
    for env in peers["environments"]:
        lines += [f"Peers: `{env['command']}` on {env['host']}, {env['date']}.", ""]
    for device_id, runs in group(gpu_results).items():
        gpu_table(device_id, runs, peers, lines)
        lines.append("")
    if cpu_runs:
        cpu_table(cpu_runs, peers, lines)
        lines.append("")
    text = "\n".join(lines)
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
