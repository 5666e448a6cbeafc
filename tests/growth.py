"""How work grows with the size of the input: a check that passes on a slow machine too."""

from __future__ import annotations

import time
from typing import Callable


def growth(work: Callable[[int], object], n: int, repeats: int = 3) -> float:
    """CPU time of ``work(2n)`` over that of ``work(n)``, each the fastest of ``repeats``:
    about 2 for work that grows linearly, 4 for work that grows with the square."""
    def fastest(size: int) -> float:
        times = []
        for _ in range(repeats):
            started = time.process_time()
            work(size)
            times.append(time.process_time() - started)
        return max(min(times), 1e-6)

    work(n)  # warm caches and lazy loading
    return fastest(2 * n) / fastest(n)
