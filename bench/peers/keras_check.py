#!/usr/bin/env python3
"""Checks that models.py computes what Keras computes: each PyTorch network gets tartan's
synthetic weights under Keras's layer names (the generator of scripts/keras_fixtures.py, the
same one networks/weights/synthetic.cpp implements), runs on the synthetic input, and its
prediction is compared with Keras's own, committed in tests/data/networks/<net>/prediction.npy.
Parameter counts can match while paddings, strides or pooling differ; this cannot.

  python3 bench/peers/keras_check.py [--networks mobilenet,resnet50]   # CPU only, ~1 minute
"""

import argparse
import importlib.util
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import torch  # noqa: E402
from torch import nn  # noqa: E402

import models  # noqa: E402

RTOL, ATOL = 1e-4, 1e-7  # float32 in both; different summation orders


def fixtures():
    """scripts/keras_fixtures.py's generator (its Keras imports are inside functions)."""
    path = os.path.join(ROOT, "scripts", "keras_fixtures.py")
    spec = importlib.util.spec_from_file_location("keras_fixtures", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def keras_names(name):
    """Keras's names of the layers with weights, in the order models.py creates the matching
    nn.Conv2d / nn.BatchNorm2d / nn.Linear modules."""
    if name == "mobilenet":
        names = ["conv1", "conv1_bn"]
        for i in range(1, 14):
            names += [f"conv_dw_{i}", f"conv_dw_{i}_bn", f"conv_pw_{i}", f"conv_pw_{i}_bn"]
        return names + ["conv_preds"]
    if name == "mobilenet_v2":
        names = ["Conv1", "bn_Conv1"]
        for p in ["expanded_conv_"] + [f"block_{i}_" for i in range(1, 17)]:
            expand = [] if p == "expanded_conv_" else [p + "expand", p + "expand_BN"]
            names += expand + [p + "depthwise", p + "depthwise_BN", p + "project", p + "project_BN"]
        return names + ["Conv_1", "Conv_1_bn", "predictions"]
    if name == "resnet50":
        names = ["conv1_conv", "conv1_bn"]
        for stack, blocks in [(2, 3), (3, 4), (4, 6), (5, 3)]:
            for b in range(1, blocks + 1):
                p = f"conv{stack}_block{b}_"
                first = [p + "0_conv", p + "0_bn"] if b == 1 else []
                names += first + [p + s for i in (1, 2, 3) for s in (f"{i}_conv", f"{i}_bn")]
        return names + ["predictions"]
    if name == "vgg16":
        convs = [(1, 2), (2, 2), (3, 3), (4, 3), (5, 3)]
        return [f"block{b}_conv{c}" for b, n in convs for c in range(1, n + 1)] + [
            "fc1", "fc2", "predictions"]
    if name == "inception_v3":  # unnamed conv2d_bn layers: Keras's automatic names
        names = []
        for i in range(94):
            suffix = f"_{i}" if i else ""
            names += ["conv2d" + suffix, "batch_normalization" + suffix]
        return names + ["predictions"]
    if name == "densenet121":
        names = ["conv1_conv", "conv1_bn"]
        for b, blocks in enumerate([6, 12, 24, 16], start=2):
            for i in range(1, blocks + 1):
                p = f"conv{b}_block{i}_"
                names += [p + "0_bn", p + "1_conv", p + "1_bn", p + "2_conv"]
            if b < 5:
                names += [f"pool{b}_bn", f"pool{b}_conv"]
        return names + ["bn", "predictions"]
    raise ValueError(name)


def load_synthetic(model, name, gen):
    """Sets every weight from the generator, converting Keras's layouts to PyTorch's."""
    mods = [m for m in model.modules() if isinstance(m, (nn.Conv2d, nn.BatchNorm2d, nn.Linear))]
    names = keras_names(name)
    if len(mods) != len(names):
        raise SystemExit(f"{name}: {len(mods)} weighted modules, {len(names)} Keras names")

    def get(layer, variable, shape):
        return torch.from_numpy(np.ascontiguousarray(gen.synthetic(layer, variable, shape)))

    with torch.no_grad():
        for m, layer in zip(mods, names):
            if isinstance(m, nn.Conv2d):
                out, cin_g, kh, kw = m.weight.shape
                if m.groups > 1:  # DepthwiseConv2D: [kh, kw, in, 1]
                    k = get(layer, "depthwise_kernel", (kh, kw, out, 1))
                    m.weight.copy_(k.permute(2, 3, 0, 1))
                else:  # Conv2D: [kh, kw, in, out]
                    m.weight.copy_(get(layer, "kernel", (kh, kw, cin_g, out)).permute(3, 2, 0, 1))
                if m.bias is not None:
                    m.bias.copy_(get(layer, "bias", (out,)))
            elif isinstance(m, nn.Linear):
                k = get(layer, "kernel", (m.in_features, m.out_features))
                if name == "vgg16" and layer == "fc1":  # Keras flattens h, w, c; PyTorch c, h, w
                    k = k.reshape(7, 7, 512, -1).permute(2, 0, 1, 3).reshape(m.in_features, -1)
                m.weight.copy_(k.t())
                m.bias.copy_(get(layer, "bias", (m.out_features,)))
            else:
                c = m.num_features
                if m.weight is not None:
                    m.weight.copy_(get(layer, "gamma", (c,)))
                m.bias.copy_(get(layer, "beta", (c,)))
                m.running_mean.copy_(get(layer, "moving_mean", (c,)))
                m.running_var.copy_(get(layer, "moving_variance", (c,)))


def check(name, gen):
    data = os.path.join(ROOT, "tests", "data", "networks", name)
    with open(os.path.join(data, "manifest.json")) as f:
        manifest = json.load(f)
    model = models.BUILDERS[name]().eval()
    load_synthetic(model, name, gen)
    x = gen.synthetic_input(tuple(manifest["input_shape"]))  # NHWC
    with torch.no_grad():
        got = model(torch.from_numpy(x).permute(0, 3, 1, 2).contiguous()).numpy()
    want = np.load(os.path.join(data, "prediction.npy")).reshape(got.shape)
    err = np.abs(got - want)
    ok = bool(np.all(err <= ATOL + RTOL * np.abs(want)))
    print(f"{name:14} max |torch - keras| {err.max():.3e} (max |keras| {np.abs(want).max():.3e}, "
          f"argmax {'same' if got.argmax() == want.argmax() else 'DIFFERENT'}): "
          f"{'PASS' if ok else 'FAIL'}", flush=True)
    return ok


def main(argv):
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--networks", default=",".join(models.BUILDERS))
    args = p.parse_args(argv)
    torch.set_num_threads(os.cpu_count() or 1)
    gen = fixtures()
    results = [check(n, gen) for n in args.networks.split(",") if n]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main(sys.argv[1:])
