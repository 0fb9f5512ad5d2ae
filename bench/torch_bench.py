"""PyTorch as a benchmark peer of bench/run.ts: the same models, data files and measuring
protocol as bench/peer.ts (see bench/workload.ts), a plain PyTorch training loop as a user
writes it, default thread count. Prints one JSON line (a ChildReport).

    python3 bench/torch_bench.py <small|wide> <works> <data_dir> <rows> <warmup_s> <budget_s>
    works: e.g. train32,train256,predict
"""
import ctypes
import json
import os
import re
import resource
import sys
import time

import numpy as np
import torch

FEATURES = 32
PREDICT_BATCH = 1024
LEARNING_RATE = 1e-3
MIN_TIMED_BATCHES = 1
MODELS = {"small": [64, 64], "wide": [512, 512]}
SEED = 42


class Stopwatch:
    """Wall and CPU time (every thread of the process) since creation, as bench/workload.ts."""

    def __init__(self):
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def read(self):
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def build_model(name):
    """32 → hidden relu layers → 1 sigmoid, initialized as Keras does (Glorot uniform, zero
    bias)."""
    torch.manual_seed(SEED)
    sizes = [FEATURES, *MODELS[name], 1]
    layers = []
    for index in range(1, len(sizes)):
        linear = torch.nn.Linear(sizes[index - 1], sizes[index])
        torch.nn.init.xavier_uniform_(linear.weight)
        torch.nn.init.zeros_(linear.bias)
        layers.append(linear)
        layers.append(torch.nn.ReLU() if index < len(sizes) - 1 else torch.nn.Sigmoid())
    return torch.nn.Sequential(*layers)


def trainer(name, batch, x, y):
    """Runs one epoch over the first `rows` rows, continuing from the current weights."""
    model = build_model(name)
    # NOTE: Keras' Adam epsilon (1e-7), not PyTorch's default 1e-8, so the updates match.
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, eps=1e-7)
    loss_function = torch.nn.BCELoss()

    def run(rows):
        model.train()
        clock = Stopwatch()
        total = 0.0
        for begin in range(0, rows, batch):
            end = min(rows, begin + batch)
            optimizer.zero_grad()
            loss = loss_function(model(x[begin:end]), y[begin:end])
            loss.backward()
            optimizer.step()
            # NOTE: the epoch loss as Keras logs it: the batch-size-weighted mean of batch losses.
            total += loss.item() * (end - begin)
        return clock.read(), total / rows

    return run


def predictor(name, x):
    model = build_model(name)
    model.eval()

    def run(rows):
        clock = Stopwatch()
        out = torch.empty(rows, 1)
        with torch.no_grad():
            for begin in range(0, rows, PREDICT_BATCH):
                end = min(rows, begin + PREDICT_BATCH)
                out[begin:end] = model(x[begin:end])
        return clock.read(), None

    return run


def timed_rows(rate, batch, rows, budget):
    if rate == 0 or rate * budget >= rows:
        return rows
    batches = max(MIN_TIMED_BATCHES, int(rate * budget // batch))
    return min(rows, batches * batch)


def measure(new_run, work, batch, rows, warmup, budget):
    """The protocol of bench/workload.ts `measure`: doubling warm-up on a first model, then one
    timed run on a fresh model with the same seeded initial weights."""
    run = new_run()
    batches, rate, spent = 1, 0.0, 0.0
    while spent < warmup:
        warm_rows = min(batches * batch, rows)
        (seconds, _), _ = run(warm_rows)
        spent += seconds
        rate = warm_rows / seconds
        batches *= 2
    timed = timed_rows(rate, batch, rows, budget)
    (seconds, cpu_seconds), loss = new_run()(timed)
    result = {"work": work, "batch": batch, "rowsTimed": timed, "seconds": seconds,
              "samplesPerSecond": timed / seconds, "cpuUse": cpu_seconds / seconds}
    if loss is not None:
        result["loss"] = loss
    return result


def openblas():
    """Threads and kernel family of the OpenBLAS this process loaded, or None: Debian's torch
    multiplies with the system BLAS, whose thread pool is its own, outside
    torch.get_num_threads(), and whose kernels depend on the CPU it detects."""
    try:
        with open("/proc/self/maps", encoding="utf8") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
        for path in sorted(paths):
            library = ctypes.CDLL(path)
            if hasattr(library, "openblas_get_num_threads"):
                library.openblas_get_corename.restype = ctypes.c_char_p
                core = library.openblas_get_corename().decode()
                return f"{library.openblas_get_num_threads()} OpenBLAS thread(s), {core} kernels"
    except (OSError, AttributeError):
        return None
    return None


def read_floats(data_dir, name, count):
    """The first `count` little-endian float32 values of a file bench/dataset.ts wrote."""
    return torch.from_numpy(np.fromfile(os.path.join(data_dir, name), dtype="<f4", count=count))


def main(argv):
    if len(argv) != 6 or argv[0] not in MODELS:
        sys.exit("usage: torch_bench.py <small|wide> <works> <data_dir> <rows> <warmup> <budget>")
    name, works, data_dir, rows, warmup, budget = argv
    rows, warmup, budget = int(rows), float(warmup), float(budget)
    x = read_floats(data_dir, "x.f32", rows * FEATURES).reshape(rows, FEATURES)
    y = read_floats(data_dir, "y.f32", rows).reshape(rows, 1)
    measurements = []
    for work in works.split(","):
        match = re.fullmatch(r"train(\d+)", work)
        if match:
            batch = int(match.group(1))
            new_run = lambda batch=batch: trainer(name, batch, x, y)
        elif work == "predict":
            batch = PREDICT_BATCH
            new_run = lambda: predictor(name, x)
        else:
            sys.exit(f"A work is 'train32', 'train256' or 'predict' but got '{work}'.")
        measurements.append(measure(new_run, work, batch, rows, warmup, budget))
    report = {
        "peer": "pytorch",
        "model": name,
        "version": f"PyTorch {torch.__version__} (defaults: {torch.get_num_threads()} intra-op "
                   f"thread(s), {openblas() or 'BLAS threads unknown'})",
        "measurements": measurements,
        # NOTE: ru_maxrss is in kilobytes on Linux.
        "maxRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1:])
