"""Where a batch's partitions run: one after another, in worker processes, or on a Dask
distributed cluster. Each runner maps a function over items, in order."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Iterator


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
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method))

    def map(self, fn, items):
        return list(self.pool.map(fn, items))

    def imap(self, fn, items) -> Iterator:
        return self.pool.map(fn, items)

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
        items = list(items)
        if not items:
            return
        futures = self.client.map(fn, items, pure=False)
        try:
            for future in futures:  # in order; the cluster runs them all meanwhile
                yield future.result()
                future.release()
        finally:
            for future in futures:
                future.cancel()

    def close(self):
        if self.own:
            cluster = getattr(self.client, "cluster", None)
            self.client.close()
            if cluster is not None:
                cluster.close()
