#!/usr/bin/env python3
"""Writes Keras's ResNet50 or MobileNetV2 as an NCHW ONNX model, the way PyTorch exports a CNN.

The layout check of the ONNX importer: an NCHW model must run as fast as the same network
built NHWC (`tartan-bench keras resnet50`). The graph follows Keras's ResNet50 layer for layer
(stride on the first 1x1 convolution of a conv block, BatchNormalization with epsilon 1.001e-5
after every convolution, a 1000-way Dense head) with random weights, but spells padding as
Conv/MaxPool pads and ends at the logits (no Softmax), as a PyTorch export does.

MobileNetV2 likewise: Keras's inverted residuals (its asymmetric padding before stride-2
depthwise convolutions as Conv pads), ReLU6 as Clip(0, 6), BatchNormalization epsilon 1e-3.

Needs PyPI's onnx and numpy (not the build).
Usage: nchw_cnn.py OUT.onnx [--net resnet50|mobilenet_v2] [--batch N]
"""
import argparse

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


class Graph:
    def __init__(self, seed):
        self.nodes, self.inits, self.rng, self.count = [], [], np.random.default_rng(seed), 0

    def name(self, prefix):
        self.count += 1
        return f"{prefix}_{self.count}"

    def weight(self, prefix, shape, scale):
        n = self.name(prefix)
        self.inits.append(numpy_helper.from_array(
            (self.rng.standard_normal(shape) * scale).astype(np.float32), n))
        return n

    def node(self, op, inputs, **attrs):
        out = self.name(op.lower())
        self.nodes.append(helper.make_node(op, inputs, [out], name=out, **attrs))
        return out

    def conv_bn(self, x, cin, cout, k, stride=1, relu=True, group=1, pads=None, eps=1.001e-5,
                relu6=False, bias=True):
        w = self.weight("w", (cout, cin // group, k, k), np.sqrt(2.0 / (cin // group * k * k)))
        inputs = [x, w, self.weight("b", (cout,), 0.01)] if bias else [x, w]
        y = self.node("Conv", inputs, kernel_shape=[k, k], strides=[stride, stride],
                      pads=pads if pads is not None else [k // 2] * 4, group=group)
        gamma = self.name("gamma")
        self.inits.append(numpy_helper.from_array(
            (1 + 0.1 * self.rng.standard_normal(cout)).astype(np.float32), gamma))
        beta = self.weight("beta", (cout,), 0.1)
        mean = self.weight("mean", (cout,), 0.1)
        var = self.name("var")
        self.inits.append(numpy_helper.from_array(
            (1 + 0.1 * self.rng.random(cout)).astype(np.float32), var))
        y = self.node("BatchNormalization", [y, gamma, beta, mean, var], epsilon=eps)
        if relu6:
            return self.node("Clip", [y, self.scalar(0.0), self.scalar(6.0)])
        return self.node("Relu", [y]) if relu else y

    def scalar(self, v):
        n = self.name("c")
        self.inits.append(numpy_helper.from_array(np.array(v, dtype=np.float32), n))
        return n

    def block(self, x, cin, filters, stride, shortcut_conv):
        f1, f2, f3 = filters
        y = self.conv_bn(x, cin, f1, 1, stride)
        y = self.conv_bn(y, f1, f2, 3)
        y = self.conv_bn(y, f2, f3, 1, relu=False)
        s = self.conv_bn(x, cin, f3, 1, stride, relu=False) if shortcut_conv else x
        return self.node("Relu", [self.node("Add", [y, s])])


def finish(g, x, cin, batch, name):
    x = g.node("Flatten", [g.node("GlobalAveragePool", [x])])
    w = g.weight("fc_w", (1000, cin), np.sqrt(1.0 / cin))
    b = g.weight("fc_b", (1000,), 0.01)
    y = g.node("Gemm", [x, w, b], transB=1)
    graph = helper.make_graph(
        g.nodes, name,
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [batch, 3, 224, 224])],
        [helper.make_tensor_value_info(y, TensorProto.FLOAT, [batch, 1000])], g.inits)
    model = helper.make_model(graph, producer_name="tartan nchw_cnn.py",
                              opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def mobilenet_v2(batch):
    g = Graph(seed=0)
    # Keras's correct_pad at 224: one row and column after, none before (ONNX pads order:
    # top, left, bottom, right).
    stride2_pads = [0, 0, 1, 1]
    relu6 = dict(eps=1e-3, relu6=True, bias=False)
    x = g.conv_bn("input", 3, 32, 3, 2, pads=stride2_pads, **relu6)
    cin = 32
    for t, c, n, s in [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2),
                       (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]:
        for i in range(n):
            stride = s if i == 0 else 1
            y = g.conv_bn(x, cin, cin * t, 1, **relu6) if t != 1 else x
            y = g.conv_bn(y, cin * t, cin * t, 3, stride, group=cin * t,
                          pads=stride2_pads if stride == 2 else None, **relu6)
            y = g.conv_bn(y, cin * t, c, 1, eps=1e-3, relu=False, bias=False)
            x = g.node("Add", [x, y]) if stride == 1 and cin == c else y
            cin = c
    x = g.conv_bn(x, cin, 1280, 1, **relu6)
    return finish(g, x, 1280, batch, "mobilenet_v2_nchw")


def resnet50(batch):
    g = Graph(seed=0)
    x = g.conv_bn("input", 3, 64, 7, 2)
    x = g.node("MaxPool", [x], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1])
    cin = 64
    for stage, (blocks, f, stride) in enumerate([(3, 64, 1), (4, 128, 2), (6, 256, 2), (3, 512, 2)]):
        for b in range(blocks):
            x = g.block(x, cin, (f, f, 4 * f), stride if b == 0 else 1, b == 0)
            cin = 4 * f
    return finish(g, x, cin, batch, "resnet50_nchw")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("--net", choices=["resnet50", "mobilenet_v2"], default="resnet50")
    p.add_argument("--batch", type=int, default=1)
    a = p.parse_args()
    onnx.save((resnet50 if a.net == "resnet50" else mobilenet_v2)(a.batch), a.out)


if __name__ == "__main__":
    main()
