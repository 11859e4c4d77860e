#!/usr/bin/env python3
"""Generates the ONNX fixtures under tests/data/onnx/ (committed; CI does not run this).

What it writes (every model exported from PyTorch with random weights, seed 0, by the
TorchScript exporter at the opset given; inputs are fixed random arrays; outputs are
onnxruntime's for those inputs, CPU execution provider):
  cnn.onnx                reduced-width NCHW CNN, opset 13: Conv, BatchNormalization, Relu, MaxPool,
                          AveragePool, GlobalAveragePool, Flatten, Gemm; input x [batch, 3, 32, 32]
                          (symbolic batch), output logits [batch, 10].
  cnn.input.npy, cnn.output.npy            batch 2, float32.
  cnn_external.onnx + cnn_external.onnx.data
                          the same network with every initializer in the side file (as exporters
                          write models over 2 GB); same input and output as cnn.onnx.
  transformer.onnx        a BERT-like block, opset 17: embeddings (Gather on int64 token ids,
                          positions, token types), LayerNormalization, multi-head self-attention
                          (MatMul, Softmax, an additive mask from attention_mask), a Gelu MLP (Erf)
                          and a pooler (Tanh); inputs input_ids, attention_mask, token_type_ids, all
                          int64 [1, 16]; outputs hidden [1, 16, 32] and pooled [1, 32].
  transformer.<input>.npy, transformer.hidden.npy, transformer.pooled.npy
  transformer_dynamic.onnx  the same block with symbolic dims "batch" and "sequence" on every
                          input (the exporter's Shape/Gather/Slice subgraphs included).
  transformer_dynamic.<input>.npy, .hidden.npy, .pooled.npy   batch 2, sequence 8.
  unsupported_op.onnx     Relu then Det (a determinant: no tartan mapping), opset 13, built with
                          onnx.helper: `--list-ops` and import must name Det.
  opset_too_new.onnx      one Relu declared at opset 99 of the default domain.

Regenerate (a minute on 2 cores; versions used for the committed files: Python 3.11.7,
torch 2.15.0, onnx 1.23.2, onnxruntime 1.32.0, numpy from their dependencies):
  python3 -m venv /tmp/onnxvenv && /tmp/onnxvenv/bin/pip install torch onnx onnxruntime
  /tmp/onnxvenv/bin/python scripts/onnx_fixtures.py
"""
import argparse
import math
import os

import numpy as np
import onnx
import onnx.helper as oh
import onnxruntime as ort
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "data", "onnx")

VOCAB, TYPES, MAX_POSITIONS = 100, 2, 64
HIDDEN, HEADS, FF = 32, 2, 64


class SmallCnn(nn.Module):
    """ResNet-style stem and stages at 1/8 width: the operators torchvision's CNNs export
    (conv1's BN is folded into it by the exporter, bn2 stays a BatchNormalization)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, stride=1, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(8)
        self.pool1 = nn.MaxPool2d(3, stride=2, padding=1)
        self.conv2 = nn.Conv2d(8, 16, 3, stride=2, padding=1, groups=2)
        self.bn2 = nn.BatchNorm2d(16)
        self.pool2 = nn.AvgPool2d(2)
        self.conv3 = nn.Conv2d(16, 16, 1)
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        x = self.pool1(torch.relu(self.bn1(self.conv1(x))))
        # bn2 after the ReLU: the exporter folds a BN that follows a Conv, not this one.
        x = self.pool2(self.bn2(torch.relu(self.conv2(x))))
        x = torch.relu(self.conv3(x))
        x = nn.functional.adaptive_avg_pool2d(x, 1)
        return self.fc(torch.flatten(x, 1))


class TinyBert(nn.Module):
    """One BERT encoder layer with its embeddings and pooler, at hidden size 32."""

    def __init__(self):
        super().__init__()
        self.words = nn.Embedding(VOCAB, HIDDEN)
        self.positions = nn.Embedding(MAX_POSITIONS, HIDDEN)
        self.types = nn.Embedding(TYPES, HIDDEN)
        self.embed_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.q, self.k, self.v = (nn.Linear(HIDDEN, HIDDEN) for _ in range(3))
        self.attn_out = nn.Linear(HIDDEN, HIDDEN)
        self.attn_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.ff1 = nn.Linear(HIDDEN, FF)
        self.ff2 = nn.Linear(FF, HIDDEN)
        self.gelu = nn.GELU()
        self.ff_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.pooler = nn.Linear(HIDDEN, HIDDEN)

    def heads(self, x):
        b, s, _ = x.shape
        return x.view(b, s, HEADS, HIDDEN // HEADS).transpose(1, 2)

    def forward(self, input_ids, attention_mask, token_type_ids):
        b, s = input_ids.shape
        positions = torch.arange(s, dtype=torch.int64).unsqueeze(0)
        x = self.words(input_ids) + self.positions(positions) + self.types(token_type_ids)
        x = self.embed_norm(x)
        q, k, v = self.heads(self.q(x)), self.heads(self.k(x)), self.heads(self.v(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(HIDDEN // HEADS)
        mask = (1.0 - attention_mask[:, None, None, :].to(torch.float32)) * -10000.0
        probs = torch.softmax(scores + mask, dim=-1)
        context = torch.matmul(probs, v).transpose(1, 2).reshape(b, s, HIDDEN)
        x = self.attn_norm(x + self.attn_out(context))
        x = self.ff_norm(x + self.ff2(self.gelu(self.ff1(x))))
        pooled = torch.tanh(self.pooler(x[:, 0]))
        return x, pooled


def randomize_batch_norms(model, rng):
    """Non-trivial BN statistics, so folding them is checked (a fresh BN is the identity)."""
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.copy_(torch.from_numpy(rng.uniform(-0.5, 0.5, m.num_features)))
            m.running_var.copy_(torch.from_numpy(rng.uniform(0.5, 2.0, m.num_features)))
            m.weight.data.copy_(torch.from_numpy(rng.uniform(0.5, 1.5, m.num_features)))
            m.bias.data.copy_(torch.from_numpy(rng.uniform(-0.5, 0.5, m.num_features)))


def export(model, args, path, input_names, output_names, opset, dynamic_axes=None):
    torch.onnx.export(model, args, path, input_names=input_names, output_names=output_names,
                      opset_version=opset, dynamic_axes=dynamic_axes, dynamo=False,
                      do_constant_folding=True)
    onnx.checker.check_model(onnx.load(path))


def run_ort(path, feeds):
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
    return session.run(None, feeds)


def save(name, array):
    np.save(os.path.join(OUT, name), array)


def cnn_fixtures(rng):
    torch.manual_seed(0)
    model = SmallCnn().eval()
    randomize_batch_norms(model, rng)
    x = rng.uniform(-1, 1, (2, 3, 32, 32)).astype(np.float32)
    path = os.path.join(OUT, "cnn.onnx")
    with torch.no_grad():
        export(model, (torch.from_numpy(x),), path, ["x"], ["logits"], 13,
               {"x": {0: "batch"}, "logits": {0: "batch"}})
    (y,) = run_ort(path, {"x": x})
    save("cnn.input.npy", x)
    save("cnn.output.npy", y)
    # The same model with its weights in a side file.
    external = os.path.join(OUT, "cnn_external.onnx")
    m = onnx.load(path)
    onnx.save_model(m, external, save_as_external_data=True, all_tensors_to_one_file=True,
                    location="cnn_external.onnx.data", size_threshold=0)
    (y2,) = run_ort(external, {"x": x})
    assert np.array_equal(y, y2)


def token_inputs(rng, batch, sequence):
    ids = rng.integers(0, VOCAB, (batch, sequence), dtype=np.int64)
    mask = np.ones((batch, sequence), dtype=np.int64)
    mask[:, sequence - 3:] = 0  # padding at the end, as tokenizers write it
    types = np.zeros((batch, sequence), dtype=np.int64)
    types[:, sequence // 2:] = 1
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}


def transformer_fixtures(rng):
    torch.manual_seed(0)
    model = TinyBert().eval()
    names = ["input_ids", "attention_mask", "token_type_ids"]
    for stem, batch, sequence, dynamic in (("transformer", 1, 16, False),
                                           ("transformer_dynamic", 2, 8, True)):
        feeds = token_inputs(rng, batch, sequence)
        path = os.path.join(OUT, stem + ".onnx")
        axes = None
        if dynamic:
            axes = {n: {0: "batch", 1: "sequence"} for n in names}
            axes["hidden"] = {0: "batch", 1: "sequence"}
            axes["pooled"] = {0: "batch"}
        with torch.no_grad():
            export(model, tuple(torch.from_numpy(feeds[n]) for n in names), path, names,
                   ["hidden", "pooled"], 17, axes)
        hidden, pooled = run_ort(path, feeds)
        for n in names:
            save(f"{stem}.{n}.npy", feeds[n])
        save(f"{stem}.hidden.npy", hidden)
        save(f"{stem}.pooled.npy", pooled)


def helper_model(nodes, opset, path, output_shape):
    x = oh.make_tensor_value_info("x", onnx.TensorProto.FLOAT, [1, 4, 4])
    y = oh.make_tensor_value_info("y", onnx.TensorProto.FLOAT, output_shape)
    graph = oh.make_graph(nodes, "fixture", [x], [y])
    model = oh.make_model(graph, opset_imports=[oh.make_opsetid("", opset)],
                          producer_name="tartan onnx_fixtures.py")
    model.ir_version = 8
    onnx.save(model, path)


def error_fixtures():
    helper_model([oh.make_node("Relu", ["x"], ["r"]), oh.make_node("Det", ["r"], ["y"])], 13,
                 os.path.join(OUT, "unsupported_op.onnx"), [1])
    onnx.checker.check_model(onnx.load(os.path.join(OUT, "unsupported_op.onnx")))
    helper_model([oh.make_node("Relu", ["x"], ["y"])], 99, os.path.join(OUT, "opset_too_new.onnx"),
                 [1, 4, 4])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(0)
    cnn_fixtures(rng)
    transformer_fixtures(rng)
    error_fixtures()
    for name in sorted(os.listdir(OUT)):
        print(f"{os.path.getsize(os.path.join(OUT, name)):>8}  {name}")


if __name__ == "__main__":
    main()
