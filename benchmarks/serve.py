"""The hosted app under load, on this machine: a real ``streamlit run app.py`` server on
127.0.0.1, its memory read from /proc.

    python benchmarks/serve.py [--readers 25] [--rounds 5] [--upload-reviews 1000] [--big-mb 48.5] [--only NAME]

Each measure runs on a fresh server, whose memory at start is its baseline.

* **readers**: that many readers open the bundled film at once. Each is a browserless
  websocket client speaking Streamlit's own protocol (``BackMsg``/``ForwardMsg``), so the
  figure is the server's, not a browser's drawing: the time from connecting to the first
  element of the page (first content), and to the end of the page's run.
* **upload**: one reader uploads a table of N synthetic full reviews on "Your reviews" and
  presses Analyse (Chromium, driven by Playwright): seconds until the result shows, and the
  server's peak memory meanwhile (VmRSS sampled every 50 ms).
* **three uploads**: three readers do so at once: the server's peak.
* **big upload**: one table of about ``--big-mb`` MB (the page's limit is 50 MB): the peak.
* **rounds**: after one reader has opened the bundled film (a warm server), ``--rounds``
  times a reader uploads N reviews and closes the tab; after each, the server's memory once
  the session's grace time has passed (``ui.session.GRACE_S``): the last against the warm
  start is what a server keeps of readers who left.

Targets: 25 readers' first content <= 3 s; one upload of 1,000 reviews <= 15 s; peaks
< 600 MiB; after the rounds, within 50 MiB of the warm start.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

CHROMIUM = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TARGETS = {"first_content_s": 3.0, "upload_s": 15.0, "peak_mib": 600.0, "kept_mib": 50.0}
# Elements that are a page's content (not its frame or a spinner).
CONTENT = {"markdown", "heading", "plotly_chart", "metric", "dataframe", "arrow_data_frame"}


# ------------------------------------------------------------------------------ the server

class Server:
    """``streamlit run app.py`` on a free port of 127.0.0.1."""

    def __init__(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="serve-", suffix=".log", delete=False)
        env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(self.port), "--browser.gatherUsageStats",
             "false", "--server.fileWatcherType", "none"], cwd=REPO, stdout=self.log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start; see {self.log.name}")
                time.sleep(0.3)

    def rss_mib(self) -> float:
        with open(f"/proc/{self.proc.pid}/status") as fh:
            return next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmRSS:"))

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class PeakSampler:
    """The server's largest VmRSS while the ``with`` block runs (sampled every 50 ms)."""

    def __init__(self, server: Server) -> None:
        self.server, self.peak, self._stop = server, 0.0, threading.Event()

    def __enter__(self) -> "PeakSampler":
        self.peak = self.server.rss_mib()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, self.server.rss_mib())

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


# ------------------------------------------------------------------------------ readers

async def _reader(url: str, query: str) -> tuple[float, float]:
    """(seconds to the first content element, seconds to the end of the run) of one reader."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from tornado.websocket import websocket_connect

    start = time.perf_counter()
    ws = await websocket_connect(url.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"])
    request = BackMsg()
    request.rerun_script.query_string = query
    await ws.write_message(request.SerializeToString(), binary=True)
    first = float("nan")
    try:
        while (data := await asyncio.wait_for(ws.read_message(), 120)) is not None:
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if (kind == "delta" and first != first and msg.delta.WhichOneof("type") == "new_element"
                    and msg.delta.new_element.WhichOneof("type") in CONTENT):
                first = time.perf_counter() - start
            # A run that ends early for a rerun (the app routing a first request) is not the end.
            if kind == "script_finished" and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                break
    finally:
        ws.close()
    return first, time.perf_counter() - start


def readers(server: Server, n: int, query: str = "film=ballerina") -> dict:
    async def all_at_once():
        return await asyncio.gather(*(_reader(server.url, query) for _ in range(n)))

    asyncio.run(_reader(server.url, query))  # the film analysed and cached once, as on a live server
    with PeakSampler(server) as sampler:
        results = asyncio.run(all_at_once())
    firsts = sorted(r[0] for r in results)
    return {"readers": n, "first_content_median_s": statistics.median(firsts), "first_content_max_s": firsts[-1],
            "run_max_s": max(r[1] for r in results), "peak_mib": sampler.peak}


# ------------------------------------------------------------------------------ uploads

def upload_table(path: Path, reviews: int | None = None, megabytes: float | None = None) -> Path:
    """A CSV of synthetic full reviews: ``reviews`` rows, or rows until ``megabytes``."""
    import csv

    from synthetic import generate

    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["review_id", "film", "outlet", "review"])
        # Synthetic full reviews are about 1,500 characters: enough of them for the size.
        for row in generate(reviews or int((megabytes or 1) * 1e6 / 1_000), "full"):
            writer.writerow([row["review_id"], row["film"], row["outlet"], row["review"]])
            if megabytes and fh.tell() > megabytes * 1e6:
                break
    return path


def _start_upload(browser, url: str, table: Path):
    page = browser.new_context().new_page()
    page.goto(url, wait_until="domcontentloaded", timeout=60_000)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Your reviews").click(timeout=60_000)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(table), timeout=120_000)
    # The page has read the table (its columns are shown): the Analyse button now counts.
    page.get_by_text(f"Table {table.name}", exact=False).first.wait_for(timeout=300_000)
    page.get_by_role("button", name="Analyse").click(timeout=120_000)
    return page


def _wait_done(page) -> None:
    page.get_by_text("Analysed:", exact=False).first.wait_for(timeout=600_000)


def uploads(server: Server, table: Path, at_once: int) -> dict:
    """``at_once`` readers upload ``table`` together: seconds to the last result, the peak."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            with PeakSampler(server) as sampler:
                start = time.perf_counter()
                pages = [_start_upload(browser, server.url, table) for _ in range(at_once)]
                for page in pages:
                    _wait_done(page)
                seconds = time.perf_counter() - start
            for page in pages:
                page.context.close()
        finally:
            browser.close()
    return {"uploads": at_once, "table_mb": table.stat().st_size / 1e6, "seconds": seconds, "peak_mib": sampler.peak}


def rounds(server: Server, table: Path, n: int) -> dict:
    """``n`` times a reader uploads ``table`` and leaves; the server's memory after each,
    once an abandoned session's grace time has passed."""
    from dashboard.ui.session import GRACE_S

    asyncio.run(_reader(server.url, "film=ballerina"))  # a warm server: the film and models loaded
    start = server.rss_mib()
    left, after = [], []
    for _ in range(n):
        uploads(server, table, 1)
        left.append(server.rss_mib())
        time.sleep(GRACE_S + 10)
        after.append(server.rss_mib())
    return {"start_mib": start, "on_leaving_mib": left, "after_mib": after, "kept_mib": after[-1] - start}


# ------------------------------------------------------------------------------ report

def measure_all(readers_n: int = 25, upload_reviews: int = 1_000, big_mb: float = 48.5, rounds_n: int = 5,
                only=None) -> dict:
    """Every measure above, each on a fresh server (its start is the baseline)."""
    results: dict = {"upload_reviews": upload_reviews, "rounds": {}}
    with tempfile.TemporaryDirectory() as folder:
        table = upload_table(Path(folder) / "reviews.csv", reviews=upload_reviews)
        for name, run in (
            ("readers", lambda s: readers(s, readers_n)),
            ("upload", lambda s: uploads(s, table, 1)),
            ("three uploads", lambda s: uploads(s, table, 3)),
            ("big upload", lambda s: uploads(s, upload_table(Path(folder) / "big.csv", megabytes=big_mb), 1)
             if big_mb else None),
            ("rounds", lambda s: rounds(s, table, rounds_n) if rounds_n else None),
        ):
            if only and name not in only:
                results[name] = {}
                continue
            print(f"- server: {name} ...", file=sys.stderr, flush=True)
            server = Server()
            try:
                results[name] = {"server_start_mib": server.rss_mib(), **(run(server) or {})}
            finally:
                server.close()
    return results


def print_results(results: dict) -> None:
    r = results
    print(f"\n{os.cpu_count()} CPUs; one fresh server per line\n")
    print("| measure | figure | target |\n|---|---|---|")
    if "first_content_max_s" in r["readers"]:
        print(f"| {r['readers']['readers']} readers at once: first content, median / slowest | "
              f"{r['readers']['first_content_median_s']:.2f} / {r['readers']['first_content_max_s']:.2f} s "
              f"| <= {TARGETS['first_content_s']:.0f} s |")
    if "seconds" in r["upload"]:
        print(f"| one upload of {r['upload_reviews']:,} reviews: time to the result / server peak | "
              f"{r['upload']['seconds']:.1f} s / {r['upload']['peak_mib']:.0f} MiB "
              f"| <= {TARGETS['upload_s']:.0f} s / < {TARGETS['peak_mib']:.0f} MiB |")
    if "seconds" in r["three uploads"]:
        print(f"| three uploads at once: time / server peak | {r['three uploads']['seconds']:.1f} s / "
              f"{r['three uploads']['peak_mib']:.0f} MiB | < {TARGETS['peak_mib']:.0f} MiB |")
    if "seconds" in r["big upload"]:
        print(f"| a {r['big upload']['table_mb']:.0f} MB upload: time / server peak | {r['big upload']['seconds']:.1f} s / "
              f"{r['big upload']['peak_mib']:.0f} MiB | < {TARGETS['peak_mib']:.0f} MiB |")
    if "after_mib" in r["rounds"]:
        rounds_ = r["rounds"]
        print(f"| {len(rounds_['after_mib'])} rounds of upload and leave: MiB warm -> after each, grace time passed | "
              f"{rounds_['start_mib']:.0f} -> {' -> '.join(f'{m:.0f}' for m in rounds_['after_mib'])} "
              f"(kept {rounds_['kept_mib']:+.0f}) | within {TARGETS['kept_mib']:.0f} MiB |")
        print(f"| the same, on leaving | {' -> '.join(f'{m:.0f}' for m in rounds_['on_leaving_mib'])} | |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, default=25, help="readers opening the bundled film at once (default 25)")
    parser.add_argument("--upload-reviews", type=int, default=1_000, help="reviews in an upload (default 1,000)")
    parser.add_argument("--big-mb", type=float, default=48.5,
                        help="size of the big upload in MB of 1,000,000 bytes, as the upload box counts (default 48.5, "
                             "under its 50 MB limit; 0: skip)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of upload-and-leave (default 5; 0: skip)")
    parser.add_argument("--only", action="append", choices=("readers", "upload", "three uploads", "big upload", "rounds"),
                        help="run only this measure (repeatable)")
    args = parser.parse_args(argv)
    results = measure_all(args.readers, args.upload_reviews, args.big_mb, args.rounds, args.only)
    print_results(results)
    out = REPO / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "serve.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
