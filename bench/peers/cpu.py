"""ONNX Runtime on the CPU: each network exported to ONNX and run at batch 1 with a given
number of intra-op threads, sequential execution, all graph optimizations; best of repeated
timed runs."""

import os

import numpy as np
import torch

import keras_weights
from timing import summarize, time_iterations


def export_onnx(model, size, path, opset):
    """Exports with the TorchScript exporter where this PyTorch has it (it needs no extra
    packages), else with the dynamo exporter (needs onnx and onnxscript)."""
    x = torch.zeros(1, 3, size, size)
    kwargs = {"input_names": ["input"], "output_names": ["output"], "opset_version": opset}
    errors = []
    for dynamo in (False, True):
        try:
            torch.onnx.export(model, (x,), path, dynamo=dynamo, **kwargs)
            return "dynamo" if dynamo else "torchscript"
        except TypeError:  # a PyTorch without the dynamo= argument: TorchScript only
            torch.onnx.export(model, (x,), path, **kwargs)
            return "torchscript"
        except Exception as e:  # noqa: BLE001 - report why each exporter failed
            errors.append(f"{'dynamo' if dynamo else 'torchscript'}: {type(e).__name__}: {e}")
    raise RuntimeError("ONNX export failed; " + " | ".join(errors))


def session(path, threads):
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])


def measure_network(model, size, threads_list, work_dir, name, args):
    """Batch-1 figures for each thread count. Returns (export info, rows). Each row is the best
    (lowest mean) of `args.cpu_repeats` timed runs; the ONNX output is checked against PyTorch's
    on the CPU so a broken export cannot pass as fast."""
    path = os.path.join(work_dir, f"{name}.onnx")
    exporter = export_onnx(model, size, path, args.opset)
    x = keras_weights.synthetic_input(1, size)
    with torch.no_grad():
        want = model(x).numpy()
    feed = {"input": x.numpy()}
    rows = []
    for threads in threads_list:
        sess = session(path, threads)
        got = sess.run(None, feed)[0]
        runs = []
        for _ in range(args.cpu_repeats):
            times = time_iterations(lambda s=sess: s.run(None, feed), lambda: None,
                                    args.cpu_warmup, args.cpu_min_iters, args.cpu_min_seconds)
            runs.append(summarize(times, 1))
        best = min(runs, key=lambda r: r["ms_per_example"])
        best.update({
            "threads": threads,
            "batch_size": 1,
            "repeats": len(runs),
            "ms_per_example_all_repeats": [r["ms_per_example"] for r in runs],
            "max_abs_diff_vs_torch_cpu": float(np.max(np.abs(got - want))),
        })
        rows.append(best)
        del sess
    info = {"exporter": exporter, "opset": args.opset, "onnx_bytes": os.path.getsize(path)}
    os.remove(path)
    return info, rows
