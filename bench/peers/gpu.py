"""PyTorch + cuDNN on the GPU: FP32 without TF32, cudnn.benchmark on, eval mode, no grad; each
network and batch size in four variants (NCHW / channels_last, eager / CUDA graph)."""

import torch

import keras_weights
from timing import summarize, time_iterations

VARIANTS = [(layout, graph) for layout in ("nchw", "channels_last") for graph in (False, True)]


def configure_strict_fp32():
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    torch.backends.cudnn.benchmark = True
    torch.set_float32_matmul_precision("highest")


def _runner(model, x, graph):
    """A zero-argument step running the model once on the resident input `x`. With `graph`, the
    model is captured into a CUDA graph first (after a warm-up on a side stream, as PyTorch's
    docs ask, so cudnn.benchmark has picked its algorithms before capture)."""
    if not graph:
        return lambda: model(x), lambda: model(x)
    side = torch.cuda.Stream()
    side.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(side):
        for _ in range(3):
            model(x)
    torch.cuda.current_stream().wait_stream(side)
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g):
        out = model(x)
    return g.replay, lambda: (g.replay(), out)[1]


def measure_network(model, size, batch, args):
    """Every variant of one network at one batch size. Returns (rows, best) where each row has
    the variant, its figures and its output's max deviation from eager NCHW (a check that the
    graph replay and layout change computed the same thing)."""
    device = torch.device("cuda")
    model = model.to(device)
    x_nchw = keras_weights.synthetic_input(batch, size).to(device)
    rows, reference = [], None
    with torch.inference_mode():
        for layout, graph in VARIANTS:
            fmt = torch.channels_last if layout == "channels_last" else torch.contiguous_format
            model = model.to(memory_format=fmt)
            x = x_nchw.contiguous(memory_format=fmt)
            step, output = _runner(model, x, graph)
            times = time_iterations(step, torch.cuda.synchronize, args.warmup, args.min_iters,
                                    args.min_seconds)
            y = output().float()
            torch.cuda.synchronize()
            if reference is None:
                reference = y.clone()
            row = {"variant": f"{layout}{'+cuda_graph' if graph else ''}",
                   "layout": layout, "cuda_graph": graph, "batch_size": batch}
            row.update(summarize(times, batch))
            row["max_abs_diff_vs_eager_nchw"] = (y - reference).abs().max().item()
            rows.append(row)
            del step, output
            torch.cuda.synchronize()
    best = min(rows, key=lambda r: r["ms_per_example"])
    model.to("cpu")
    torch.cuda.empty_cache()
    return rows, best


def device_info():
    props = torch.cuda.get_device_properties(0)
    return {
        "name": props.name,
        "memory_bytes": props.total_memory,
        "compute_capability": f"{props.major}.{props.minor}",
        "cuda_runtime": torch.version.cuda,
        "cudnn": torch.backends.cudnn.version(),
    }
