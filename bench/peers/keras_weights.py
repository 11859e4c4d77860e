"""tartan's synthetic weights and inputs (networks/weights/synthetic.cpp, mirrored in numpy by
scripts/keras_fixtures.py) for the PyTorch networks of models.py, under Keras's layer names, so
the peers compute on exactly the numbers tartan-bench computes on."""

import functools
import importlib.util
import os

import numpy as np
import torch
from torch import nn

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def fixtures():
    """scripts/keras_fixtures.py's generator (its Keras imports are inside functions)."""
    path = os.path.join(ROOT, "scripts", "keras_fixtures.py")
    spec = importlib.util.spec_from_file_location("keras_fixtures", path)
    mod = importlib.util.module_from_spec(spec)
    saved = os.environ.get("CUDA_VISIBLE_DEVICES")
    spec.loader.exec_module(mod)  # it hides the GPUs from TensorFlow: not from PyTorch here
    if saved is None:
        os.environ.pop("CUDA_VISIBLE_DEVICES", None)
    else:
        os.environ["CUDA_VISIBLE_DEVICES"] = saved
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


def load_synthetic(model, name, gen=None):
    """Sets every weight from the generator, converting Keras's layouts to PyTorch's."""
    gen = gen or generator()
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


@functools.cache
def generator():
    return fixtures()


def synthetic_input(batch, size, gen=None):
    """tartan-bench's input batch (layer "input", variable "batch"), NHWC, as an NCHW tensor."""
    x = (gen or generator()).synthetic_input((batch, size, size, 3))
    return torch.from_numpy(x).permute(0, 3, 1, 2).contiguous()
