#!/usr/bin/python3
"""numpy counterparts of LibraryBench (same sizes), single-threaded BLAS.

Run: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 benchmarks/numpy_bench.py
Prints the median of repeated timings in microseconds, like JMH's avgt in us/op.
"""
import os
import timeit

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402  (after the thread settings)


def conv2d(x, w, b, stride, pad):
    """PyTorch-style Conv2d (cross-correlation) via im2col + one matmul: numpy's fastest plain route."""
    c, h, wd = x.shape
    o, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    oh = (h + 2 * pad - kh) // stride + 1
    ow = (wd + 2 * pad - kw) // stride + 1
    win = np.lib.stride_tricks.sliding_window_view(xp, (kh, kw), axis=(1, 2))[:, ::stride, ::stride][:, :oh, :ow]
    cols = win.transpose(0, 3, 4, 1, 2).reshape(c * kh * kw, oh * ow)
    return (w.reshape(o, -1) @ cols).reshape(o, oh, ow) + b[:, None, None]


def maxpool2(x):
    c, h, w = x.shape
    return x[:, : h // 2 * 2, : w // 2 * 2].reshape(c, h // 2, 2, w // 2, 2).max(axis=(2, 4))


def median_us(fn, number, repeat=15):
    times = timeit.repeat(fn, number=number, repeat=repeat)
    times.sort()
    return times[len(times) // 2] / number * 1e6


def main():
    rng = np.random.default_rng(0)
    a = rng.standard_normal((256, 256))
    b = rng.standard_normal((256, 256))
    x = rng.standard_normal(1_000_000)
    k = rng.standard_normal(5)
    img = rng.standard_normal((3, 128, 128))
    w1 = rng.standard_normal((32, 3, 8, 8))
    b1 = rng.standard_normal(32)
    w3 = rng.standard_normal((64, 32, 3, 3))
    b3 = rng.standard_normal(64)

    def net():
        h = conv2d(img, w1, b1, 2, 3)
        h = maxpool2(h)
        return conv2d(h, w3, b3, 1, 1)

    assert net().shape == (64, 32, 32)
    print(f"numpy {np.__version__}, OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}")
    print(f"matmul256            {median_us(lambda: a @ b, 50):12.1f} us")
    print(f"conv1dValid          {median_us(lambda: np.convolve(x, k, 'valid'), 5):12.1f} us")
    print(f"hw001ConvNetForward  {median_us(net, 5):12.1f} us")


if __name__ == "__main__":
    main()
