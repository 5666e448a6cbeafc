"""Speed and memory of the whole analysis, against plain TextBlob over the same sentences.

    python benchmarks/speed.py [BENCHDATA_DIR] [--repeats 3] [--full N] [--quotes N] [--quick]

For each input, on the same texts and in one run:

* the project's whole analysis (ingest records -> reviews, aspects, mentions tables),
  median of ``--repeats`` runs in one process, and once in ``--jobs`` processes;
* plain TextBlob ``.sentiment`` over the analysis's own mention texts (the sentences
  and clauses it scored), median of as many runs; the ratio analysis / TextBlob;
* reviews/s and sentences/s of the analysis;
* peak memory (max RSS) of a fresh child process that runs the analysis once;
* the size of the learned scorer's model file and the time to load it;
* the time of each stage of the analysis (``pipeline.STAGES``, with reading the reviews and
  making the rows), one run per input.

Inputs: the bundled film (``data/reviews/ballerina``); the 5,006 full reviews of
``pang_lee_scale`` (dev+test; its 2,563 ``test`` reviews are timed again for the target);
the ~49,000 Rotten Tomatoes critic quotes of ``rt_critic_snippets``. BENCHDATA_DIR defaults
to ``../shared/benchdata`` beside the repository; without it, synthetic reviews
(``benchmarks/synthetic.py``) stand in: 5,006 full reviews and 100,000 quotes.

The command line as a user runs it (``cli_runs.py``, fresh processes): the full reviews as
one table of one film, serial, with ``--jobs`` and on a Dask ``LocalCluster``, against
bare TextBlob; CPU time per review of one film at 800 and at 2,563 reviews (names pooled
over all of them); the peak memory of 20,000 and 100,000 synthetic full reviews streamed
through it (``--stream-sizes``).

The time of a rerun of each page (``streamlit.testing.v1.AppTest``), with the bundled film
and with 1,000 reviews loaded (1,000 critic quotes, analysed once and put where the app
keeps a session's uploaded reviews).

The app on a real server (``serve.py``): 25 readers opening the bundled film at once
(first content), one and three uploads of 1,000 reviews and one of 48.5 MB (time and the
server's peak memory), five rounds of a reader uploading and leaving (the memory kept).

Timings on a shared machine are noisy: the medians are what to compare. Results are
printed as a table and written as JSON to ``benchmarks/results/speed.json``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dashboard.engine.batch import analyze_batch  # noqa: E402
from dashboard.reading.films import load_film_info  # noqa: E402
from dashboard.reading.ingest import read_paths
from dashboard.records import ReviewSource  # noqa: E402
from dashboard.engine.pipeline import Pipeline, analyze_sources, cyclic_gc_paused  # noqa: E402

BUNDLED = REPO / "data" / "reviews" / "ballerina"
DEFAULT_BENCHDATA = REPO.parent / "shared" / "benchdata"
TARGETS = {
    "ratio": 0.5,             # whole analysis <= half of bare TextBlob's time (stretch)
    "cli_ratio_full": 1.0,    # the command line on full reviews of one film <= TextBlob
    "one_film_growth": 1.15,  # time per review, 2,563 reviews of one film / 800
    "stream_rss_mb": 500.0,   # the command line's peak at 20,000 and 100,000 full reviews
    "full_2563_s": 30.0,      # 2,563 full reviews, 2 cores
    "rss_50k_quotes_mb": 600.0,
    "rerun_1000_ms": 150.0,
    "rerun_bundled_ms": 100.0,
}


# ------------------------------------------------------------------------------ inputs

def load_inputs(benchdata: Path | None, full: int | None, quotes: int | None, only=None) -> dict[str, dict]:
    """name -> {"sources": [...], "film": FilmInfo | None, "origin": str}; ``only``: those names."""
    wanted = (lambda name: not only or name in only)
    inputs = {}
    if wanted("bundled film"):
        report = read_paths([BUNDLED])
        inputs["bundled film"] = {"sources": report.sources, "film": load_film_info(BUNDLED), "origin": str(BUNDLED)}
    if wanted("full reviews") or wanted("full reviews, test split"):
        full_sources, origin = _full_reviews(benchdata, full)
        test = [s for s in full_sources if s.review_id.startswith("test-")] or full_sources[:2_563]
        if full is not None:
            full_sources = full_sources[:full]
            test = test[:max(1, full // 2)]
        inputs["full reviews"] = {"sources": full_sources, "film": None, "origin": origin}
        inputs["full reviews, test split"] = {"sources": test, "film": None, "origin": origin + " (test)", "target": True}
    if wanted("critic quotes"):
        quote_sources, origin = _quotes(benchdata, quotes)
        inputs["critic quotes"] = {"sources": quote_sources, "film": None, "origin": origin}
    return {name: spec for name, spec in inputs.items() if wanted(name)}


def _full_reviews(benchdata: Path | None, full: int | None) -> tuple[list[ReviewSource], str]:
    if benchdata and (benchdata / "pang_lee_scale").is_dir():
        rows = []
        for split in ("dev", "test"):
            with gzip.open(benchdata / "pang_lee_scale" / f"{split}.jsonl.gz", "rt", encoding="utf-8") as fh:
                rows += [(split, json.loads(line)) for line in fh]
        return [ReviewSource(review_id=f"{split}-{r['id']}", text=r["review"], author=r.get("author", ""),
                             origin=f"pang_lee_scale/{split}.jsonl row {i}")
                for i, (split, r) in enumerate(rows, start=1)], "pang_lee_scale dev+test"
    from synthetic import generate

    return [ReviewSource(review_id=r["review_id"], text=r["review"], film=r["film"], outlet=r["outlet"],
                         origin=f"synthetic.jsonl row {i}")
            for i, r in enumerate(generate(full or 5_006, "full"), start=1)], "synthetic full reviews"


def _quotes(benchdata: Path | None, quotes: int | None) -> tuple[list[ReviewSource], str]:
    if benchdata and (benchdata / "rt_critic_snippets").is_dir():
        import pandas as pd

        frames = [pd.read_csv(benchdata / "rt_critic_snippets" / f"{split}.tsv.gz", sep="\t",
                              keep_default_na=False, dtype=str) for split in ("dev", "test")]
        table = pd.concat(frames, ignore_index=True)
        if quotes is not None:
            table = table.head(quotes)
        return [ReviewSource(review_id=f"rt-{row}", text=text, rating=rating, author=critic, outlet=publisher,
                             origin=f"rt.tsv row {n}")
                for n, (row, text, rating, critic, publisher)
                in enumerate(zip(table["row"], table["review"], table["rating"], table["critic"], table["publisher"]),
                             start=1) if text.strip()], "rt_critic_snippets dev+test"
    from synthetic import generate

    return [ReviewSource(review_id=r["review_id"], text=r["review"], film=r["film"], outlet=r["outlet"],
                         origin=f"quotes.jsonl row {i}")
            for i, r in enumerate(generate(quotes or 100_000, "quote"), start=1)], "synthetic quotes"


# ------------------------------------------------------------------------------ measuring

def model_load() -> tuple[float, float]:
    """Size of the learned scorer's file and the time to load it (median of 3)."""
    from dashboard.engine.polarity import MODEL_PATH, load_model

    def load():
        load_model.cache_clear()
        return load_model()

    return MODEL_PATH.stat().st_size / 1e6, median_time(load, 3)[0]


def median_time(fn, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def mention_texts(tables) -> list[str]:
    mentions = tables["mentions"].drop_duplicates("mention_id")
    return [str(t) for t in mentions["text"]]


def textblob_time(texts: list[str], repeats: int) -> float:
    """Plain TextBlob over ``texts``, keeping each sentence's polarity and subjectivity.

    It is given what the analysis has: the cyclic garbage collector paused while it runs.
    Keeping one ``Sentiment`` tuple per sentence with the collector running made TextBlob
    1.7x slower (the collector rescans the kept tuples while TextBlob churns objects);
    that is not TextBlob's own work, and it made the ratio look better than it is."""
    from textblob import TextBlob

    for t in texts[:50]:  # load the lexicon before timing
        TextBlob(t).sentiment

    def bare_textblob():
        polarity, subjectivity = [], []
        for t in texts:
            sentiment = TextBlob(t).sentiment
            polarity.append(sentiment.polarity)
            subjectivity.append(sentiment.subjectivity)
        return polarity, subjectivity

    return median_time(cyclic_gc_paused(bare_textblob), repeats)[0]


def child_peak_rss(name: str, args: argparse.Namespace, jobs: int) -> float:
    """Max RSS (MB) of a fresh process that loads one input and analyses it once; with
    several jobs, that process plus its largest worker."""
    cmd = [sys.executable, __file__, "--child", name, "--jobs", str(jobs)]
    if args.benchdata:
        cmd.insert(2, str(args.benchdata))
    if args.full is not None:
        cmd += ["--full", str(args.full)]
    if args.quotes is not None:
        cmd += ["--quotes", str(args.quotes)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])["peak_rss_mb"]


def run_child(args: argparse.Namespace) -> None:
    spec = load_inputs(args.benchdata, args.full, args.quotes, only={args.child})[args.child]
    before = _rss_mb()
    analyze_batch(spec["sources"], film=spec["film"], jobs=args.jobs)
    own = _peak_mb()
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 if args.jobs > 1 else 0.0
    print(json.dumps({"peak_rss_mb": round(own + workers, 1), "loaded_rss_mb": round(before, 1)}))


def _status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status (MB), else the peak RSS."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_mb() -> float:
    """Peak RSS. VmHWM, not ru_maxrss: on Linux ru_maxrss carries over the parent's peak
    across fork and exec, so a child of a big process would report it."""
    return _status_mb("VmHWM")


def _rss_mb() -> float:
    return _status_mb("VmRSS")


def measure(name: str, spec: dict, args: argparse.Namespace) -> dict:
    sources, film = spec["sources"], spec["film"]
    n = len(sources)
    print(f"- {name}: {n:,} reviews ({spec['origin']}) ...", file=sys.stderr, flush=True)
    row: dict = {"input": name, "origin": spec["origin"], "reviews": n}
    if not spec.get("target"):
        analysis_s, result = median_time(lambda: analyze_batch(sources, film=film), args.repeats)
        texts = mention_texts(result.tables())
        row.update(sentences=len(texts), analysis_s=analysis_s, reviews_per_s=n / analysis_s,
                   sentences_per_s=len(texts) / analysis_s)
        del result
        row["textblob_s"] = textblob_time(texts, args.repeats)
        row["ratio"] = analysis_s / row["textblob_s"] if row["textblob_s"] else float("nan")
    if not spec.get("target"):
        row["stages"] = stage_times(sources, film)
    if args.jobs > 1 and (spec.get("target") or n <= 200):
        jobs_s, _ = median_time(lambda: analyze_batch(sources, film=film, jobs=args.jobs), args.repeats)
        row[f"analysis_{args.jobs}_procs_s"] = jobs_s
    if not args.no_memory and not spec.get("target"):
        row["peak_rss_mb"] = child_peak_rss(name, args, 1)
    return row


def stage_times(sources: list, film) -> dict[str, float]:
    """Seconds per stage of one analysis of ``sources`` (one run, in this process)."""
    pipeline = Pipeline()
    analyze_sources(sources, film=film, pipeline=pipeline)
    return dict(pipeline.timings)


def print_stage_table(rows: list[dict]) -> None:
    """Per input: each stage's seconds and share of the analysis, and the whole analysis
    against bare TextBlob over the same sentences."""
    rows = [r for r in rows if "stages" in r]
    if not rows:
        return
    stages = list(rows[0]["stages"])
    print("\nTime per stage (one run; s and share of the whole), and the whole against bare TextBlob:\n")
    print("| stage | " + " | ".join(r["input"] for r in rows) + " |")
    print("|---|" + "---|" * len(rows))
    for stage in stages:
        cells = []
        for r in rows:
            total = sum(r["stages"].values()) or 1.0
            cells.append(f"{r['stages'][stage]:.2f} s ({100 * r['stages'][stage] / total:.0f}%)")
        print(f"| {stage} | " + " | ".join(cells) + " |")
    print("| whole analysis / TextBlob | " + " | ".join(f"{r['ratio']:.2f}" for r in rows) + " |")


# ------------------------------------------------------------------------------ the command line

def cli_rows(args: argparse.Namespace, full_sources: list, textblob_s: float | None) -> dict:
    """The command line as a user runs it, in fresh processes: the full reviews as one table
    of one film (serial, ``--jobs``, a Dask ``LocalCluster``), against bare TextBlob over
    the same reviews' sentences; time per review of one film at n and about 3n reviews; and
    the peak memory of streamed synthetic corpora."""
    import tempfile
    from dataclasses import asdict

    from cli_runs import one_film_growth, run_cli, synthetic_table, write_jsonl

    out: dict = {"runs": [], "stream": []}
    with tempfile.TemporaryDirectory() as folder:
        table = write_jsonl(({**asdict(s), "film": "One Film"} for s in full_sources), Path(folder) / "full.jsonl")
        for options in ((), ("--jobs", str(args.jobs)), ("--engine", "dask", "--jobs", str(args.jobs))):
            print(f"- command line, {len(full_sources):,} full reviews of one film {' '.join(options)} ...",
                  file=sys.stderr, flush=True)
            run = run_cli(table, *options)
            run["ratio"] = run["wall_s"] / textblob_s if textblob_s else float("nan")
            out["runs"].append(run)
        for n in args.stream_sizes:
            print(f"- command line, {n:,} synthetic full reviews, streamed ...", file=sys.stderr, flush=True)
            out["stream"].append({"reviews": n, **run_cli(synthetic_table(n, Path(folder)))})
    sizes = (min(800, len(full_sources) // 3), min(2_563, len(full_sources)))
    print(f"- one film, {sizes[0]:,} then {sizes[1]:,} reviews ...", file=sys.stderr, flush=True)
    out["growth"] = one_film_growth(full_sources, sizes)
    return out


def print_cli(cli: dict, reviews: int) -> None:
    print(f"\nThe command line (fresh process; {reviews:,} full reviews, one table of one film):\n")
    print("| options | wall s | / TextBlob | peak RSS MB | largest worker MB |\n|---|---|---|---|---|")
    for run in cli["runs"]:
        print(f"| {run['options']} | {run['wall_s']:.1f} | {run['ratio']:.2f} | {run['peak_rss_mb']:.0f} "
              f"| {run['worker_peak_rss_mb']:.0f} |")
    if cli["stream"]:
        print("\n| synthetic full reviews, streamed | wall s | peak RSS MB |\n|---|---|---|")
        for run in cli["stream"]:
            print(f"| {run['reviews']:,} | {run['wall_s']:.0f} | {run['peak_rss_mb']:.0f} |")
    g = cli["growth"]
    small, large = g["sizes"]
    print(f"\none film: {g['ms_per_review'][small]:.1f} ms per review at {small:,} reviews, "
          f"{g['ms_per_review'][large]:.1f} at {large:,} (ratio {g['ratio']:.2f})")


# ------------------------------------------------------------------------------ app reruns

def app_reruns(args: argparse.Namespace, many_sources: list) -> list[dict]:
    """Page rerun times with AppTest, per page: the bundled film (a link with ?film=ballerina),
    and 1,000 reviews loaded (put where the app keeps a session's uploaded reviews)."""
    app = REPO / "app.py"
    if not app.is_file():
        print("- app reruns: skipped (no app.py yet)", file=sys.stderr)
        return []
    from streamlit.testing.v1 import AppTest

    from dashboard.records import Analysis
    from dashboard.ui import session

    print(f"- app reruns: analysing {min(1000, len(many_sources)):,} reviews to load ...", file=sys.stderr, flush=True)
    tables = analyze_batch(many_sources[:1000]).tables()
    # The pages get the tables analyze_sources gives: plain columns, not categoricals.
    plain = {name: frame.astype({c: str for c in frame.columns if str(frame[c].dtype) == "category"})
             for name, frame in tables.items()}
    loaded = Analysis(**plain)
    pages = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "pages").glob("[0-9]_*.py")
                   if "your_reviews" not in p.name)
    rows = []
    for label, count, film_key in (("bundled film", 4, "ballerina"), ("1,000 reviews", len(loaded.reviews), session.UPLOAD_KEY)):
        for page in pages:
            at = AppTest.from_file(str(app), default_timeout=600)
            at.query_params["film"] = film_key
            if film_key == session.UPLOAD_KEY:
                at.session_state[session._STORE] = (loaded, "benchmark")
            at.switch_page(page)
            start = time.perf_counter()
            at.run()
            first = time.perf_counter() - start
            if at.exception:
                print(f"- app ({label}, {page}): the page raised {at.exception[0].value}", file=sys.stderr)
            reruns, _ = median_time(at.run, max(5, args.repeats))
            rows.append({"input": label, "page": Path(page).stem, "reviews": count, "first_run_s": first,
                         "rerun_ms": reruns * 1000})
            print(f"  {label}, {Path(page).stem}: rerun {reruns * 1000:.0f} ms", file=sys.stderr, flush=True)
    return rows


# ------------------------------------------------------------------------------ report

def print_table(rows: list[dict], jobs: int) -> None:
    head = ["input", "reviews", "sentences", "analysis s", "reviews/s", "sentences/s", "TextBlob s", "ratio",
            f"{jobs} procs s", "peak RSS MB"]
    keys = ["input", "reviews", "sentences", "analysis_s", "reviews_per_s", "sentences_per_s", "textblob_s", "ratio",
            f"analysis_{jobs}_procs_s", "peak_rss_mb"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for row in rows:
        cells = []
        for k in keys:
            v = row.get(k, "")
            cells.append(f"{v:,.2f}" if isinstance(v, float) else f"{v:,}" if isinstance(v, int) else str(v))
        print("| " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("benchdata", nargs="?", type=Path, default=None,
                        help=f"benchmark data folder (default {DEFAULT_BENCHDATA}; absent: synthetic reviews)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per timing; the median is reported (default 3)")
    parser.add_argument("--full", type=int, help="use only the first N full reviews")
    parser.add_argument("--quotes", type=int, help="use only the first N quotes")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the parallel timing (default 2)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 200 full reviews, 2,000 quotes, 1 repeat")
    parser.add_argument("--only", action="append", help="measure only this input (repeatable)")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-RSS child processes")
    parser.add_argument("--no-app", action="store_true", help="skip the AppTest page reruns")
    parser.add_argument("--no-serve", action="store_true",
                        help="skip the real-server measures (benchmarks/serve.py): 25 readers at once, uploads' time "
                             "and memory, five rounds of upload-and-leave")
    parser.add_argument("--no-cli", action="store_true",
                        help="skip the command-line runs (one film serial, --jobs, Dask; streamed corpora; growth)")
    parser.add_argument("--stream-sizes", type=lambda v: [int(x) for x in v.split(",") if x], default=[20_000, 100_000],
                        metavar="N,M", help="synthetic corpora streamed through the command line for peak memory "
                                            "(default 20000,100000; empty to skip)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.benchdata is None and DEFAULT_BENCHDATA.is_dir():
        args.benchdata = DEFAULT_BENCHDATA
    if args.quick:
        args.full, args.quotes, args.repeats = args.full or 200, args.quotes or 2_000, 1
        args.stream_sizes = [min(n, 2_000) for n in args.stream_sizes]
    if args.child:
        run_child(args)
        return 0

    model_mb, model_load_s = model_load()
    only = set(args.only or ())
    inputs = load_inputs(args.benchdata, args.full, args.quotes, only=only)
    rows = [measure(name, spec, args) for name, spec in inputs.items() if not args.only or name in args.only]
    full = next((r for r in rows if r["input"] == "full reviews"), None)
    cli = None
    if not args.no_cli and full is not None:
        cli = cli_rows(args, inputs["full reviews"]["sources"], full.get("textblob_s"))
    apps = [] if args.no_app else app_reruns(args, _quotes(args.benchdata, 1000)[0])
    served = None
    if not args.no_serve:
        import serve

        served = (serve.measure_all(5, 100, 0, 1) if args.quick else serve.measure_all())

    print(f"\n{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs; "
          f"medians of {args.repeats} run(s); benchdata: {args.benchdata or 'synthetic'}\n")
    print_table(rows, args.jobs)
    print_stage_table(rows)
    if cli:
        print_cli(cli, full["reviews"])
    if apps:
        print("\n| page | loaded | rerun ms (median) | first run s |\n|---|---|---|---|")
        for row in apps:
            print(f"| {row['page']} | {row['input']} | {row['rerun_ms']:.0f} | {row['first_run_s']:.2f} |")
    if served:
        import serve

        print("\nThe app on a real server (benchmarks/serve.py):")
        serve.print_results(served)
    print(f"\ncritic scorer model: {model_mb:.1f} MB on disk, loads in {model_load_s:.2f} s (target < 1 s)")
    print("\ntargets:")
    for row in rows:
        if "ratio" in row:
            print(f"  {row['input']}: analysis / TextBlob = {row['ratio']:.2f} (target <= {TARGETS['ratio']})")
        key = f"analysis_{args.jobs}_procs_s"
        if row.get("input") == "full reviews, test split" and key in row:
            print(f"  {row['reviews']:,} full reviews in {args.jobs} processes: {row[key]:.1f} s "
                  f"(target < {TARGETS['full_2563_s']:.0f} s for 2,563)")
        if row.get("input") == "critic quotes" and "peak_rss_mb" in row:
            print(f"  {row['reviews']:,} quotes: peak RSS {row['peak_rss_mb']:.0f} MB "
                  f"(target < {TARGETS['rss_50k_quotes_mb']:.0f} MB for 50,000)")
    if cli:
        for run in cli["runs"]:
            print(f"  command line, full reviews of one film, {run['options']}: {run['ratio']:.2f} x TextBlob "
                  f"(target <= {TARGETS['cli_ratio_full']})")
        for run in cli["stream"]:
            print(f"  {run['reviews']:,} full reviews streamed: peak RSS {run['peak_rss_mb']:.0f} MB "
                  f"(target < {TARGETS['stream_rss_mb']:.0f} MB)")
        print(f"  one film, time per review at {cli['growth']['sizes'][1]:,} / at {cli['growth']['sizes'][0]:,}: "
              f"{cli['growth']['ratio']:.2f} (target <= {TARGETS['one_film_growth']})")
    for row in apps:
        target = TARGETS["rerun_bundled_ms"] if row["input"] == "bundled film" else TARGETS["rerun_1000_ms"]
        print(f"  page rerun, {row['page']}, {row['input']}: {row['rerun_ms']:.0f} ms (target < {target:.0f} ms)")
    results = REPO / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "speed.json").write_text(json.dumps({"rows": rows, "app": apps, "cli": cli, "served": served, "repeats": args.repeats,
                                                    "model_mb": model_mb, "model_load_s": model_load_s,
                                                    "benchdata": str(args.benchdata or "synthetic")}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
