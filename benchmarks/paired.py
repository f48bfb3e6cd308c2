#!/usr/bin/env python3
"""Finely interleaved, paired timing of a few ops under two interpreters.

    python benchmarks/paired.py PY_A PY_B OP[,OP...] [--pairs 200] [--suite FILE]

compare.py alternates whole benchmark runs, minutes apart, so on a machine whose speed
drifts by tens of percent within seconds its ratios for single ops can sit anywhere in
0.9-1.3. Here each interpreter keeps one live worker with the ops of benchmarks/run.py
built once; each op then runs in short batches (about 2 ms), A and B alternating, with
the order inside each pair swapped every time, and the ratio reported is the median of
the per-pair ratios B/A with its interquartile range. Comparing an interpreter with
itself shows the floor (medians within about 1.5% on the development VM).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import typing

HERE = os.path.dirname(os.path.abspath(__file__))


def suite_ops(suite: str | None) -> dict[str, typing.Callable[[], object]]:
    """The ops of benchmarks/run.py, or of another suite file with bench.py's layout
    (`build_ops(args, meta, skipped)` returning ops with `.name` and `.fn`)."""
    if suite is None:
        sys.path.insert(0, HERE)
        import run

        return {name: fn for name, fn, _ in run.build_ops({})}
    import importlib.util

    spec = importlib.util.spec_from_file_location("suite", suite)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    defaults = module.common_argparser("").parse_args([])
    defaults.bundle = None
    return {op.name: op.fn for op in module.build_ops(defaults, {}, {})}


def worker(names: list[str], suite: str | None) -> None:
    """Serve "op calls" lines on stdin with nanoseconds per call on stdout."""
    import gc

    ops = suite_ops(suite)
    for name in names:
        ops[name]()  # first-use work (fetches, lazy objects) stays out of the timing
    print("ready", flush=True)
    for line in sys.stdin:
        name, calls = line.split()
        fn, count = ops[name], int(calls)
        gc.disable()
        start = time.perf_counter_ns()
        for _ in range(count):
            fn()
        elapsed = time.perf_counter_ns() - start
        gc.enable()
        print(elapsed / count, flush=True)


class Worker:
    def __init__(self, python: str, names: list[str], suite: str | None) -> None:
        extra = ["--suite", suite] if suite else []
        self._process = subprocess.Popen(
            [python, __file__, "--worker", ",".join(names), *extra],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        if self._read() != "ready":
            raise SystemExit(f"{python}: the worker did not start")

    def _read(self) -> str:
        assert self._process.stdout is not None
        return self._process.stdout.readline().strip()

    def time(self, name: str, calls: int) -> float:
        assert self._process.stdin is not None
        self._process.stdin.write(f"{name} {calls}\n")
        self._process.stdin.flush()
        return float(self._read())


def main(argv: typing.Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("py_a", nargs="?")
    parser.add_argument("py_b", nargs="?")
    parser.add_argument("ops", nargs="?", help="comma-separated op names of run.py")
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument(
        "--suite",
        help="a suite file laid out as ../shared/bench/bench.py (default: run.py)",
    )
    args = parser.parse_args(argv)
    if args.worker is not None:
        worker(args.worker.split(","), args.suite)
        return 0
    if not (args.py_a and args.py_b and args.ops):
        parser.error("PY_A, PY_B and OPS are required")
    names = args.ops.split(",")
    a, b = Worker(args.py_a, names, args.suite), Worker(args.py_b, names, args.suite)
    print(f"A = {args.py_a}\nB = {args.py_b}\npairs = {args.pairs}")
    for name in names:
        single = max(a.time(name, 3), 1.0)
        calls = max(1, int(2e6 / single))
        ratios, times_a, times_b = [], [], []
        for pair in range(args.pairs):
            if pair % 2:
                tb, ta = b.time(name, calls), a.time(name, calls)
            else:
                ta, tb = a.time(name, calls), b.time(name, calls)
            times_a.append(ta)
            times_b.append(tb)
            ratios.append(tb / ta)
        low, _, high = statistics.quantiles(ratios, n=4)
        print(
            f"{name:42s} A {statistics.median(times_a):12.0f} ns"
            f"  B {statistics.median(times_b):12.0f} ns"
            f"  B/A {statistics.median(ratios):.3f} (IQR {low:.3f}-{high:.3f})",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
