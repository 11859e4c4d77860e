#!/usr/bin/env python3
"""The peers of issue 7, measured: PyTorch + cuDNN on the GPU (batch-1 latency, batch-64
throughput; NCHW / channels_last, with and without CUDA graphs; best variant reported) and ONNX
Runtime on the CPU (batch 1 at given thread counts), on the same architectures as tartan's
Keras networks. Prints one table and writes JSON for compare.py. See README.md here."""

import argparse
import datetime
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402

import models  # noqa: E402

SCHEMA = "tartan-peers-result"


def csv(text):
    return [v for v in text.split(",") if v]


def ints(text):
    return [int(v) for v in csv(text)]


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--networks", type=csv, default=list(models.BUILDERS),
                   help="comma-separated networks (default: all six)")
    p.add_argument("--cpu-networks", type=csv, default=None,
                   help="networks for ONNX Runtime (default: --networks)")
    p.add_argument("--batch-sizes", type=ints, default=[1, 64],
                   help="GPU batch sizes (default: 1,64)")
    p.add_argument("--threads", type=ints, default=None,
                   help="ONNX Runtime intra-op thread counts (default: 2 and the core count)")
    p.add_argument("--skip-gpu", action="store_true", help="no PyTorch GPU measurement")
    p.add_argument("--skip-cpu", action="store_true", help="no ONNX Runtime measurement")
    p.add_argument("--out", help="write the JSON here (default: print the table only)")
    g = p.add_argument_group("timing")
    g.add_argument("--warmup", type=int, default=20, help="GPU untimed iterations per variant")
    g.add_argument("--min-iters", type=int, default=50, help="GPU timed iterations, at least")
    g.add_argument("--min-seconds", type=float, default=1.0,
                   help="GPU timed seconds per variant, at least")
    g.add_argument("--cpu-warmup", type=int, default=5)
    g.add_argument("--cpu-min-iters", type=int, default=10)
    g.add_argument("--cpu-min-seconds", type=float, default=1.0)
    g.add_argument("--cpu-repeats", type=int, default=3, help="timed runs, best taken")
    g.add_argument("--opset", type=int, default=17)
    args = p.parse_args(argv)
    unknown = [n for n in args.networks + (args.cpu_networks or []) if n not in models.BUILDERS]
    if unknown:
        p.error(f"unknown network(s) {', '.join(unknown)}; known: {', '.join(models.BUILDERS)}")
    if args.cpu_networks is None:
        args.cpu_networks = args.networks
    if args.threads is None:
        args.threads = sorted({2, os.cpu_count() or 2})
    return args


def version_of(module):
    try:
        return __import__(module).__version__
    except Exception:  # noqa: BLE001 - absent or broken: say so in the JSON
        return None


def nvidia_smi():
    try:
        out = subprocess.run(["nvidia-smi", "--query-gpu=name,driver_version",
                              "--format=csv,noheader"], capture_output=True, text=True,
                             timeout=30).stdout.strip().splitlines()
        name, driver = (s.strip() for s in out[0].split(",", 1))
        return {"name": name, "driver": driver}
    except Exception:  # noqa: BLE001 - no NVIDIA driver here
        return {"name": None, "driver": None}


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def environment(argv):
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": "python3 bench/peers/peers.py " + shlex.join(argv),
        "host": platform.node(),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "torchvision": version_of("torchvision"),
        "onnx": version_of("onnx"),
        "onnxscript": version_of("onnxscript"),
        "onnxruntime": version_of("onnxruntime"),
        "cpu": {"name": cpu_name(), "cores": os.cpu_count()},
        # A loaded machine makes CPU figures meaningless: the reader can check.
        "loadavg_at_start": os.getloadavg(),
    }


def architecture_rows(names):
    rows = {}
    for name in names:
        m = models.BUILDERS[name]()  # counts only: no weights needed
        size = models.IMAGE_SIZE[name]
        rows[name] = {
            "image_size": size,
            "parameters": models.keras_param_count(m),
            "keras_parameters": models.KERAS_PARAMS[name],
            "gflops_per_example": models.gflops_per_example(m, size),
        }
    return rows


def print_architectures(arch):
    print(f"{'network':14} {'params':>12} {'Keras':>12} {'match':>5} {'GFLOP/img':>9}")
    for name, a in arch.items():
        ok = "yes" if a["parameters"] == a["keras_parameters"] else "NO"
        print(f"{name:14} {a['parameters']:>12,} {a['keras_parameters']:>12,} {ok:>5} "
              f"{a['gflops_per_example']:>9.3f}")


def run_gpu(args, result):
    import gpu

    gpu.configure_strict_fp32()
    result["gpu"] = gpu.device_info() | nvidia_smi()
    result["gpu"]["settings"] = {
        "matmul.allow_tf32": torch.backends.cuda.matmul.allow_tf32,
        "cudnn.allow_tf32": torch.backends.cudnn.allow_tf32,
        "cudnn.benchmark": torch.backends.cudnn.benchmark,
    }
    for name in args.networks:
        model = models.build(name)
        for batch in args.batch_sizes:
            rows, best = gpu.measure_network(model, models.IMAGE_SIZE[name], batch, args)
            result["pytorch_gpu"].append({"network": name, "batch_size": batch,
                                          "best": best, "variants": rows})
            print(f"  gpu {name} b{batch}: best {best['variant']} "
                  f"{best['ms_per_example']:.4f} ms/img, {best['examples_per_second']:,.0f} img/s",
                  flush=True)


def run_cpu(args, result):
    import cpu

    with tempfile.TemporaryDirectory(prefix="tartan-peers-") as work:
        for name in args.cpu_networks:
            model = models.build(name)
            try:
                info, rows = cpu.measure_network(model, models.IMAGE_SIZE[name], args.threads,
                                                 work, name, args)
            except Exception as e:  # noqa: BLE001 - one network's failure is reported, not fatal
                result["onnxruntime_cpu"].append({"network": name, "error": str(e)})
                print(f"  cpu {name}: FAILED: {e}", flush=True)
                continue
            for row in rows:
                result["onnxruntime_cpu"].append({"network": name, **info, **row})
                print(f"  cpu {name} {row['threads']} threads: {row['ms_per_example']:.3f} ms",
                      flush=True)


def print_table(result):
    if result["pytorch_gpu"]:
        gpu = result["gpu"]
        print(f"\nPyTorch {result['environment']['torch']} + cuDNN {gpu['cudnn']} on "
              f"{gpu['name']} (driver {gpu['driver']}), FP32, no TF32:")
        print(f"{'network':14} {'batch':>5} {'ms/img':>9} {'p50 ms/batch':>12} {'img/s':>10}  "
              f"best variant (of {len(result['pytorch_gpu'][0]['variants'])})")
        for r in result["pytorch_gpu"]:
            b = r["best"]
            print(f"{r['network']:14} {r['batch_size']:>5} {b['ms_per_example']:>9.4f} "
                  f"{b['latency_ms_p50']:>12.4f} {b['examples_per_second']:>10,.0f}  "
                  f"{b['variant']}")
    if result["onnxruntime_cpu"]:
        env = result["environment"]
        print(f"\nONNX Runtime {env['onnxruntime']} on {env['cpu']['name']} "
              f"({env['cpu']['cores']} cores), batch 1:")
        print(f"{'network':14} {'threads':>7} {'ms/img':>9} {'p50 ms':>9} {'img/s':>9}")
        for r in result["onnxruntime_cpu"]:
            if "error" in r:
                print(f"{r['network']:14} FAILED: {r['error']}")
                continue
            print(f"{r['network']:14} {r['threads']:>7} {r['ms_per_example']:>9.3f} "
                  f"{r['latency_ms_p50']:>9.3f} {r['examples_per_second']:>9.1f}")


def main(argv):
    args = parse_args(argv)
    if not args.skip_gpu and not torch.cuda.is_available():
        raise SystemExit("peers: no CUDA device for PyTorch; pass --skip-gpu to measure the CPU "
                         "peer only")
    torch.manual_seed(0)
    result = {"schema": SCHEMA, "schema_version": 1, "environment": environment(argv),
              "architectures": architecture_rows(dict.fromkeys(args.networks + args.cpu_networks)),
              "gpu": None, "pytorch_gpu": [], "onnxruntime_cpu": []}
    print_architectures(result["architectures"])
    if not args.skip_gpu:
        run_gpu(args, result)
    if not args.skip_cpu:
        run_cpu(args, result)
    result["environment"]["loadavg_at_end"] = os.getloadavg()
    print_table(result)
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w") as f:
            json.dump(result, f, indent=2)
        print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
