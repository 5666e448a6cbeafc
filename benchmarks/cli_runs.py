"""The analysis as a user runs it: ``python -m dashboard analyze FILE --out DIR`` in a fresh
process, timed, with its peak memory; and how time per review grows with the reviews of one
film. Used by ``speed.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterable

REPO = Path(__file__).resolve().parents[1]


def write_jsonl(rows: Iterable[dict], path: Path) -> Path:
    """Reviews as a JSON-lines table the command line reads (``review``, ``film``...)."""
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def synthetic_table(n: int, folder: Path) -> Path:
    """``n`` synthetic full reviews (``synthetic.py``, fixed seed) as a JSON-lines file."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synthetic import generate

    return write_jsonl(({"review_id": r["review_id"], "film": r["film"], "outlet": r["outlet"], "review": r["review"]}
                        for r in generate(n, "full")), folder / f"synthetic_{n}.jsonl")


def run_cli(table: Path, *options: str) -> dict:
    """Wall time and peak memory (MB) of one ``analyze`` run in a fresh process: the
    process's own peak (VmHWM) and, with ``--jobs``, its largest worker's."""
    with tempfile.TemporaryDirectory() as out:
        env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
        start = time.perf_counter()
        done = subprocess.run([sys.executable, __file__, "--measure", str(table), out, *options], env=env,
                              capture_output=True, text=True)
        wall = time.perf_counter() - start
        if done.returncode != 0:
            raise RuntimeError(f"analyze {table.name} {' '.join(options)} failed: {done.stderr[-2000:]}")
        peaks = json.loads(done.stdout.strip().splitlines()[-1])
    return {"wall_s": wall, **peaks, "options": " ".join(options) or "(none)"}


def _measure(argv: list[str]) -> None:
    """In the fresh process: run the command line, then print its peaks as JSON."""
    import contextlib
    import io
    import resource

    from dashboard.cli import main

    table, out, *options = argv
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["analyze", table, "--out", out, *options])
    if code != 0:
        raise SystemExit(code)
    with open("/proc/self/status") as fh:
        own = next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmHWM:"))
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"peak_rss_mb": own, "worker_peak_rss_mb": workers}))


def one_film_growth(sources: list, sizes: tuple[int, int]) -> dict:
    """CPU seconds per review for the first ``sizes[0]`` and ``sizes[1]`` reviews, all of
    one film (so that their names are pooled and matched in each other), and their ratio."""
    from dataclasses import replace

    from dashboard.engine.batch import analyze_batch

    analyze_batch(sources[:20])  # models loaded, word caches warm: neither size pays for them
    out = {}
    for n in sizes:
        film_sources = [replace(s, film="One Film") for s in sources[:n]]
        start = time.process_time()
        analyze_batch(film_sources)
        out[n] = (time.process_time() - start) / len(film_sources)
    small, large = sizes
    return {"sizes": sizes, "ms_per_review": {n: 1000 * t for n, t in out.items()},
            "ratio": out[large] / out[small]}


if __name__ == "__main__" and sys.argv[1:2] == ["--measure"]:
    _measure(sys.argv[2:])
