#!/usr/bin/env python3
"""Generates the Keras fixtures under tests/data/networks/ (committed; CI does not run this).

What it writes:
  synthetic_values.json   a few values of the synthetic weight generator per (layer, variable)
                          kind, which tests/networks/weights_synthetic_test.cpp compares exactly
                          against networks/weights/synthetic.cpp.
  <network>/manifest.json + <network>/*.npy
                          for every network of the table: keras.applications built with
                          weights=None at the default size, every variable set from the synthetic
                          generator (seed 0), run on the synthetic input at batch 1. Stored: the
                          full prediction and three intermediate layer outputs, each subsampled to
                          256 evenly spaced elements (flat row-major indices in the manifest).
  keras_h5/mobilenet_025_128.h5         MobileNet(alpha=0.25, 128x128, classes=10), Keras 2
                          layout (root attribute layer_names, per-layer weight_names), written by
                          Keras's own legacy saver.
  keras_h5/mobilenet_v2_035_96.weights.h5  MobileNetV2(alpha=0.35, 96x96, classes=10), Keras 3
                          layout written by model.save_weights.
  keras_h5/<fixture>.json + .npy         per .h5 fixture: every (layer, variable, shape) in
                          Keras's order with checksums, and Keras's output for the synthetic input.
  The .h5 models have EVERY variable random (numpy RandomState, not the synthetic generator, so
  that a loader falling back to synthetic values would be caught), BN moving statistics included.

Regenerate (about 10 minutes on 2 CPU cores):
  python3 -m venv /tmp/kvenv && /tmp/kvenv/bin/pip install tensorflow-cpu==2.21.0 keras==3.15.1 \
      numpy==2.4.6 h5py==3.14.0
  /tmp/kvenv/bin/python scripts/keras_fixtures.py            # all fixtures
  /tmp/kvenv/bin/python scripts/keras_fixtures.py --check    # activation ranges, writes nothing
  /tmp/kvenv/bin/python scripts/keras_fixtures.py --only resnet50,vgg16
Versions used for the committed fixtures: Python 3.11.7, TensorFlow 2.21.0 (CPU), Keras 3.15.1,
numpy 2.4.6, h5py 3.14.0.

The generator (documented in networks/README.md; the C++ twin is networks/weights/synthetic.cpp):
  key = FNV-1a 64("layer/variable") xor seed
  x_i = splitmix64(key + i)                     (all arithmetic mod 2^64)
  u_i = (x_i >> 40) / 2^24                      (exact in float32, in [0, 1))
  value_i = float32(double(lo32) + double(span32) * double(u_i))
with lo32 = float32(lo) and span32 = float32(hi - lo): the product of two 24-bit significands is
exact in double, so the result is the same with or without fused multiply-add.
"""
import argparse
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import numpy as np

MASK = (1 << 64) - 1
GOLDEN = np.uint64(0x9E3779B97F4A7C15)
SUBSAMPLE = 256


# ---------------------------------------------------------------------------------------------
# The synthetic generator.


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf8"):
        h ^= b
        h = (h * 0x100000001B3) & MASK
    return h


def splitmix64(x):
    with np.errstate(over="ignore"):
        z = x + GOLDEN
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def uniform01(layer, variable, count, seed=0):
    key = np.uint64(fnv1a64(layer + "/" + variable) ^ seed)
    with np.errstate(over="ignore"):
        x = splitmix64(key + np.arange(count, dtype=np.uint64))
    return (x >> np.uint64(40)).astype(np.float64) / float(1 << 24)


def uniform(layer, variable, count, lo, hi, seed=0):
    lo32 = np.float64(np.float32(lo))
    span32 = np.float64(np.float32(hi - lo))
    u = uniform01(layer, variable, count, seed)
    return (lo32 + span32 * u).astype(np.float32)


def fan_in(variable, shape):
    if variable == "depthwise_kernel":  # [kh, kw, in, multiplier]: one input channel each
        return shape[0] * shape[1]
    if len(shape) == 4:  # Conv2D / pointwise [kh, kw, in, out]
        return shape[0] * shape[1] * shape[2]
    if len(shape) == 2:  # Dense / LSTM [in, out]
        return shape[0]
    raise ValueError(f"no fan-in for {variable} {shape}")


def bounds(variable, shape):
    """[lo, hi) of one variable kind; must match networks/weights/synthetic.cpp."""
    if variable in ("kernel", "depthwise_kernel", "pointwise_kernel") and len(shape) == 4:
        # LeCun uniform (variance 1/fan_in): He's 2/fan_in doubles the signal through every
        # residual branch whose batch norm statistics do not match it (ResNet50 reached 1e4 and
        # a one-hot softmax); LeCun keeps the deepest networks within ~[0.01, 10].
        a = np.sqrt(3.0 / fan_in(variable, shape))
        return -a, a
    if variable in ("kernel", "recurrent_kernel") and len(shape) == 2:
        a = np.sqrt(6.0 / (shape[0] + shape[1]))  # Glorot uniform, Keras's Dense/LSTM default
        return -a, a
    table = {
        "bias": (-0.05, 0.05),
        "gamma": (0.8, 1.2),
        "beta": (-0.1, 0.1),
        "moving_mean": (-0.1, 0.1),
        "moving_variance": (0.5, 1.5),
        # Wider than Keras's +-0.05: with those the LSTM's output stayed near 1e-2 and the
        # sigmoid at 0.49986, a prediction too flat to tell a wrong LSTM from a right one.
        "embeddings": (-1.0, 1.0),
        "batch": (-1.0, 1.0),
    }
    if variable in table:
        return table[variable]
    raise ValueError(f"no synthetic rule for variable {variable} {shape}")


def synthetic(layer, variable, shape, seed=0):
    lo, hi = bounds(variable, list(shape))
    n = int(np.prod(shape)) if len(shape) else 1
    return uniform(layer, variable, n, lo, hi, seed).reshape(shape)


def synthetic_input(shape, seed=0):
    return synthetic("input", "batch", shape, seed)


def synthetic_token_ids(shape, vocabulary, seed=0):
    n = int(np.prod(shape))
    key = np.uint64(fnv1a64("input/tokens") ^ seed)
    with np.errstate(over="ignore"):
        x = splitmix64(key + np.arange(n, dtype=np.uint64))
    ids = ((x >> np.uint64(40)) * np.uint64(vocabulary)) >> np.uint64(24)
    return ids.astype(np.int32).reshape(shape)


# ---------------------------------------------------------------------------------------------
# Keras side.


def variable_name(layer, weight):
    """The name tartan asks for: Keras's own, with Keras 2's depthwise_kernel for the kernel of
    a DepthwiseConv2D (Keras 3 calls it `kernel`, the published Keras 2 files do not)."""
    import keras

    name = weight.name.split("/")[-1].split(":")[0]
    if isinstance(layer, keras.layers.DepthwiseConv2D) and name == "kernel":
        return "depthwise_kernel"
    return name


def set_synthetic_weights(model, seed=0):
    for layer in model.layers:
        if layer.weights:
            layer.set_weights([synthetic(layer.name, variable_name(layer, w), tuple(w.shape), seed)
                               for w in layer.weights])


def imdb_lstm():
    import keras

    # plaidbench's imdb_lstm: the Keras IMDB example (20000 words, sequences of 80).
    # Functional rather than Sequential: the same layers, and Keras 3 defines model.outputs.
    tokens = keras.Input((80,), dtype="int32", name="input")
    x = keras.layers.Embedding(20000, 128, name="embedding")(tokens)
    x = keras.layers.LSTM(128, name="lstm")(x)
    x = keras.layers.Dense(1, activation="sigmoid", name="dense")(x)
    return keras.Model(tokens, x, name="imdb_lstm")


def networks():
    import keras

    A = keras.applications
    # name -> (constructor, three intermediate layers worth comparing: early, middle, late),
    # all named explicitly by keras.applications (automatic names like add_6 are fragile)
    return {
        "mobilenet": (A.MobileNet, ["conv1_relu", "conv_pw_6_relu", "conv_pw_13_relu"]),
        "mobilenet_v2": (A.MobileNetV2, ["Conv1_relu", "block_6_project_BN", "out_relu"]),
        "resnet50": (A.ResNet50, ["pool1_pool", "conv3_block4_out", "conv5_block3_out"]),
        "resnet50_v2": (A.ResNet50V2, ["pool1_pool", "conv3_block4_out", "post_relu"]),
        "vgg16": (A.VGG16, ["block1_conv2", "block4_pool", "fc2"]),
        "vgg19": (A.VGG19, ["block1_conv2", "block4_pool", "fc2"]),
        "inception_v3": (A.InceptionV3, ["mixed0", "mixed5", "mixed10"]),
        "inception_resnet_v2": (A.InceptionResNetV2, ["mixed_5b", "block17_10_ac", "conv_7b_ac"]),
        "xception": (A.Xception, ["block1_conv2_act", "block8_sepconv3_bn", "block14_sepconv2_act"]),
        "densenet121": (A.DenseNet121, ["pool1", "pool3_pool", "relu"]),
        "densenet169": (A.DenseNet169, ["pool1", "pool3_pool", "relu"]),
        "densenet201": (A.DenseNet201, ["pool1", "pool3_pool", "relu"]),
        "nasnet_mobile": (A.NASNetMobile, ["stem_bn1", "normal_concat_5", "normal_concat_11"]),
        "nasnet_large": (A.NASNetLarge, ["stem_bn1", "normal_concat_8", "normal_concat_17"]),
        "imdb_lstm": (None, ["embedding", "lstm"]),
    }


def build(name):
    import keras

    ctor, _ = networks()[name]
    if ctor is None:
        return imdb_lstm()
    keras.backend.clear_session()  # restarts the automatic names (activation_187, add_6, ...)
    return ctor(weights=None)


def model_input(model, name, seed=0):
    shape = (1,) + tuple(model.inputs[0].shape[1:])
    if name == "imdb_lstm":
        return synthetic_token_ids(shape, 20000, seed)
    return synthetic_input(shape, seed)


def subsample(x):
    flat = x.reshape(-1)
    if flat.size <= SUBSAMPLE:
        idx = np.arange(flat.size)
    else:
        idx = np.round(np.linspace(0, flat.size - 1, SUBSAMPLE)).astype(np.int64)
    return idx, flat[idx].astype(np.float32)


def save_npy(path, array):
    np.save(path, np.ascontiguousarray(array, dtype="<f4"))


def run_layers(model, x, names):
    import keras

    probe = keras.Model(model.inputs[0], [model.outputs[0]] + [model.get_layer(n).output for n in names])
    return [np.asarray(o) for o in probe(x, training=False)]


def stats(a):
    a = np.asarray(a, dtype=np.float64)
    return f"rms {np.sqrt(np.mean(a * a)):.3g} max|x| {np.max(np.abs(a)):.3g}"


def check_network(name):
    """Prints activation ranges at ~24 evenly spaced layers and the prediction's spread."""
    model = build(name)
    set_synthetic_weights(model)
    layers = [l for l in model.layers[1:] if not l.name.startswith("input")]
    picks = [layers[int(i)].name for i in np.linspace(0, len(layers) - 2, 24)]
    outs = run_layers(model, model_input(model, name), picks)
    print(f"== {name}")
    for n, o in zip(picks, outs[1:]):
        print(f"  {n:32s} {stats(o)}")
    p = outs[0].reshape(-1)
    print(f"  prediction: {stats(p)} min {p.min():.3g} sorted top {np.sort(p)[-3:]}", flush=True)


def write_network(name, out_dir):
    import keras

    model = build(name)
    set_synthetic_weights(model)
    extra = networks()[name][1]
    x = model_input(model, name)
    outs = run_layers(model, x, extra)
    d = os.path.join(out_dir, name)
    os.makedirs(d, exist_ok=True)
    entries = []
    for layer, out in zip(["prediction"] + extra, outs):
        if layer == "prediction":  # the whole prediction: at most 1000 values
            idx = np.arange(out.size)
            values = out.reshape(-1).astype(np.float32)
        else:
            idx, values = subsample(out)
        fname = f"{layer}.npy"
        save_npy(os.path.join(d, fname), values)
        entries.append({"layer": layer, "shape": list(out.shape), "file": fname,
                        "indices": [int(i) for i in idx] if layer != "prediction" else "all"})
    manifest = {
        "network": name,
        "keras_name": model.name,
        "keras_version": keras.__version__,
        "seed": 0,
        "batch": 1,
        "input_shape": list(x.shape),
        "input": "synthetic token ids (vocabulary 20000)" if name == "imdb_lstm"
        else "synthetic_input",
        "parameters": int(model.count_params()),
        "outputs": entries,
    }
    with open(os.path.join(d, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print(f"{name}: {model.count_params()} parameters, prediction {stats(outs[0])}", flush=True)


# ---------------------------------------------------------------------------------------------
# Generator fixture.


def write_synthetic_values(out_dir):
    cases = [  # (layer, variable, shape, seed): one per rule, plus odd names and seeds
        ("conv1", "kernel", [3, 3, 3, 32], 0),
        ("conv_dw_1", "depthwise_kernel", [3, 3, 32, 1], 0),
        ("separable_conv_1_normal_left1_0", "pointwise_kernel", [1, 1, 42, 42], 0),
        ("separable_conv_1_normal_left1_0", "depthwise_kernel", [5, 5, 42, 1], 0),
        ("predictions", "kernel", [1024, 1000], 0),
        ("predictions", "bias", [1000], 0),
        ("conv1_bn", "gamma", [32], 0),
        ("conv1_bn", "beta", [32], 0),
        ("conv1_bn", "moving_mean", [32], 0),
        ("conv1_bn", "moving_variance", [32], 0),
        ("embedding", "embeddings", [20000, 128], 0),
        ("lstm", "kernel", [128, 512], 0),
        ("lstm", "recurrent_kernel", [128, 512], 0),
        ("lstm", "bias", [512], 0),
        ("input", "batch", [1, 224, 224, 3], 0),
        ("conv1", "kernel", [3, 3, 3, 32], 12345),
        ("input", "batch", [2, 8, 8, 3], 0xFFFFFFFFFFFFFFFF),
    ]
    out = []
    for layer, variable, shape, seed in cases:
        v = synthetic(layer, variable, shape, seed).reshape(-1)
        n = v.size
        idx = sorted(set([0, 1, 2, 3, n // 3, n // 2, n - 1]))
        out.append({"layer": layer, "variable": variable, "shape": shape, "seed": str(seed),
                    "indices": idx, "values": [float(v[i]) for i in idx],
                    "sum": float(np.sum(v.astype(np.float64)))})
    ids = synthetic_token_ids((1, 80), 20000)
    doc = {"cases": out,
           "token_ids": {"shape": [1, 80], "vocabulary": 20000, "seed": "0",
                         "first": [int(i) for i in ids.reshape(-1)[:16]],
                         "sum": int(ids.astype(np.int64).sum())}}
    with open(os.path.join(out_dir, "synthetic_values.json"), "w") as f:
        json.dump(doc, f, indent=1)


# ---------------------------------------------------------------------------------------------
# Keras-written HDF5 fixtures.


def randomize(model, seed):
    """Every variable random, BN statistics included, in ranges a real model could hold."""
    rng = np.random.RandomState(seed)
    for layer in model.layers:
        values = []
        for w in layer.weights:
            shape = tuple(w.shape)
            v = variable_name(layer, w)
            if v == "moving_variance":
                values.append(rng.uniform(0.5, 1.5, shape))
            elif v == "gamma":
                values.append(rng.uniform(0.8, 1.2, shape))
            elif v in ("beta", "moving_mean", "bias"):
                values.append(rng.uniform(-0.1, 0.1, shape))
            else:
                lo, hi = bounds(v, list(shape))
                values.append(rng.uniform(lo, hi, shape))
        if values:
            layer.set_weights([a.astype(np.float32) for a in values])


def checksums(a):
    flat = np.asarray(a, dtype=np.float64).reshape(-1)
    weights = (np.arange(flat.size) % 13 + 1).astype(np.float64)
    return {"sum": float(flat.sum()), "weighted_sum": float((flat * weights).sum()),
            "first": [float(x) for x in flat[:4]]}


def write_h5_fixture(out_dir, stem, model, layout, seed):
    import h5py
    import keras
    from keras.src.legacy.saving import legacy_h5_format

    randomize(model, seed)
    d = os.path.join(out_dir, "keras_h5")
    os.makedirs(d, exist_ok=True)
    if layout == "keras2":
        path = os.path.join(d, stem + ".h5")
        with h5py.File(path, "w") as f:  # what Keras 2's model.save_weights("x.h5") wrote
            legacy_h5_format.save_weights_to_hdf5_group(f, model)
    else:
        path = os.path.join(d, stem + ".weights.h5")
        model.save_weights(path)
    variables = []
    for layer in model.layers:
        for w in layer.weights:
            entry = {"layer": layer.name, "variable": variable_name(layer, w),
                     "shape": list(w.shape)}
            entry.update(checksums(w.numpy()))
            variables.append(entry)
    x = synthetic_input((1,) + tuple(model.inputs[0].shape[1:]))
    y = np.asarray(model(x, training=False))
    save_npy(os.path.join(d, stem + ".output.npy"), y.reshape(-1))
    manifest = {"file": os.path.basename(path), "layout": layout, "keras_version": keras.__version__,
                "input_shape": list(x.shape), "input": "synthetic_input",
                "output_shape": list(y.shape), "output_file": stem + ".output.npy",
                "variables": variables}
    with open(os.path.join(d, stem + ".json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print(f"{path}: {len(variables)} variables, {os.path.getsize(path)} bytes", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "tests",
                                                      "data", "networks"))
    parser.add_argument("--only", default="", help="comma-separated network names")
    parser.add_argument("--check", action="store_true", help="print activation ranges only")
    parser.add_argument("--skip-networks", action="store_true")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(networks())
    if args.check:
        for n in names:
            check_network(n)
        return
    import keras

    print(f"Keras {keras.__version__}, backend {keras.backend.backend()}, numpy {np.__version__}")
    os.makedirs(args.out, exist_ok=True)
    write_synthetic_values(args.out)
    if not args.only:
        A = keras.applications
        keras.backend.clear_session()
        write_h5_fixture(args.out, "mobilenet_025_128",
                         A.MobileNet(alpha=0.25, input_shape=(128, 128, 3), weights=None,
                                     classes=10), "keras2", 1)
        keras.backend.clear_session()
        write_h5_fixture(args.out, "mobilenet_v2_035_96",
                         A.MobileNetV2(alpha=0.35, input_shape=(96, 96, 3), weights=None,
                                       classes=10), "keras3", 2)
    if not args.skip_networks:
        for n in names:
            write_network(n, args.out)


if __name__ == "__main__":
    sys.exit(main())
