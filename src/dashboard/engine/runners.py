"""Where a batch's partitions run: one after another, in worker processes, or on a Dask
distributed cluster. Each runner maps a function over items, in order; ``imap`` takes the
items lazily, a few ahead of the results, so that a corpus read as it goes is never all
in flight."""

from __future__ import annotations

from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Callable, Iterable, Iterator


def _in_order(submit: Callable, items: Iterable, ahead: int, release: Callable = lambda future: None) -> Iterator:
    """Results of ``submit(item)`` futures in order, with at most ``ahead`` of them pending."""
    items = iter(items)
    pending = deque(submit(item) for item in islice(items, ahead))
    try:
        while pending:
            future = pending.popleft()
            result = future.result()
            release(future)
            pending.extend(submit(item) for item in islice(items, 1))
            yield result
    finally:
        for future in pending:
            future.cancel()


class SerialRunner:
    def map(self, fn, items):
        return [fn(i) for i in items]

    def imap(self, fn, items) -> Iterator:
        for i in items:
            yield fn(i)

    def close(self):
        pass


class ProcessRunner:
    def __init__(self, jobs: int):
        import multiprocessing

        # fork shares the already imported engine with the workers; elsewhere, spawn.
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self.jobs = jobs
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method))

    def map(self, fn, items):
        return list(self.pool.map(fn, items))

    def imap(self, fn, items) -> Iterator:
        return _in_order(lambda item: self.pool.submit(fn, item), items, 2 * self.jobs)

    def close(self):
        self.pool.shutdown(cancel_futures=True)


class DaskRunner:
    """Tasks on a Dask distributed cluster: an existing ``client``, a scheduler
    ``address``, or a new ``LocalCluster`` of ``jobs`` single-threaded worker processes."""

    def __init__(self, jobs: int, client=None, address: str | None = None):
        from dask.distributed import Client, LocalCluster

        self.own = client is None
        if client is not None:
            self.client = client
        elif address:
            self.client = Client(address)
        else:
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            self.client = Client(cluster)

    def map(self, fn, items):
        return list(self.imap(fn, items))

    def imap(self, fn, items) -> Iterator:
        ahead = 2 * max(1, len(self.client.scheduler_info().get("workers", {})))
        return _in_order(lambda item: self.client.submit(fn, item, pure=False), items, ahead,
                         release=lambda future: future.release())

    def close(self):
        if self.own:
            cluster = getattr(self.client, "cluster", None)
            self.client.close()
            if cluster is not None:
                cluster.close()
