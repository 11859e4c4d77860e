#!/usr/bin/env python3
"""Checks that models.py computes what Keras computes: each PyTorch network gets tartan's
synthetic weights under Keras's layer names (the generator of scripts/keras_fixtures.py, the
same one networks/weights/synthetic.cpp implements), runs on the synthetic input, and its
prediction is compared with Keras's own, committed in tests/data/networks/<net>/prediction.npy.
Parameter counts can match while paddings, strides or pooling differ; this cannot.

  python3 bench/peers/keras_check.py [--networks mobilenet,resnet50]   # CPU only, ~1 minute
"""

import argparse
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402

import keras_weights  # noqa: E402
import models  # noqa: E402

ROOT = keras_weights.ROOT
RTOL, ATOL = 1e-4, 1e-7  # float32 in both; different summation orders


def check(name, gen):
    data = os.path.join(ROOT, "tests", "data", "networks", name)
    with open(os.path.join(data, "manifest.json")) as f:
        manifest = json.load(f)
    model = models.BUILDERS[name]().eval()
    keras_weights.load_synthetic(model, name, gen)
    batch, size = manifest["input_shape"][:2]
    with torch.no_grad():
        got = model(keras_weights.synthetic_input(batch, size, gen)).numpy()
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
    gen = keras_weights.generator()
    results = [check(n, gen) for n in args.networks.split(",") if n]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main(sys.argv[1:])
