#!/usr/bin/env python3
"""NumPy reference timing of the Euclidean RDM for Attractor Lab's bench.

Measures, on the same shape as the Java bench's RDM workload (1000 conditions
x 10000 features, standard-normal patterns), the Euclidean RDM by the Gram
formula, in float32 and in float64:

    z    = x - x.mean(axis=0)              # centre across conditions
    g    = z @ z.T                         # NumPy calls BLAS syrk for z @ z.T
    d_ij = sqrt(max(0, g_ii + g_jj - 2 g_ij)),  d_ii = 0

The patterns are drawn in float64 (``numpy.random.default_rng(seed)``) and
converted to the measured precision before timing, so each timing starts from
an array in that precision.  After ``--warmup`` untimed runs, ``--reps`` runs
are timed one by one and the median is reported (milliseconds).  The largest
difference between the float32 RDM and the float64 RDM, relative to the
largest distance, is reported as ``rdm.numpy.float32.max_rel_err``.

Threads: BLAS uses ``OPENBLAS_NUM_THREADS`` threads; if the variable is not
set, this script sets it to ``--threads`` (default 2) before NumPy loads
OpenBLAS.  The BLAS library NumPy loaded is reported (``meta.blas``): a
NumPy linked to the reference BLAS (Debian's libblas3 without
libopenblas0-pthread) is many times slower and no fair reference.

Output: a readable table, or with ``--json`` one line holding one flat JSON
object (``rdm.numpy.float32.ms``, ``rdm.numpy.float64.ms``, ``meta.*``).
Progress messages go to stderr.
"""

import argparse
import json
import os
import statistics
import sys
import time


def parse_args(argv=None):
    p = argparse.ArgumentParser(description="NumPy timing of the Euclidean RDM by the Gram formula")
    p.add_argument("--conditions", type=int, default=1000, help="rows (default 1000)")
    p.add_argument("--features", type=int, default=10000, help="columns (default 10000)")
    p.add_argument("--reps", type=int, default=7, help="timed runs per precision (default 7)")
    p.add_argument("--warmup", type=int, default=1, help="untimed runs per precision (default 1)")
    p.add_argument("--threads", type=int, default=2,
                   help="OPENBLAS_NUM_THREADS if the caller did not set it (default 2)")
    p.add_argument("--seed", type=int, default=20240601, help="seed of the patterns (default 20240601)")
    p.add_argument("--json", action="store_true", help="print one flat JSON object")
    args = p.parse_args(argv)
    for name in ("conditions", "features", "reps", "threads"):
        if getattr(args, name) < 1:
            p.error("--%s must be at least 1" % name)
    if args.conditions < 2:
        p.error("--conditions must be at least 2")
    if args.warmup < 0:
        p.error("--warmup must be at least 0")
    return args


ARGS = parse_args()
_ENV_WAS_SET = "OPENBLAS_NUM_THREADS" in os.environ
# before NumPy (and so OpenBLAS) is loaded, or it has no effect
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(ARGS.threads))

import numpy as np  # noqa: E402


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def euclidean_rdm(x):
    """The Euclidean RDM of the rows of x by the Gram formula, in x's precision."""
    z = x - x.mean(axis=0)
    g = z @ z.T
    sq = np.diagonal(g).copy()
    d = sq[:, None] + sq[None, :]
    d -= 2 * g
    np.maximum(d, 0, out=d)
    np.sqrt(d, out=d)
    np.fill_diagonal(d, 0)
    return d


def time_rdm(x, args):
    for _ in range(args.warmup):
        euclidean_rdm(x)
    times = []
    d = None
    for _ in range(args.reps):
        t0 = time.perf_counter()
        d = euclidean_rdm(x)
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times), min(times), max(times), d


def loaded_blas():
    """Paths of the BLAS libraries this process loaded."""
    found = []
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                path = line.split()[-1]
                name = os.path.basename(path).lower()
                if ("blas" in name or "mkl" in name or "blis" in name) and path not in found:
                    found.append(path)
    except OSError:
        pass
    return ",".join(os.path.realpath(p) for p in found) or "unknown"


def main():
    args = ARGS
    log("numpy %s: Euclidean RDM of %d x %d, %d warm-up + %d timed runs per precision ..."
        % (np.__version__, args.conditions, args.features, args.warmup, args.reps))
    x64 = np.random.default_rng(args.seed).standard_normal((args.conditions, args.features))
    results = {}
    rdms = {}
    for dtype in (np.float32, np.float64):
        x = x64.astype(dtype)
        med, lo, hi, d = time_rdm(x, args)
        name = np.dtype(dtype).name
        results["rdm.numpy.%s.ms" % name] = med
        results["rdm.numpy.%s.ms_min" % name] = lo
        results["rdm.numpy.%s.ms_max" % name] = hi
        rdms[name] = d
        del x
    ref = rdms["float64"]
    results["rdm.numpy.float32.max_rel_err"] = float(
        np.max(np.abs(rdms["float32"].astype(np.float64) - ref)) / np.max(ref))
    results.update({
        "meta.numpy_version": np.__version__,
        "meta.blas": loaded_blas(),
        "meta.openblas_num_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
        "meta.openblas_num_threads_from_caller": _ENV_WAS_SET,
        "meta.conditions": args.conditions,
        "meta.features": args.features,
        "meta.reps": args.reps,
        "meta.warmup": args.warmup,
        "meta.seed": args.seed,
    })
    if args.json:
        print(json.dumps(results), flush=True)
        return 0
    print("NumPy %s, BLAS %s, OPENBLAS_NUM_THREADS=%s" % (np.__version__, results["meta.blas"],
                                                         results["meta.openblas_num_threads"]))
    print("Euclidean RDM by the Gram formula, %d x %d (median of %d runs)"
          % (args.conditions, args.features, args.reps))
    print("  %-8s %10s %10s %10s" % ("dtype", "ms", "min ms", "max ms"))
    for name in ("float32", "float64"):
        print("  %-8s %10.1f %10.1f %10.1f" % (name, results["rdm.numpy.%s.ms" % name],
                                             results["rdm.numpy.%s.ms_min" % name],
                                             results["rdm.numpy.%s.ms_max" % name]))
    print("  float32 against float64: largest difference %.2e of the largest distance"
          % results["rdm.numpy.float32.max_rel_err"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
