#!/usr/bin/env python3
"""PyTorch counterparts of TrainingBench (same sizes), one thread, float64.

Run with a Python that has torch (scripts/python-env.sh --with-torch):
    .venv/bin/python benchmarks/torch_bench.py [name ...]   (names select cases, e.g. matmul512)
Prints, per benchmark, the median and the minimum over repeats of wall time and of this thread's CPU
time in milliseconds (on a shared machine the CPU time is the steadier of the two).
"""
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
torch.manual_seed(0)


def measure(name, fn, repeat, warmup=10):
    if len(sys.argv) > 1 and name not in sys.argv[1:]:
        return
    for _ in range(warmup):
        fn()
    wall, cpu = [], []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.thread_time()
        fn()
        wall.append((time.perf_counter() - w0) * 1e3)
        cpu.append((time.thread_time() - c0) * 1e3)
    wall.sort()
    cpu.sort()
    print(f"{name:14s} wall median {wall[len(wall) // 2]:8.3f} ms (min {wall[0]:8.3f}), "
          f"CPU median {cpu[len(cpu) // 2]:8.3f} ms (min {cpu[0]:8.3f})")


def main():
    # the digits MLP: 1,438 training examples as in Datasets.digits().split(0.2, 0); random values of the
    # same shape cost the same
    x = torch.randn(1438, 64)
    y = torch.randint(0, 10, (1438,))
    mlp = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    adam = torch.optim.Adam(mlp.parameters(), 1e-3)

    def mlp_epoch():
        perm = torch.randperm(1438)
        for i in range(0, 1438, 32):
            idx = perm[i:i + 32]
            adam.zero_grad()
            F.cross_entropy(mlp(x[idx]), y[idx]).backward()
            adam.step()

    cnn = torch.nn.Sequential(torch.nn.Conv2d(1, 16, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2), torch.nn.Flatten(),
                              torch.nn.Linear(16 * 13 * 13, 10))
    sgd = torch.optim.SGD(cnn.parameters(), 0.01)
    images = torch.randn(64, 1, 28, 28)
    labels = torch.randint(0, 10, (64,))

    def cnn_step():
        sgd.zero_grad()
        F.cross_entropy(cnn(images), labels).backward()
        sgd.step()

    w, b = cnn[0].weight.detach(), cnn[0].bias.detach()
    a, c = torch.randn(512, 512), torch.randn(512, 512)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, float64")
    measure("mlpEpoch", mlp_epoch, 40)
    measure("cnnStep", cnn_step, 60)
    measure("conv2dForward", lambda: F.conv2d(images, w, b), 100)
    measure("matmul512", lambda: a @ c, 60)


if __name__ == "__main__":
    main()
