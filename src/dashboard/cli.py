"""Command line: ``python -m dashboard analyze PATH... --out DIR``.

Writes ``reviews.csv``, ``aspects.csv`` and ``mentions.csv`` (plus ``set_aside.csv``).
Bad input never produces a traceback: each problem is one line on stderr, and the exit
code is 0 when anything was analysed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .films import load_film_info
from .ingest import read_paths
from .sentiment import DEFAULT_SCORER, SCORER_NAMES

OUTPUT_TABLES = ("reviews", "aspects", "mentions", "set_aside")


def _progress_bar(done: int, total: int) -> None:
    if total < 20 or not sys.stderr.isatty() and done != total:
        return
    width = 30
    filled = int(width * done / total)
    sys.stderr.write(f"\ranalysing [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


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
    return parser


def run_analyze(args: argparse.Namespace) -> int:
    from .aspects import load_taxonomy
    from .pipeline import analyze_sources

    report = read_paths(args.paths)
    for problem in report.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    if not report.sources:
        print("error: nothing to analyse (no readable review in the given paths)", file=sys.stderr)
        return 2
    try:
        taxonomy = load_taxonomy(args.taxonomy) if args.taxonomy else None
    except (OSError, ValueError) as exc:
        print(f"error: could not read the taxonomy file: {exc}", file=sys.stderr)
        return 2
    film_path = Path(args.film_info).parent if args.film_info else next(
        (Path(p) for p in args.paths if Path(p).is_dir()), Path(args.paths[0]).parent)
    film = load_film_info(film_path)
    if film.problem:
        print(f"note: {film.problem}", file=sys.stderr)
    analysis = analyze_sources(report.sources, scorer=args.scorer, taxonomy=taxonomy, film=film, progress=_progress_bar)
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name in OUTPUT_TABLES:
            getattr(analysis, name).to_csv(out / f"{name}.csv", index=False)
    except OSError as exc:
        print(f"error: could not write to {out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"analysed {len(analysis.reviews)} review(s), {len(analysis.mentions)} mention rows -> {out}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "analyze":
        return run_analyze(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
