"""Command line: ``python -m dashboard analyze PATH... --out DIR``.

Writes ``reviews.csv``, ``aspects.csv`` and ``mentions.csv`` (plus ``set_aside.csv``), or
the same tables as Parquet with ``--format parquet``. Large batches: ``--jobs N`` analyses
partitions in N processes, ``--engine dask`` on a Dask cluster, and ``--cache DIR`` keeps
each file's tables so that re-analysing a folder only analyses the files that changed
(see ``dashboard.batch``). Bad input never produces a traceback: each problem is one line
on stderr, and the exit code is 0 when anything was analysed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.reading.films import load_film_info
from dashboard.reading.ingest import CheckedReadings, notes_and_skips, read_paths, stream_paths
from dashboard.engine.polarity import DEFAULT_SCORER, SCORER_NAMES
from dashboard.present.export import FORMATS, TableFiles
from dashboard.records import OUTPUT_TABLES, TABLE_COLUMNS
from dashboard.text.wording import count


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


class _ProgressBar:
    """Reviews done, their rate and the time left, on stderr (tqdm); nothing when stderr is
    not a terminal (a log file or a pipe)."""

    def __init__(self) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=None, desc="analysing", unit="review", file=sys.stderr, disable=None,
                        dynamic_ncols=True)

    def __call__(self, done: int, total: int) -> None:
        self.bar.total = total
        self.bar.update(done - self.bar.n)
        if done >= total:
            self.bar.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dashboard", description="What film critics think, aspect by aspect.")
    sub = parser.add_subparsers(dest="command", required=True)
    analyze = sub.add_parser("analyze", help="analyse review files and write the tables as CSV")
    analyze.add_argument("paths", nargs="+", help="review files (.txt, .md, .html, .csv, .jsonl) or folders of them")
    analyze.add_argument("--out", required=True, help="folder to write reviews.csv, aspects.csv, mentions.csv into")
    analyze.add_argument("--scorer", choices=SCORER_NAMES, default=DEFAULT_SCORER,
                         help="sentence scorer: 'critic' (default) or the plain 'textblob' baseline")
    analyze.add_argument("--taxonomy", help="a TOML file of aspects to use instead of the bundled one")
    analyze.add_argument("--film-info", help="a film.toml with title and cast (default: film.toml in the folder)")
    analyze.add_argument("--format", choices=FORMATS, default="csv",
                         help="table format: 'csv' (default) or 'parquet' (needs pyarrow)")
    analyze.add_argument("--jobs", type=_positive_int, default=1, metavar="N",
                         help="analyse in N parallel processes (default 1); the tables are the same")
    analyze.add_argument("--cache", metavar="DIR",
                         help="keep each file's tables in DIR (off by default); a rerun only analyses "
                              "files whose content changed, or all of them when the scorer, the taxonomy, "
                              "the film details or the analysis code changed. Use a folder you trust; "
                              "delete it to free the space")
    analyze.add_argument("--engine", choices=("local", "dask"), default="local",
                         help="'local' (default): this machine, --jobs processes; 'dask': a Dask distributed "
                              "cluster (needs dask[distributed]): --scheduler ADDRESS, or a local cluster "
                              "of --jobs workers")
    analyze.add_argument("--scheduler", metavar="ADDRESS",
                         help="with --engine dask: the scheduler to connect to, e.g. tcp://10.0.0.5:8786")
    analyze.add_argument("--max-rows", type=_positive_int, metavar="N",
                         help="read only the first N rows of each table (default: every row)")
    return parser


def run_analyze(args: argparse.Namespace) -> int:
    from dashboard.engine.aspects import load_taxonomy

    if missing := _missing_packages(args):
        print(f"error: {missing}", file=sys.stderr)
        return 2
    try:
        taxonomy = load_taxonomy(args.taxonomy) if args.taxonomy else None
    except (OSError, ValueError) as exc:
        print(f"error: could not read the taxonomy file: {exc}", file=sys.stderr)
        return 2
    film_path = Path(args.film_info).parent if args.film_info else next(
        (Path(p) for p in args.paths if Path(p).is_dir()), Path(args.paths[0]).parent)
    film = load_film_info(film_path)
    out = Path(args.out)
    try:
        files = TableFiles(out, OUTPUT_TABLES, args.format)
        done = None
        try:
            done = (_analyze_cached if args.cache else _analyze_streamed)(args, film, taxonomy, files)
        finally:
            files.close(TABLE_COLUMNS if done else None)
    except _Stop as stop:
        print(f"error: {stop}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: could not write to {out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    messages, reviews, mentions = done
    # What was left out or cut is counted here too, so that it cannot scroll out of sight.
    left = [count(n, f"{kind} line") for kind, n in messages.items() if n]
    print(f"analysed {count(reviews, 'review')}, {count(mentions, 'mention row')} -> {out}/"
          + (f" ({', '.join(left)} above)" if left else ""))
    return 0


class _Stop(Exception):
    """Nothing can be analysed: the message says why."""


def _say(problems: list[str], origins, analysis_notes: list[str]) -> dict[str, int]:
    """Print the reading's messages (skips and notes) and the analysis's notes; their counts."""
    notes, skips = notes_and_skips(problems, origins)
    notes += analysis_notes
    for kind, messages in (("skipped", skips), ("note", notes)):
        for message in messages:
            print(f"{kind}: {message}", file=sys.stderr)
    return {"note": len(notes), "skipped": len(skips)}


def _analyze_streamed(args, film, taxonomy, files: "TableFiles") -> tuple[dict[str, int], int, int]:
    """Read, analyse and write a chunk at a time: a corpus of any size in bounded memory."""
    from dashboard.engine.batch import make_runner
    from dashboard.engine.partitions import PARTITION_CHARS
    from dashboard.engine.stream import analyze_stream

    try:
        runner = make_runner(args.engine, args.jobs, scheduler=args.scheduler)
    except OSError as exc:
        raise _Stop(f"could not reach the Dask scheduler at {args.scheduler}: {exc}") from None
    try:
        readings = CheckedReadings()  # each reading of the paths after the first replays the first one's checks
        totals = analyze_stream(lambda: stream_paths(args.paths, max_rows=args.max_rows, readings=readings),
                                files.write, scorer=args.scorer, taxonomy=taxonomy, film=film, runner=runner,
                                jobs=args.jobs, partition_chars=PARTITION_CHARS, progress=_ProgressBar())
    finally:
        runner.close()
    said = _say(totals.problems, totals.origins, [*([film.problem] if film.problem else []), *totals.notes])
    if not totals.reviews:
        raise _Stop("nothing to analyse (no readable review in the given paths)")
    return said, totals.reviews, totals.mentions


def _analyze_cached(args, film, taxonomy, files: "TableFiles") -> tuple[dict[str, int], int, int]:
    """With ``--cache``: the batch in memory, each file's tables kept for the next run."""
    from dashboard.engine.batch import analyze_report

    report = read_paths(args.paths, max_rows=args.max_rows)
    if not report.sources:
        _say(report.problems, (), [])
        raise _Stop("nothing to analyse (no readable review in the given paths)")
    try:
        analysis = analyze_report(report, film, scorer=args.scorer, taxonomy=taxonomy, jobs=args.jobs,
                                  engine=args.engine, cache_dir=args.cache, scheduler=args.scheduler,
                                  progress=_ProgressBar())
    except OSError as exc:
        if args.scheduler:
            raise _Stop(f"could not reach the Dask scheduler at {args.scheduler}: {exc}") from None
        raise _Stop(f"could not use the cache folder {args.cache}: {exc.strerror or exc}") from None
    said = _say(report.problems, [s.origin for s in report.sources], analysis.problems)
    if analysis.reused:
        said["note"] += 1
        print(f"note: {analysis.reused:,} of {count(analysis.files, 'file')} unchanged, taken from the cache",
              file=sys.stderr)
    files.write({name: analysis.table(name) for name in OUTPUT_TABLES})
    return said, len(analysis.reviews), len(analysis.mentions)


def _missing_packages(args: argparse.Namespace) -> str:
    """Why the chosen options cannot run here ("" when they can)."""
    import importlib.util

    if args.format == "parquet" and importlib.util.find_spec("pyarrow") is None:
        return "--format parquet needs the pyarrow package (pip install pyarrow)"
    if args.engine == "dask" and (importlib.util.find_spec("dask") is None
                                  or importlib.util.find_spec("distributed") is None):
        return "--engine dask needs Dask distributed (pip install 'dask[distributed]')"
    if args.scheduler and args.engine != "dask":
        return "--scheduler only applies with --engine dask"
    return ""


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "analyze":
        return run_analyze(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
