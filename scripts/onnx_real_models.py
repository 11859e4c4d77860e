#!/usr/bin/env python3
"""Real models through `tartan-bench onnx`, against onnxruntime (not run by CI).

For each model: export it from PyTorch with random weights (seed 0; torchvision's and Hugging
Face's architectures, TorchScript exporter, the opset in MODELS), record onnxruntime's output for
a fixed random input, run `tartan-bench onnx MODEL --input ... --save-output ...` on the default
device (PoCL here) with validation against the reference executor, and compare tartan's output
with onnxruntime's (norm-wise relative error ||tartan - ort|| / ||ort||, bound 1e-4). The table
goes to results/onnx/real-models.md: model, opset, error, validation, and PASS, FAIL or the
unsupported operators (from `--list-ops`) or import error.

With --perf NAMES it also times those models at batch 1 against onnxruntime with the same number
of threads (PoCL uses every core; onnxruntime gets intra_op_num_threads = --threads), alternating
tartan and onnxruntime runs (--rounds) on this noisy shared machine, and writes
results/onnx/<date>-<host>-onnx-import-vs-onnxruntime.md. The Keras-built NHWC twin of each network
(`tartan-bench keras`) runs in the same rounds, so the imported NCHW model's cost is visible.

The exported files go to build-onnx-models/ (ignored by git, like every /build*/ folder).

  python3 -m venv /tmp/onnxvenv && /tmp/onnxvenv/bin/pip install torch torchvision transformers \\
      onnx onnxruntime
  /tmp/onnxvenv/bin/python scripts/onnx_real_models.py                 # all models, the table
  /tmp/onnxvenv/bin/python scripts/onnx_real_models.py --models resnet50 --perf resnet50
"""
import argparse
import datetime
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
TOLERANCE = 1e-4

# name -> (opset, builder key, Keras twin for --perf or None)
MODELS = {
    "resnet50": (13, "torchvision", "resnet50"),
    "mobilenet_v2": (13, "torchvision", "mobilenet_v2"),
    "mobilenet_v3_large": (14, "torchvision", None),
    "efficientnet_b0": (15, "torchvision", None),
    "densenet121": (13, "torchvision", "densenet121"),
    "vit_b_16": (17, "torchvision", None),
    "bert_base": (16, "transformers", None),
}
BERT_SEQUENCE = 128


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def export(name, opset, path):
    """Exports `name` with random weights and returns its fixed input feeds."""
    import torch

    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    if name == "bert_base":
        from transformers import BertConfig, BertModel

        class Bert(torch.nn.Module):
            """BertModel called by keyword (its positional arguments changed across versions)."""

            def __init__(self):
                super().__init__()
                # bert-base-uncased's shape, random weights. Eager attention: the classic
                # export (MatMul, Softmax); transformers 5's default SDPA path adds IsNaN and
                # boolean mask plumbing that no BERT export before it had.
                self.bert = BertModel(BertConfig(attn_implementation="eager"))
                self.config = self.bert.config

            def forward(self, input_ids, attention_mask, token_type_ids):
                out = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                                token_type_ids=token_type_ids)
                return out.last_hidden_state, out.pooler_output

        model = Bert().eval()
        ids = rng.integers(0, model.config.vocab_size, (1, BERT_SEQUENCE), dtype=np.int64)
        mask = np.ones((1, BERT_SEQUENCE), dtype=np.int64)
        mask[:, 100:] = 0  # padding at the end
        types = np.zeros((1, BERT_SEQUENCE), dtype=np.int64)
        types[:, 64:] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        args = tuple(torch.from_numpy(feeds[n]) for n in feeds)
        outputs = ["last_hidden_state", "pooler_output"]
    else:
        import torchvision

        model = getattr(torchvision.models, name)(weights=None).eval()
        feeds = {"x": rng.standard_normal((1, 3, 224, 224)).astype(np.float32)}
        args = (torch.from_numpy(feeds["x"]),)
        outputs = ["logits"]
    # nn.MultiheadAttention's inference fast path (ViT) is one fused op the exporter cannot write.
    torch.backends.mha.set_fastpath_enabled(False)
    with torch.no_grad():
        torch.onnx.export(model, args, path, input_names=list(feeds), output_names=outputs,
                          opset_version=opset, dynamo=False, do_constant_folding=True)
    return feeds


ORT_SPIN = {"on": True}


def ort_session(path, threads):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    if not ORT_SPIN["on"]:  # idle threads sleep instead of spinning: kinder on a loaded machine
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])


def relative_error(got, want):
    got, want = got.astype(np.float64), want.astype(np.float64)
    if got.shape != want.shape or not np.all(np.isfinite(got)):
        return float("inf")
    return float(np.linalg.norm(got - want) / max(np.linalg.norm(want), 1e-30))


def bench_command(args, extra):
    return [args.bench, "--results", args.results_dir, "--no-cpu-compare"] + extra


def first_error_line(stderr):
    for line in stderr.splitlines():
        if line.startswith("tartan-bench: "):
            return line[len("tartan-bench: "):].strip()
    return stderr.strip().splitlines()[-1] if stderr.strip() else "no message"


def newest_json(folder, since):
    files = [os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".json")]
    files = [f for f in files if os.path.getmtime(f) >= since]
    return json.load(open(max(files, key=os.path.getmtime))) if files else None


def check_model(args, name):
    opset = MODELS[name][0]
    folder = os.path.join(args.work_dir, name)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name + ".onnx")
    row = {"model": name, "opset": opset, "error": None, "validation": "-", "status": "",
           "seconds": 0.0}
    feeds_file = os.path.join(folder, "feeds.npz")
    if args.skip_export and os.path.exists(path) and os.path.exists(feeds_file):
        feeds = dict(np.load(feeds_file))
    else:
        log(f"[{name}] exporting at opset {opset}")
        feeds = export(name, opset, path)
        np.savez(feeds_file, **feeds)
    for n, a in feeds.items():
        np.save(os.path.join(folder, f"input.{n}.npy"), a)
    want = ort_session(path, args.threads).run(None, feeds)[0]
    np.save(os.path.join(folder, "ort.npy"), want)

    listing = subprocess.run([args.bench, "onnx", path, "--list-ops"], capture_output=True,
                             text=True)
    if listing.returncode != 0:
        unsupported = [l.split()[0] for l in listing.stdout.splitlines()
                       if re.search(r"\sno: ", l)]
        row["status"] = ("unsupported operator: " + ", ".join(unsupported) if unsupported
                         else "list-ops failed: " + first_error_line(listing.stderr))
        row["list_ops"] = listing.stdout
        return row
    out = os.path.join(folder, "tartan.npy")
    if os.path.exists(out):
        os.remove(out)
    inputs = []
    for n in feeds:
        inputs += ["--input", f"{n}={os.path.join(folder, f'input.{n}.npy')}"]
    extra = ["-n", "1", "--no-warmup"] + ([] if args.validate else ["--no-validate"])
    command = bench_command(args, extra + inputs + ["--save-output", out, "onnx", path])
    log(f"[{name}] " + " ".join(command))
    start = time.time()
    run = subprocess.run(command, capture_output=True, text=True)
    row["seconds"] = time.time() - start
    result = newest_json(args.results_dir, start)
    if result is not None:
        row["validation"] = result["validation"]["status"].upper()
        note_device(result)
    if not os.path.exists(out):
        row["status"] = f"exit {run.returncode}: " + first_error_line(run.stderr)
        return row
    row["error"] = relative_error(np.load(out), want)
    ok = run.returncode == 0 and row["error"] <= TOLERANCE and row["validation"] != "FAIL"
    row["status"] = "PASS" if ok else "FAIL" + (f" (exit {run.returncode})"
                                                 if run.returncode else "")
    return row


def versions():
    import onnx
    import onnxruntime
    import torch
    import torchvision
    import transformers

    return (f"Python {platform.python_version()}, torch {torch.__version__}, torchvision "
            f"{torchvision.__version__}, transformers {transformers.__version__}, onnx "
            f"{onnx.__version__}, onnxruntime {onnxruntime.__version__}")


def git_commit():
    return subprocess.run(["git", "-C", ROOT, "rev-parse", "--short=12", "HEAD"],
                          capture_output=True, text=True).stdout.strip()


def cpu_name():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


DEVICE = {"text": "unknown (no tartan-bench result yet)"}


def note_device(result):
    d = result["device"]
    DEVICE["text"] = f"{d['name']} ({d['platform']}, driver {d['driver_version']})"


def header(args, title):
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return [f"# {title}", "",
            f"- date: {now}; tartan at {git_commit()}; host {socket.gethostname()}, "
            f"{os.cpu_count()} cores ({cpu_name()}), load average at start "
            f"{os.getloadavg()[0]:.1f}",
            f"- device: the default, {DEVICE['text']}",
            f"- peers: {versions()}",
            f"- command: `{' '.join(['python3'] + sys.argv)}`", ""]


def write_table(args, rows):
    lines = header(args, "ONNX real models: tartan-bench onnx vs onnxruntime")
    lines += ["Exported with random weights (torchvision / transformers architectures, seed 0, "
              "TorchScript exporter), batch 1 (BERT-base: sequence 128, three int64 inputs); "
              "error = ||tartan - onnxruntime|| / ||onnxruntime|| on the first output, PASS when "
              f"<= {TOLERANCE:g} and validation against the reference executor passed.", "",
              "| model | opset | tartan vs onnxruntime (norm-wise relative) | validation | "
              "status | seconds |", "|---|---|---|---|---|---|"]
    for r in rows:
        error = "-" if r["error"] is None else f"{r['error']:.2e}"
        lines.append(f"| {r['model']} | {r['opset']} | {error} | {r['validation']} | "
                     f"{r['status']} | {r['seconds']:.0f} |")
    os.makedirs(os.path.dirname(args.table), exist_ok=True)
    with open(args.table, "w") as f:
        f.write("\n".join(lines) + "\n")
    log("wrote " + args.table)


def time_ort(path, feeds, threads, runs, warmup):
    session = ort_session(path, threads)
    for _ in range(warmup):
        session.run(None, feeds)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        session.run(None, feeds)
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times), statistics.mean(times)


def time_tartan(args, extra):
    start = time.time()
    command = bench_command(args, ["-n", str(args.runs), "--warmup-examples", str(args.warmup),
                                   "--no-validate", "--no-kernel-timing"] + extra)
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(" ".join(command) + ": " + first_error_line(run.stderr))
    r = newest_json(args.results_dir, start)
    note_device(r)
    return r["run"]["latency_ms"]["p50"], r["run"]["ms_per_example"], " ".join(command)


def perf(args, names):
    lines = header(args, "ONNX import at batch 1 on PoCL vs onnxruntime, equal threads")
    lines += [f"Alternating rounds ({args.rounds}), each: tartan-bench onnx (the imported NCHW "
              f"model), tartan-bench keras (the NHWC network tartan builds itself) where one "
              f"exists, onnxruntime ({args.threads} intra-op threads, sequential, CPU provider); "
              f"{'idle threads sleeping (allow_spinning=0); ' if args.ort_no_spin else ''}"
              f"{args.runs} timed runs after {args.warmup} warm-up runs each. PoCL uses all "
              f"{os.cpu_count()} cores. Figures in ms per example at batch 1: median (p50) / "
              "mean.", "",
              "| model | round | tartan onnx p50 / mean | tartan keras p50 / mean | onnxruntime "
              "p50 / mean | tartan onnx throughput / onnxruntime's (p50) | onnx time / keras "
              "time (p50) |", "|---|---|---|---|---|---|---|"]
    commands = []
    for name in names:
        folder = os.path.join(args.work_dir, name)
        path = os.path.join(folder, name + ".onnx")
        feeds = dict(np.load(os.path.join(folder, "feeds.npz")))
        keras = MODELS[name][2]
        for k in range(args.rounds):
            log(f"[perf {name}] round {k + 1}")
            t_onnx = time_tartan(args, ["onnx", path])
            t_keras = time_tartan(args, ["keras", keras]) if keras else None
            ort_p50, ort_mean = time_ort(path, feeds, args.threads, args.runs, args.warmup)
            if k == 0:
                commands += [t_onnx[2]] + ([t_keras[2]] if t_keras else [])
            keras_cell = f"{t_keras[0]:.1f} / {t_keras[1]:.1f}" if t_keras else "-"
            layout = f"{t_onnx[0] / t_keras[0]:.2f}" if t_keras else "-"
            lines.append(f"| {name} | {k + 1} | {t_onnx[0]:.1f} / {t_onnx[1]:.1f} | "
                         f"{keras_cell} | {ort_p50:.1f} / {ort_mean:.1f} | "
                         f"{ort_p50 / t_onnx[0]:.2f}x | {layout} |")
    lines += ["", "tartan commands (first round):", ""] + [f"    {c}" for c in commands]
    lines += ["", f"Load average at the end: {os.getloadavg()[0]:.1f} (the machine is shared by "
              "other jobs: compare within a round)."]
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    out = os.path.join(ROOT, "results", "onnx", f"{stamp}-local-2core-onnx-import-vs-onnxruntime"
                       f"{'-ort-no-spin' if args.ort_no_spin else ''}.md")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    log("\n".join(lines))
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    log("wrote " + out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", default=",".join(MODELS), help="comma-separated, of: "
                        + ", ".join(MODELS))
    parser.add_argument("--bench", default=os.path.join(ROOT, "build", "bin", "tartan-bench"))
    parser.add_argument("--work-dir", default=os.path.join(ROOT, "build-onnx-models"))
    parser.add_argument("--table", default=os.path.join(ROOT, "results", "onnx", "real-models.md"))
    parser.add_argument("--threads", type=int, default=2, help="onnxruntime's intra-op threads")
    parser.add_argument("--skip-export", action="store_true", help="reuse exported files")
    parser.add_argument("--no-validate", dest="validate", action="store_false",
                        help="skip tartan's reference-executor validation")
    parser.add_argument("--no-table", dest="table_on", action="store_false",
                        help="only --perf")
    parser.add_argument("--perf", default="", help="models to time, e.g. resnet50,mobilenet_v2")
    parser.add_argument("--ort-no-spin", action="store_true",
                        help="onnxruntime's idle threads sleep (session.intra_op.allow_spinning=0)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--runs", type=int, default=30, help="timed runs per measurement")
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()
    ORT_SPIN["on"] = not args.ort_no_spin
    names = [n for n in args.models.split(",") if n]
    for n in names + [p for p in args.perf.split(",") if p]:
        if n not in MODELS:
            parser.error(f"unknown model {n}; known: {', '.join(MODELS)}")
    os.makedirs(args.work_dir, exist_ok=True)
    args.results_dir = tempfile.mkdtemp(prefix="results-", dir=args.work_dir)
    if args.table_on:
        rows = []
        for name in names:
            try:
                rows.append(check_model(args, name))
            except Exception as e:  # an export or onnxruntime failure is reported, not fatal
                rows.append({"model": name, "opset": MODELS[name][0], "error": None,
                             "validation": "-", "status": f"script error: {e}", "seconds": 0})
            log(f"[{name}] {rows[-1]['status']}")
            write_table(args, rows)  # after each model, so an interrupted run keeps the rest
    if args.perf:
        perf(args, [p for p in args.perf.split(",") if p])


if __name__ == "__main__":
    main()
