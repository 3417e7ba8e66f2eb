"""The library's tensor autograd checked against PyTorch 2.13 in float64.

Every differentiable op (and, in the later sections, losses, whole small models and optimizer
trajectories) is computed twice on the same random inputs: by the library, through a small Java
program run without the kernel (``org.javadl.parity.ParityMain`` from the library's test sources,
compiled here with ``javac`` against ``library/target/classes``, exchanging JSON on stdin/stdout), and
by PyTorch, through this very file run as a script (``python test_torch_parity.py --torch-side``) by
whichever Python has torch. For an op, both sides return the output, the gradient of
``sum(cotangent * output)`` with respect to every input (reverse mode, ``torch.autograd.grad``) and the
tangent along random directions (forward mode, ``torch.func.jvp``); each must agree to 1e-10 relative to
the largest magnitude of PyTorch's tensor (so that entries that are nearly 0 are not divided by their
own rounding noise; a tensor that is 0 up to rounding, below 1e-6, gets the absolute tolerance 1e-16).
Shapes are random (seeded) and include broadcasting. A model case compares the loss, every parameter's
gradient and batch norm's running statistics of a torch.nn.Sequential built from the same description and
parameters; a trajectory case trains that MLP for 20 minibatch steps with an optimizer (and a learning
rate schedule) from torch.optim and compares every parameter after every step to 1e-9.

PyTorch comes from the project's .venv (``scripts/python-env.sh --with-torch``, which run-tests.sh
calls; the test calls it too if torch is missing). The test skips, saying why, only if torch cannot
be installed. Build the library first (``mvn -o -q -DskipTests package``).
"""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLASSES = REPO / "library" / "target" / "classes"
RUNNER_SOURCES = REPO / "library" / "src" / "test" / "java" / "org" / "javadl" / "parity"
REL_TOL = 1e-10
#: an optimizer's 20-step trajectory (each step's rounding feeds the next)
TRAJECTORY_TOL = 1e-9
#: below this, a reference tensor counts as exactly 0 and the tolerance becomes absolute, REL_TOL·ZERO_SCALE
#: (e.g. the gradient of a bias just before batch norm, which is 0 up to rounding on both sides)
ZERO_SCALE = 1e-6


# =========================================================================== cases (plain Python)
class Gen:
    """Seeded random inputs in the exchange format {"shape": [...], "data": [...]}."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def tensor(self, shape, kind="normal"):
        n = 1
        for d in shape:
            n *= d
        if kind == "normal":
            data = [self.rng.gauss(0, 1) for _ in range(n)]
        elif kind == "positive":  # log, sqrt, pow bases: away from 0
            data = [abs(self.rng.gauss(0, 1)) + 0.5 for _ in range(n)]
        elif kind == "unit":  # probabilities / binary targets
            data = [self.rng.random() for _ in range(n)]
        elif kind == "distinct":  # max/min/pooling: no ties, no kinks at finite-difference scale
            data = [self.rng.gauss(0, 1) + 1e-3 * i for i in range(n)]
            self.rng.shuffle(data)
        else:
            raise ValueError(kind)
        return {"shape": list(shape), "data": data}

    def labels(self, n, classes):
        return {"shape": [n], "data": [float(self.rng.randrange(classes)) for _ in range(n)]}

    def signs(self, n):
        return {"shape": [n], "data": [self.rng.choice((-1.0, 1.0)) for _ in range(n)]}

    def shape(self, nd, lo=1, hi=4):
        return [self.rng.randint(lo, hi) for _ in range(nd)]

    def broadcast_partner(self, shape):
        """A shape that broadcasts against ``shape``: some axes set to 1, some leading ones dropped."""
        s = [1 if self.rng.random() < 0.4 else d for d in shape]
        return s[self.rng.randint(0, len(s)):] if s else s


def op_cases(seed=12):
    g = Gen(seed)
    cases = []

    def add(name, op, inputs, **args):
        cases.append({"name": name, "kind": "op", "op": op, "args": args, "inputs": inputs})

    for trial in range(4):
        a = g.shape(g.rng.randint(1, 3))
        b = g.broadcast_partner(a) if trial % 2 else list(a)
        if trial == 3:
            a, b = b, a  # the broadcast operand on the left
        for op in ("add", "sub", "mul", "div"):
            kind = "positive" if op == "div" else "normal"
            add(f"{op} {a} {b}", op, [g.tensor(a), g.tensor(b, kind)])
        add(f"pow {a} {b}", "pow", [g.tensor(a, "positive"), g.tensor(b)])
    add("add scalar-shaped", "add", [g.tensor([]), g.tensor([2, 3])])
    add("mul [4,1,3] [2,1]", "mul", [g.tensor([4, 1, 3]), g.tensor([2, 1])])
    for op, kw in (("add_scalar", {"s": 0.75}), ("sub_scalar", {"s": -2.5}), ("mul_scalar", {"s": -3.0}),
                   ("div_scalar", {"s": 7.0})):
        add(op, op, [g.tensor(g.shape(2))], **kw)
    for p in (2.0, 3.0, 0.5, -1.5):
        add(f"pow_scalar {p}", "pow_scalar", [g.tensor(g.shape(2), "positive")], p=p)
    for op in ("neg", "exp", "sin", "cos", "relu", "sigmoid", "tanh", "gelu", "erf"):
        add(op, op, [g.tensor(g.shape(g.rng.randint(1, 3)), "distinct")])
    for op in ("log", "sqrt"):
        add(op, op, [g.tensor(g.shape(2), "positive")])
    add("abs", "abs", [g.tensor([3, 4], "distinct")])
    add("leaky_relu", "leaky_relu", [g.tensor([5, 3], "distinct")], slope=0.2)

    x = g.shape(3, 2, 4)
    for axes, keep in (([0], False), ([-1], True), ([0, 2], False), ([1, 2], True), ([], False)):
        add(f"sum {axes} {keep}", "sum", [g.tensor(x)], axes=axes, keepdims=keep)
        add(f"mean {axes} {keep}", "mean", [g.tensor(x)], axes=axes, keepdims=keep)
    add("sum_all", "sum_all", [g.tensor(x)])
    add("mean_all", "mean_all", [g.tensor(x)])
    for axis, keep in ((0, False), (1, True), (-1, False)):
        add(f"max_dim {axis} {keep}", "max_dim", [g.tensor(x, "distinct")], axis=axis, keepdims=keep)
        add(f"min_dim {axis} {keep}", "min_dim", [g.tensor(x, "distinct")], axis=axis, keepdims=keep)
    add("max_all", "max_all", [g.tensor(x, "distinct")])
    add("min_all", "min_all", [g.tensor(x, "distinct")])
    for axis in (0, 1, -1):
        shape = g.shape(3, 2, 5)
        add(f"softmax {axis}", "softmax", [g.tensor(shape)], axis=axis)
        add(f"log_softmax {axis}", "log_softmax", [g.tensor(shape)], axis=axis)
        add(f"logsumexp {axis}", "logsumexp", [g.tensor(shape)], axis=axis, keepdims=axis == 1)
    add("softmax large", "softmax", [{"shape": [2, 3], "data": [1000, 1001, 999, -5, 3, 700]}], axis=1)

    for sa, sb in (([3, 4], [4, 5]), ([4], [4, 3]), ([3, 4], [4]), ([6], [6]), ([2, 3, 4], [4, 5]),
                   ([2, 1, 3, 4], [3, 4, 2]), ([5], [2, 5, 3]), ([2, 3, 5], [5]), ([7, 9], [9, 12]),
                   ([13, 20], [20, 17])):
        add(f"matmul {sa} {sb}", "matmul", [g.tensor(sa), g.tensor(sb)])

    add("linear", "linear", [g.tensor([6, 5]), g.tensor([9, 5]), g.tensor([9])])
    add("linear 3-D no bias", "linear", [g.tensor([2, 3, 5]), g.tensor([4, 5])])
    add("linear wide", "linear", [g.tensor([7, 20]), g.tensor([300, 20]), g.tensor([300])])
    s3 = [2, 3, 4]
    add("reshape", "reshape", [g.tensor(s3)], shape=[4, -1])
    add("permute", "permute", [g.tensor(s3)], axes=[2, 0, 1])
    add("transpose 0 2", "transpose", [g.tensor(s3)], d0=0, d1=2)
    add("transpose 2-D", "transpose", [g.tensor([3, 5])], d0=0, d1=1)
    add("flatten 1", "flatten", [g.tensor([2, 3, 2, 2])], start=1)
    add("unsqueeze", "unsqueeze", [g.tensor(s3)], axis=1)
    add("squeeze", "squeeze", [g.tensor([2, 1, 3])], axis=1)
    add("slice", "slice", [g.tensor(s3)], axis=1, start=1, end=3)
    add("slice negative", "slice", [g.tensor(s3)], axis=-1, start=-3, end=-1)
    add("select", "select", [g.tensor(s3)], axis=2, index=1)
    add("index_select repeats", "index_select", [g.tensor(s3)], axis=1, indices=[2, 0, 2])
    add("gather", "gather", [g.tensor([4, 3])], axis=1,
        index={"shape": [4, 2], "data": [2.0, 0.0, 1.0, 1.0, 0.0, 0.0, 2.0, 1.0]})
    add("cat", "cat", [g.tensor([2, 3]), g.tensor([2, 1]), g.tensor([2, 2])], axis=1)
    add("stack", "stack", [g.tensor([3, 2]), g.tensor([3, 2])])
    add("expand", "expand", [g.tensor([2, 1])], shape=[4, 2, 3])

    for st, pad, dil, bias in (([1, 1], [0, 0], [1, 1], True), ([2, 1], [1, 2], [1, 1], True),
                               ([1, 2], [2, 1], [2, 1], False), ([2, 2], [1, 1], [1, 2], True)):
        inputs = [g.tensor([2, 3, 9, 8]), g.tensor([4, 3, 3, 2])] + ([g.tensor([4])] if bias else [])
        add(f"conv2d s{st} p{pad} d{dil} bias={bias}", "conv2d", inputs, stride=st, padding=pad, dilation=dil)
    add("conv2d one image", "conv2d", [g.tensor([3, 6, 6]), g.tensor([2, 3, 3, 3]), g.tensor([2])],
        stride=[1, 1], padding=[1, 1], dilation=[1, 1])
    for k, s, p in ((2, 2, 0), (3, 2, 1), (3, 1, 0)):
        add(f"max_pool2d k{k} s{s} p{p}", "max_pool2d", [g.tensor([2, 3, 7, 8], "distinct")], kernel=k, stride=s,
            padding=p)
        add(f"avg_pool2d k{k} s{s} p{p}", "avg_pool2d", [g.tensor([2, 3, 7, 8])], kernel=k, stride=s, padding=p)
    add("max_pool2d one image", "max_pool2d", [g.tensor([3, 6, 6], "distinct")], kernel=2, stride=2, padding=0)
    return cases


def loss_cases(seed=13):
    g = Gen(seed)
    cases = []

    def add(name, op, inputs, **args):
        cases.append({"name": name, "kind": "op", "op": op, "args": args, "inputs": inputs})

    add("cross_entropy", "cross_entropy", [g.tensor([6, 4])], labels=g.labels(6, 4))
    add("cross_entropy one class each", "cross_entropy", [g.tensor([3, 5])],
        labels={"shape": [3], "data": [0.0, 4.0, 2.0]})
    add("multi_margin", "multi_margin", [g.tensor([7, 5], "distinct")], labels=g.labels(7, 5))
    add("bce_with_logits", "bce_with_logits", [g.tensor([5, 3]), g.tensor([5, 3], "unit")])
    add("mse", "mse", [g.tensor([4, 3]), g.tensor([4, 3])])
    add("hinge", "hinge", [g.tensor([9], "distinct")], labels=g.signs(9))
    return cases


MLP = [{"type": "linear", "in": 8, "out": 16}, {"type": "relu"}, {"type": "linear", "in": 16, "out": 3}]
CNN = [{"type": "conv2d", "in": 1, "out": 4, "kernel": 3, "stride": 1, "padding": 1}, {"type": "relu"},
       {"type": "maxpool2d", "kernel": 2}, {"type": "flatten"}, {"type": "linear", "in": 64, "out": 10}]


def parameters_for(g, spec):
    """Random parameters (and batch-norm buffers) named as torch.nn.Sequential names them."""
    params = {}
    for i, layer in enumerate(spec):
        t = layer["type"]
        if t == "linear":
            params[f"{i}.weight"] = scaled(g.tensor([layer["out"], layer["in"]]), layer["in"])
            params[f"{i}.bias"] = scaled(g.tensor([layer["out"]]), layer["in"])
        elif t == "conv2d":
            fan = layer["in"] * layer["kernel"] ** 2
            params[f"{i}.weight"] = scaled(g.tensor([layer["out"], layer["in"], layer["kernel"], layer["kernel"]]), fan)
            params[f"{i}.bias"] = scaled(g.tensor([layer["out"]]), fan)
        elif t == "batchnorm1d":
            f = layer["features"]
            params[f"{i}.weight"] = {"shape": [f], "data": [1 + 0.1 * v for v in g.tensor([f])["data"]]}
            params[f"{i}.bias"] = g.tensor([f])
            params[f"{i}.running_mean"] = g.tensor([f])
            params[f"{i}.running_var"] = g.tensor([f], "positive")
    return params


def scaled(t, fan_in):
    return {"shape": t["shape"], "data": [v / fan_in ** 0.5 for v in t["data"]]}


def model_cases(seed=14):
    g = Gen(seed)
    cases = []

    def add(name, spec, x, y, loss, train=True):
        cases.append({"name": name, "kind": "model", "model": spec, "params": parameters_for(g, spec), "x": x,
                      "y": y, "loss": loss, "train": train})

    add("mlp cross_entropy", MLP, g.tensor([10, 8]), g.labels(10, 3), "cross_entropy")
    add("mlp tanh sigmoid mse", [{"type": "linear", "in": 5, "out": 7}, {"type": "tanh"},
                                 {"type": "linear", "in": 7, "out": 2}, {"type": "sigmoid"}],
        g.tensor([6, 5]), g.tensor([6, 2], "unit"), "mse")
    add("mlp bce_with_logits", [{"type": "linear", "in": 4, "out": 6}, {"type": "relu"},
                                {"type": "linear", "in": 6, "out": 1}], g.tensor([9, 4]), g.tensor([9, 1], "unit"),
        "bce_with_logits")
    add("mlp multi_margin", MLP, g.tensor([10, 8]), g.labels(10, 3), "multi_margin")
    add("cnn cross_entropy", CNN, g.tensor([5, 1, 8, 8]), g.labels(5, 10), "cross_entropy")
    bn = [{"type": "linear", "in": 6, "out": 5}, {"type": "batchnorm1d", "features": 5}, {"type": "relu"},
          {"type": "linear", "in": 5, "out": 3}]
    add("batchnorm train", bn, g.tensor([8, 6]), g.labels(8, 3), "cross_entropy")
    add("batchnorm eval", bn, g.tensor([8, 6]), g.labels(8, 3), "cross_entropy", train=False)
    return cases


def trajectory_cases(seed=15, steps=20):
    g = Gen(seed)
    x, y = g.tensor([40, 8]), g.labels(40, 3)
    order = list(range(40))
    batches = []
    while len(batches) < steps:
        g.rng.shuffle(order)
        batches += [order[i:i + 10] for i in range(0, 40, 10)]
    batches = batches[:steps]
    params = parameters_for(g, MLP)
    adam = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0}
    configs = [
        ("sgd", {"type": "sgd", "lr": 0.1, "momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0, "nesterov": False}, None),
        ("sgd momentum dampening weight decay", {"type": "sgd", "lr": 0.05, "momentum": 0.9, "dampening": 0.1,
                                                 "weight_decay": 1e-3, "nesterov": False}, None),
        ("sgd nesterov weight decay", {"type": "sgd", "lr": 0.05, "momentum": 0.8, "dampening": 0.0,
                                       "weight_decay": 5e-3, "nesterov": True}, None),
        ("adam", {"type": "adam", "lr": 0.01, **adam}, None),
        ("adam l2", {"type": "adam", "lr": 0.01, **{**adam, "weight_decay": 0.01, "beta1": 0.8}}, None),
        ("adamw", {"type": "adamw", "lr": 0.01, **{**adam, "weight_decay": 0.05}}, None),
        ("sgd step schedule", {"type": "sgd", "lr": 0.2, "momentum": 0.5, "dampening": 0.0, "weight_decay": 0.0,
                               "nesterov": False}, {"type": "step", "size": 5, "gamma": 0.5}),
        ("adam cosine schedule", {"type": "adam", "lr": 0.02, **adam}, {"type": "cosine", "epochs": 20, "eta_min": 1e-4}),
        ("adamw exponential schedule", {"type": "adamw", "lr": 0.02, **{**adam, "weight_decay": 0.01}},
         {"type": "exponential", "gamma": 0.9}),
    ]
    cases = []
    for name, opt, sched in configs:
        c = {"name": f"trajectory {name}", "kind": "trajectory", "model": MLP, "params": params, "x": x, "y": y,
             "loss": "cross_entropy", "train": True, "optimizer": opt, "batches": batches}
        if sched:
            c["schedule"] = sched
        cases.append(c)
    return cases


def all_cases():
    return op_cases() + loss_cases() + model_cases() + trajectory_cases()


def with_cotangents_and_directions(cases, seed=99):
    """Adds to each op case a random direction per input; the cotangent needs the output's shape, which
    the torch side computes and sends back (see ``torch_side``)."""
    g = Gen(seed)
    for c in cases:
        if c["kind"] == "op":
            c["directions"] = [g.tensor(t["shape"]) for t in c["inputs"]]
    return cases


# =========================================================================== the torch side
def torch_ops():
    import torch
    import torch.nn.functional as F

    def sl(x, a):
        idx = [slice(None)] * x.dim()
        idx[a["axis"]] = slice(a["start"], a["end"])
        return x[tuple(idx)]

    def as_tensor(t):
        return torch.tensor(t["data"], dtype=torch.float64).reshape(t["shape"])

    return {
        "add": lambda x, a: x[0] + x[1],
        "sub": lambda x, a: x[0] - x[1],
        "mul": lambda x, a: x[0] * x[1],
        "div": lambda x, a: x[0] / x[1],
        "pow": lambda x, a: torch.pow(x[0], x[1]),
        "add_scalar": lambda x, a: x[0] + a["s"],
        "sub_scalar": lambda x, a: x[0] - a["s"],
        "mul_scalar": lambda x, a: x[0] * a["s"],
        "div_scalar": lambda x, a: x[0] / a["s"],
        "pow_scalar": lambda x, a: x[0] ** a["p"],
        "neg": lambda x, a: -x[0],
        "exp": lambda x, a: torch.exp(x[0]),
        "log": lambda x, a: torch.log(x[0]),
        "sqrt": lambda x, a: torch.sqrt(x[0]),
        "abs": lambda x, a: torch.abs(x[0]),
        "sin": lambda x, a: torch.sin(x[0]),
        "cos": lambda x, a: torch.cos(x[0]),
        "relu": lambda x, a: torch.relu(x[0]),
        "leaky_relu": lambda x, a: F.leaky_relu(x[0], a["slope"]),
        "sigmoid": lambda x, a: torch.sigmoid(x[0]),
        "tanh": lambda x, a: torch.tanh(x[0]),
        "gelu": lambda x, a: F.gelu(x[0]),
        "erf": lambda x, a: torch.erf(x[0]),
        "sum": lambda x, a: torch.sum(x[0], dim=a["axes"] or None, keepdim=a["keepdims"]),
        "mean": lambda x, a: torch.mean(x[0], dim=a["axes"] or None, keepdim=a["keepdims"]),
        "sum_all": lambda x, a: torch.sum(x[0]),
        "mean_all": lambda x, a: torch.mean(x[0]),
        "max_dim": lambda x, a: torch.max(x[0], a["axis"], keepdim=a["keepdims"]).values,
        "min_dim": lambda x, a: torch.min(x[0], a["axis"], keepdim=a["keepdims"]).values,
        "max_all": lambda x, a: torch.max(x[0]),
        "min_all": lambda x, a: torch.min(x[0]),
        "softmax": lambda x, a: torch.softmax(x[0], a["axis"]),
        "log_softmax": lambda x, a: torch.log_softmax(x[0], a["axis"]),
        "logsumexp": lambda x, a: torch.logsumexp(x[0], a["axis"], keepdim=a["keepdims"]),
        "matmul": lambda x, a: torch.matmul(x[0], x[1]),
        "linear": lambda x, a: F.linear(x[0], x[1], x[2] if len(x) > 2 else None),
        "reshape": lambda x, a: x[0].reshape(a["shape"]),
        "permute": lambda x, a: x[0].permute(a["axes"]),
        "transpose": lambda x, a: x[0].transpose(a["d0"], a["d1"]),
        "flatten": lambda x, a: torch.flatten(x[0], a["start"]),
        "unsqueeze": lambda x, a: x[0].unsqueeze(a["axis"]),
        "squeeze": lambda x, a: x[0].squeeze(a["axis"]),
        "slice": lambda x, a: sl(x[0], a),
        "select": lambda x, a: torch.select(x[0], a["axis"], a["index"]),
        "index_select": lambda x, a: torch.index_select(x[0], a["axis"], torch.tensor(a["indices"])),
        "gather": lambda x, a: torch.gather(x[0], a["axis"], as_tensor(a["index"]).long()),
        "cat": lambda x, a: torch.cat(list(x), a["axis"]),
        "stack": lambda x, a: torch.stack(list(x), 0),
        "expand": lambda x, a: x[0].expand(a["shape"]),
        "conv2d": lambda x, a: F.conv2d(x[0], x[1], x[2] if len(x) > 2 else None, tuple(a["stride"]),
                                        tuple(a["padding"]), tuple(a["dilation"])),
        "max_pool2d": lambda x, a: F.max_pool2d(x[0], a["kernel"], a["stride"], a["padding"]),
        "avg_pool2d": lambda x, a: F.avg_pool2d(x[0], a["kernel"], a["stride"], a["padding"]),
        "cross_entropy": lambda x, a: F.cross_entropy(x[0], as_tensor(a["labels"]).long()),
        "multi_margin": lambda x, a: F.multi_margin_loss(x[0], as_tensor(a["labels"]).long()),
        "bce_with_logits": lambda x, a: F.binary_cross_entropy_with_logits(x[0], x[1]),
        "mse": lambda x, a: F.mse_loss(x[0], x[1]),
        "hinge": lambda x, a: torch.clamp(1 - x[0] * as_tensor(a["labels"]), min=0).mean(),
    }


def torch_model(spec, params, train):
    import torch
    from torch import nn

    layers = []
    for layer in spec:
        t = layer["type"]
        if t == "linear":
            layers.append(nn.Linear(layer["in"], layer["out"]))
        elif t == "conv2d":
            layers.append(nn.Conv2d(layer["in"], layer["out"], layer["kernel"], layer["stride"], layer["padding"]))
        elif t == "maxpool2d":
            layers.append(nn.MaxPool2d(layer["kernel"]))
        elif t == "batchnorm1d":
            layers.append(nn.BatchNorm1d(layer["features"]))
        else:
            layers.append({"flatten": nn.Flatten, "relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}[t]())
    model = nn.Sequential(*layers).double()
    state = {k: torch.tensor(v["data"], dtype=torch.float64).reshape(v["shape"]) for k, v in params.items()}
    model.load_state_dict(state, strict=False)
    model.train(train)
    return model


def torch_loss(name, out, y):
    import torch.nn.functional as F

    if name in ("cross_entropy", "multi_margin"):
        y = y.long()
    return {"cross_entropy": F.cross_entropy, "mse": F.mse_loss, "bce_with_logits": F.binary_cross_entropy_with_logits,
            "multi_margin": F.multi_margin_loss}[name](out, y)


def torch_optimizer(o, params):
    import torch

    if o["type"] == "sgd":
        return torch.optim.SGD(params, lr=o["lr"], momentum=o["momentum"], dampening=o["dampening"],
                               weight_decay=o["weight_decay"], nesterov=o["nesterov"], foreach=False)
    cls = {"adam": torch.optim.Adam, "adamw": torch.optim.AdamW}[o["type"]]
    return cls(params, lr=o["lr"], betas=(o["beta1"], o["beta2"]), eps=o["eps"], weight_decay=o["weight_decay"],
               foreach=False)


def torch_schedule(s, opt):
    import torch

    if s is None:
        return None
    if s["type"] == "step":
        return torch.optim.lr_scheduler.StepLR(opt, s["size"], s["gamma"])
    if s["type"] == "exponential":
        return torch.optim.lr_scheduler.ExponentialLR(opt, s["gamma"])
    return torch.optim.lr_scheduler.CosineAnnealingLR(opt, s["epochs"], s["eta_min"])


def torch_side(cases):
    """Computes every case with PyTorch in float64; returns (results, cases with cotangents added)."""
    import torch

    torch.set_default_dtype(torch.float64)
    ops = torch_ops()
    g = Gen(7)

    def tt(t, grad=False):
        return torch.tensor(t["data"], dtype=torch.float64).reshape(t["shape"]).requires_grad_(grad)

    def enc(t):
        t = t.detach()
        return {"shape": list(t.shape), "data": t.reshape(-1).tolist()}

    results = []
    for c in cases:
        r = {"name": c["name"]}
        try:
            if c["kind"] == "op":
                f = ops[c["op"]]
                xs = [tt(t, True) for t in c["inputs"]]
                y = f(xs, c["args"])
                c["cotangent"] = g.tensor(list(y.shape))
                grads = torch.autograd.grad(y, xs, grad_outputs=tt(c["cotangent"]), allow_unused=True)
                primals = tuple(tt(t) for t in c["inputs"])
                tangents = tuple(tt(t) for t in c["directions"])
                r.update(value=enc(y), grads=[None if gr is None else enc(gr) for gr in grads])
                try:
                    _, tangent = torch.func.jvp(lambda *p: f(list(p), c["args"]), primals, tangents)
                    r["tangent"] = enc(tangent)
                except NotImplementedError as e:  # forward mode missing in torch for this op (multi_margin)
                    r["tangent_missing"] = str(e).splitlines()[0]
            elif c["kind"] == "model":
                model = torch_model(c["model"], c["params"], c["train"])
                loss = torch_loss(c["loss"], model(tt(c["x"])), tt(c["y"]))
                loss.backward()
                r["value"] = enc(loss)
                r["grads"] = [enc(p.grad) for p in model.parameters()] + [
                    enc(b) for name, b in model.named_buffers() if not name.endswith("num_batches_tracked")]
            elif c["kind"] == "trajectory":
                model = torch_model(c["model"], c["params"], c["train"])
                opt = torch_optimizer(c["optimizer"], model.parameters())
                sched = torch_schedule(c.get("schedule"), opt)
                x, y = tt(c["x"]), tt(c["y"])
                path, losses = [], []
                for batch in c["batches"]:
                    idx = torch.tensor(batch)
                    opt.zero_grad()
                    loss = torch_loss(c["loss"], model(x[idx]), y[idx])
                    loss.backward()
                    opt.step()
                    if sched is not None:
                        sched.step()
                    losses.append(loss.item())
                    path += [enc(p) for p in model.parameters()]
                r["trajectory"] = path
                r["value"] = {"shape": [len(losses)], "data": losses}
            else:
                raise ValueError("unknown case kind " + c["kind"])
        except Exception as e:  # reported per case, like the Java side
            r["error"] = repr(e)
        results.append(r)
    return results, cases


# =========================================================================== the pytest side
def _find_torch_python():
    """A Python that can import torch: this one, the project's .venv, or the .venv after installing it."""
    def has_torch(py):
        return subprocess.run([py, "-c", "import torch"], capture_output=True).returncode == 0

    if has_torch(sys.executable):
        return sys.executable, None
    venv = Path(os.environ.get("JAVADL_VENV", REPO / ".venv"))
    py = venv / "bin" / "python"
    if py.exists() and has_torch(str(py)):
        return str(py), None
    proc = subprocess.run([str(REPO / "scripts" / "python-env.sh"), "--with-torch"], capture_output=True, text=True,
                          timeout=900)
    if proc.returncode == 0 and has_torch(str(py)):
        return str(py), None
    return None, (proc.stderr or proc.stdout)[-2000:]


def _compile_runner(tmp):
    out = tmp / "parity-classes"
    out.mkdir()
    javac = shutil.which("javac") or "javac"
    sources = sorted(str(p) for p in RUNNER_SOURCES.glob("*.java"))
    subprocess.run([javac, "-d", str(out), "-cp", str(CLASSES), *sources], check=True, capture_output=True,
                   text=True)
    return out


def _largest(t):
    return max((abs(v) for v in t["data"]), default=0.0)


def compare(what, ours, ref, problems, tol=REL_TOL):
    if ref is None or ours is None:
        if (ref is None) != (ours is None):
            problems.append(f"{what}: library {'has none' if ours is None else 'has one'}, torch "
                            f"{'has none' if ref is None else 'has one'}")
        return
    if ours["shape"] != ref["shape"]:
        problems.append(f"{what}: shape {ours['shape']} vs torch {ref['shape']}")
        return
    scale = max(_largest(ref), ZERO_SCALE)
    worst = max((abs(a - b) for a, b in zip(ours["data"], ref["data"])), default=0.0)
    if not worst <= tol * scale and not (scale == 0 and worst == 0):
        problems.append(f"{what}: max |library - torch| = {worst:.3g}, {worst / scale if scale else float('inf'):.3g}"
                        f" relative to max |torch| = {scale:.3g}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--torch-side"]:
        results, cases = torch_side(json.load(sys.stdin)["cases"])
        json.dump({"results": results, "cases": cases}, sys.stdout)
    else:
        sys.exit("usage: python test_torch_parity.py --torch-side < cases.json")
else:
    import pytest

    pytestmark = pytest.mark.timeout(600)

    @pytest.fixture(scope="module")
    def parity(tmp_path_factory):
        if not (CLASSES / "org" / "javadl" / "tensor" / "Tensor.class").exists():
            pytest.fail(f"{CLASSES} is not built; run mvn -o -q -DskipTests package first")
        python, why = _find_torch_python()
        if python is None:
            pytest.skip("PyTorch cannot be installed into the project's .venv "
                        f"(scripts/python-env.sh --with-torch failed):\n{why}")
        cases = with_cotangents_and_directions(all_cases())
        torch_proc = subprocess.run([python, str(Path(__file__).resolve()), "--torch-side"],
                                    input=json.dumps({"cases": cases}), capture_output=True, text=True, timeout=600)
        assert torch_proc.returncode == 0, torch_proc.stderr[-3000:]
        torch_out = json.loads(torch_proc.stdout)
        cases = torch_out["cases"]  # now with the cotangents the torch side drew for each output shape
        runner = _compile_runner(tmp_path_factory.mktemp("parity"))
        java = subprocess.run(["java", "--add-modules", "jdk.incubator.vector", "-cp", f"{CLASSES}{os.pathsep}{runner}", "org.javadl.parity.ParityMain"],
                              input=json.dumps({"cases": cases}), capture_output=True, text=True, timeout=600)
        assert java.returncode == 0, java.stderr[-3000:]
        ours = {r["name"]: r for r in json.loads(java.stdout)["results"]}
        ref = {r["name"]: r for r in torch_out["results"]}
        return ours, ref

    CASE_NAMES = [c["name"] for c in all_cases()]
    assert len(set(CASE_NAMES)) == len(CASE_NAMES), "case names must be unique"

    @pytest.mark.parametrize("name", CASE_NAMES)
    def test_matches_torch(parity, name):
        ours, ref = parity
        o, r = ours[name], ref[name]
        assert "error" not in r, f"torch could not compute {name}: {r['error']}"
        assert "error" not in o, f"the library failed on {name}: {o['error']}"
        problems = []
        tol = TRAJECTORY_TOL if "trajectory" in r else REL_TOL
        for key in ("value", "tangent"):
            if key in r:
                compare(f"{name}: {key}", o.get(key), r[key], problems, tol)
        for key in ("grads", "trajectory"):
            for i, (a, b) in enumerate(zip(o.get(key, []), r.get(key, []))):
                compare(f"{name}: {key}[{i}]", a, b, problems, tol)
            if len(o.get(key, [])) != len(r.get(key, [])):
                problems.append(f"{name}: {len(o.get(key, []))} {key} vs torch {len(r.get(key, []))}")
        assert not problems, "\n".join(problems)
