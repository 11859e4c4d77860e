#!/usr/bin/env python3
"""Writes the HDF5 seed corpus of the weights fuzzer (tests/fuzz/corpus/weights): small Keras
weight files in the layouts tartan reads, each holding a layer `dense` with kernel [4, 3] and
bias [3] (the fuzzer asks for exactly those). Not run by the build or CI; needs h5py and numpy.

    python3 scripts/fuzz_seeds.py tests/fuzz/corpus/weights
"""
import sys
from pathlib import Path

import h5py
import numpy as np

KERNEL = np.arange(12, dtype=np.float64).reshape(4, 3) / 8.0 - 0.5
BIAS = np.array([0.25, -0.5, 1.0])


def keras2(path, dtype, model_weights=False, vlen=False):
    with h5py.File(path, "w", libver="earliest") as f:
        root = f.create_group("model_weights") if model_weights else f
        if vlen:
            str_type = h5py.string_dtype()
            root.attrs.create("layer_names", ["dense"], dtype=str_type)
        else:
            root.attrs["layer_names"] = np.array([b"dense"])
        g = root.create_group("dense")
        g.attrs["weight_names"] = np.array([b"dense/kernel:0", b"dense/bias:0"])
        g.create_dataset("dense/kernel:0", data=KERNEL.astype(dtype))
        g.create_dataset("dense/bias:0", data=BIAS.astype(dtype))


def keras3(path):
    with h5py.File(path, "w") as f:
        v = f.create_group("layers/dense/vars")
        v.attrs["name"] = "dense"
        v.create_dataset("0", data=KERNEL.astype("<f4"))
        v.create_dataset("1", data=BIAS.astype("<f4"))
        f.create_group("optimizer/vars")


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    keras2(out / "keras2_float32.h5", "<f4")
    keras2(out / "keras2_float16_model_weights.h5", "<f2", model_weights=True)
    keras2(out / "keras2_float64_vlen_names.h5", "<f8", vlen=True)
    keras3(out / "keras3.weights.h5")


if __name__ == "__main__":
    main()
