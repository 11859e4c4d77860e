#!/usr/bin/env python3
"""Generates the fixtures of Keras files whose automatic layer names come from a longer Python
session (issue 17, item 11), under tests/data/networks/keras_h5/ (committed; CI does not run it).

Keras names an unnamed layer after its class plus a counter that lives for the whole session:
build InceptionV3 (94 unnamed Conv2D and BatchNormalization layers) and then Xception in one
process, and Xception's four shortcut layers are conv2d_94 ... conv2d_97, where a fresh session
names them conv2d ... conv2d_3. Keras loads such files into a fresh model all the same.

What it writes:
  xception_after_inception_v3.names.json
      Xception's layers with weights, built after InceptionV3 in one session: per layer, the
      name this session gave it, the name a fresh session gives it, and its variables' shapes,
      in model order. (Xception's weights are 88 MiB: the test writes a file of these names and
      shapes with the HDF5 C API instead of committing one.)
  imdb_session.h5 / imdb_session.weights.h5 + .json + .output.npy
      imdb_lstm (Embedding 20000x128, LSTM 128, Dense 1) with unnamed layers, built after two
      other models, so its layers are embedding_1, lstm_1 and dense_2, saved by Keras's legacy
      saver (the Keras 2 layout) and by model.save_weights (the Keras 3 layout). Every variable
      is random; the embedding rows the test's token ids do not use are zero, and the datasets
      are gzip-compressed (h5py's create_dataset is wrapped while Keras saves: the layout is
      Keras's own), so the files stay small. Keras's prediction for
      synthetic_token_ids((4, 80), 20000) is stored beside them.

Regenerate (a minute on 2 cores; the JAX backend needs no TensorFlow):
  python3 -m venv /tmp/kvenv && /tmp/kvenv/bin/pip install keras==3.15.1 jax==0.10.2 \
      jaxlib==0.10.2 numpy==2.4.6 h5py==3.14.0
  KERAS_BACKEND=jax /tmp/kvenv/bin/python scripts/keras_session_names.py
"""
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from keras_fixtures import checksums, randomize, save_npy, synthetic_token_ids, variable_name  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "networks", "keras_h5")
BATCH = 4
VOCABULARY = 20000


def fresh_names(model):
    """The automatic names a fresh session gives: per class, the first unnamed one is the class
    in snake case, the next ones _1, _2, ... in the order they were made (Keras's counter)."""
    import re

    by_class = {}
    for layer in model.layers:
        m = re.fullmatch(r"([a-z0-9_]+?)(?:_(\d+))?", layer.name)
        by_class.setdefault(m.group(1), []).append((int(m.group(2) or 0), layer.name))
    renames = {}
    for base, named in by_class.items():
        for k, (_, name) in enumerate(sorted(named)):
            renames[name] = base if k == 0 else f"{base}_{k}"
    return renames


def write_xception_names():
    import keras

    keras.backend.clear_session()
    keras.applications.InceptionV3(weights=None)
    model = keras.applications.Xception(weights=None)
    auto = {l.name for l in model.layers if l.name.startswith(("conv2d", "batch_normalization"))}
    fresh = fresh_names(model)
    layers = []
    for layer in model.layers:
        if not layer.weights:
            continue
        layers.append({"keras_name": layer.name,
                       "name": fresh[layer.name] if layer.name in auto else layer.name,
                       "variables": [{"variable": variable_name(layer, w), "shape": list(w.shape)}
                                     for w in layer.weights]})
    path = os.path.join(OUT, "xception_after_inception_v3.names.json")
    with open(path, "w") as f:
        json.dump({"keras_version": keras.__version__, "network": "xception", "layers": layers},
                  f, indent=1)
    print(f"{path}: {len(layers)} layers with weights, automatic: {sorted(auto)}")


def imdb_unnamed(keras):
    tokens = keras.Input((80,), dtype="int32", name="input")
    x = keras.layers.Embedding(VOCABULARY, 128)(tokens)
    x = keras.layers.LSTM(128)(x)
    x = keras.layers.Dense(1, activation="sigmoid")(x)
    return keras.Model(tokens, x)


class Compressed:
    """h5py's create_dataset with gzip for every array while Keras saves."""

    def __enter__(self):
        import h5py

        self.original = h5py.Group.create_dataset
        original = self.original

        def create_dataset(group, name, shape=None, dtype=None, data=None, **kw):
            size = np.prod(shape if shape is not None else np.shape(data))
            if size > 1:
                kw.setdefault("compression", "gzip")
                kw.setdefault("compression_opts", 9)
            return original(group, name, shape, dtype, data, **kw)

        h5py.Group.create_dataset = create_dataset

    def __exit__(self, *exc):
        import h5py

        h5py.Group.create_dataset = self.original


def write_imdb_session():
    import h5py
    import keras
    from keras.src.legacy.saving import legacy_h5_format

    keras.backend.clear_session()
    keras.Sequential([keras.Input((3,)), keras.layers.Dense(2), keras.layers.Dense(1)])
    keras.Model(*(lambda t: (t, keras.layers.LSTM(2)(keras.layers.Embedding(5, 2)(t))))(
        keras.Input((4,), dtype="int32")))
    model = imdb_unnamed(keras)
    randomize(model, 3)
    ids = synthetic_token_ids((BATCH, 80), VOCABULARY)
    embedding = model.layers[1]
    table = np.asarray(embedding.get_weights()[0])
    used = np.zeros(VOCABULARY, bool)
    used[ids.reshape(-1)] = True
    table[~used] = 0
    embedding.set_weights([table])
    fresh = fresh_names(model)
    y = np.asarray(model(ids, training=False))
    for layout, file in (("keras2", "imdb_session.h5"), ("keras3", "imdb_session.weights.h5")):
        path = os.path.join(OUT, file)
        with Compressed():
            if layout == "keras2":
                with h5py.File(path, "w") as f:
                    legacy_h5_format.save_weights_to_hdf5_group(f, model)
            else:
                model.save_weights(path)
        print(f"{path}: {os.path.getsize(path)} bytes")
    variables = []
    for layer in model.layers:
        for w in layer.weights:
            entry = {"layer": fresh[layer.name], "keras_layer": layer.name,
                     "variable": variable_name(layer, w), "shape": list(w.shape)}
            entry.update(checksums(np.asarray(w)))
            variables.append(entry)
    save_npy(os.path.join(OUT, "imdb_session.output.npy"), y.reshape(-1))
    manifest = {"files": ["imdb_session.h5", "imdb_session.weights.h5"],
                "keras_version": keras.__version__, "network": "imdb_lstm",
                "input_shape": [BATCH, 80], "input": "synthetic_token_ids(vocabulary 20000)",
                "output_shape": list(y.shape), "output_file": "imdb_session.output.npy",
                "variables": variables}
    with open(os.path.join(OUT, "imdb_session.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print("imdb layers:", [l.name for l in model.layers], "output", y.reshape(-1))


def main():
    import keras

    print(f"Keras {keras.__version__}, backend {keras.backend.backend()}, numpy {np.__version__}")
    os.makedirs(OUT, exist_ok=True)
    write_xception_names()
    write_imdb_session()


if __name__ == "__main__":
    sys.exit(main())
