"""Writes a tiny Keras 2 HDF5 model (Sequential: Conv2D 3x3x4 relu -> Flatten -> Dense 5 relu 'code' -> Dense 2
softmax, input 16x16x3, channels_last) without Keras, in the layout keras.Model.save('x.h5') produces, plus its
weights as .npz so that a test can compute the expected activations independently of any framework.

Run with Debian's python3 (apt-get install python3-h5py python3-numpy):
    /usr/bin/python3 src/test/python/make_keras_h5.py src/test/resources/sensory
"""
import json
import sys

import h5py
import numpy as np

out = sys.argv[1]
rng = np.random.default_rng(7)
weights = {
    "conv": {"kernel:0": rng.normal(0, 0.3, (3, 3, 3, 4)).astype("float32"),
             "bias:0": rng.normal(0, 0.1, (4,)).astype("float32")},
    "code": {"kernel:0": rng.normal(0, 0.1, (14 * 14 * 4, 5)).astype("float32"),
             "bias:0": rng.normal(0, 0.1, (5,)).astype("float32")},
    "out": {"kernel:0": rng.normal(0, 0.3, (5, 2)).astype("float32"),
            "bias:0": np.zeros((2,), "float32")},
}
init = {"class_name": "VarianceScaling", "config": {"scale": 1.0, "mode": "fan_avg", "distribution": "uniform", "seed": None}}
zeros = {"class_name": "Zeros", "config": {}}
common = {"trainable": True, "dtype": "float32", "use_bias": True, "kernel_initializer": init,
          "bias_initializer": zeros, "kernel_regularizer": None, "bias_regularizer": None,
          "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}
layers = [
    {"class_name": "Conv2D", "config": dict(common, name="conv", batch_input_shape=[None, 16, 16, 3], filters=4,
                                            kernel_size=[3, 3], strides=[1, 1], padding="valid",
                                            data_format="channels_last", dilation_rate=[1, 1], activation="relu")},
    {"class_name": "Flatten", "config": {"name": "flatten", "trainable": True, "dtype": "float32",
                                         "data_format": "channels_last"}},
    {"class_name": "Dense", "config": dict(common, name="code", units=5, activation="relu")},
    {"class_name": "Dense", "config": dict(common, name="out", units=2, activation="softmax")},
]
config = {"class_name": "Sequential", "config": {"name": "tiny", "layers": layers}}

with h5py.File(f"{out}/tiny_keras.h5", "w") as f:
    f.attrs["keras_version"] = b"2.2.4"
    f.attrs["backend"] = b"tensorflow"
    f.attrs["model_config"] = json.dumps(config).encode("utf-8")
    mw = f.create_group("model_weights")
    names = ["conv", "flatten", "code", "out"]
    mw.attrs["layer_names"] = np.array([n.encode() for n in names])
    mw.attrs["backend"] = b"tensorflow"
    mw.attrs["keras_version"] = b"2.2.4"
    for n in names:
        g = mw.create_group(n)
        w = weights.get(n, {})
        g.attrs["weight_names"] = np.array([f"{n}/{k}".encode() for k in w])
        for k, v in w.items():
            g.create_dataset(f"{n}/{k}", data=v)

np.savez(f"{out}/tiny_keras_weights.npz", conv_kernel=weights["conv"]["kernel:0"], conv_bias=weights["conv"]["bias:0"],
         code_kernel=weights["code"]["kernel:0"], code_bias=weights["code"]["bias:0"])
