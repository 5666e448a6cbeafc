"""The command line: tables out, one line per problem, the batch options."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.engine.batch import analyze_batch
from dashboard.reading.ingest import read_paths

REVIEWS = {
    "one.txt": "By Jane Critic\n\nEve (Ana de Armas) is a ferocious lead and the action is superb.\n\nRating: 4/5",
    "two.txt": "Eve is wasted by a clumsy script, but the fights are thrilling. The score is loud.",
    "three.md": "A gorgeous, moving film. The direction is confident; the pacing drags a little.",
}


@pytest.fixture()
def film(tmp_path):
    folder = tmp_path / "ballerina"
    folder.mkdir()
    for name, text in REVIEWS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "film.toml").write_text('title = "Ballerina"\n[people]\ncast = ["Ana de Armas"]\n', encoding="utf-8")
    return folder


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_writes_the_csv_tables(film, tmp_path, capsys):
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "analyze", str(film), "--out", str(out))
    assert code == 0
    mentions = pd.read_csv(out / "mentions.csv")
    assert stdout.strip() == f"analysed 3 reviews, {len(mentions):,} mention rows -> {out}/"
    for name in ("reviews", "aspects", "mentions", "set_aside"):
        assert (out / f"{name}.csv").is_file()
    assert len(pd.read_csv(out / "reviews.csv")) == 3


def test_jobs_give_the_same_files(film, tmp_path, capsys):
    run(capsys, "analyze", str(film), "--out", str(tmp_path / "one"))
    code, _, _ = run(capsys, "analyze", str(film), "--out", str(tmp_path / "two"), "--jobs", "2")
    assert code == 0
    for name in ("reviews", "aspects", "mentions", "set_aside"):
        assert (tmp_path / "one" / f"{name}.csv").read_bytes() == (tmp_path / "two" / f"{name}.csv").read_bytes()


def test_parquet_holds_the_csv_tables(film, tmp_path, capsys):
    pytest.importorskip("pyarrow")
    run(capsys, "analyze", str(film), "--out", str(tmp_path / "csv"))
    code, _, _ = run(capsys, "analyze", str(film), "--out", str(tmp_path / "pq"), "--format", "parquet")
    assert code == 0
    for name in ("reviews", "aspects", "mentions"):
        from_csv = pd.read_csv(tmp_path / "csv" / f"{name}.csv", keep_default_na=False)
        from_parquet = pd.read_parquet(tmp_path / "pq" / f"{name}.parquet")
        assert len(from_csv) == len(from_parquet)
        assert list(from_csv.columns) == list(from_parquet.columns)
        assert from_csv["review_id"].astype(str).tolist() == from_parquet["review_id"].astype(str).tolist()


def test_cache_reuses_unchanged_files(film, tmp_path, capsys):
    cache = tmp_path / "cache"
    code, _, err = run(capsys, "analyze", str(film), "--out", str(tmp_path / "a"), "--cache", str(cache))
    assert code == 0 and "cache" not in err
    code, _, err = run(capsys, "analyze", str(film), "--out", str(tmp_path / "b"), "--cache", str(cache))
    assert code == 0
    assert "note: 3 of 3 files unchanged, taken from the cache" in err
    assert (tmp_path / "a" / "mentions.csv").read_bytes() == (tmp_path / "b" / "mentions.csv").read_bytes()
    (film / "three.md").write_text("A dull film. The direction is timid.", encoding="utf-8")
    code, _, err = run(capsys, "analyze", str(film), "--out", str(tmp_path / "c"), "--cache", str(cache))
    assert "note: 2 of 3 files unchanged" in err


def test_bad_jobs_is_a_usage_error(film, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(film), "--out", str(tmp_path / "o"), "--jobs", "0"])
    assert exit_.value.code == 2
    assert "must be 1 or more" in capsys.readouterr().err


def test_scheduler_needs_the_dask_engine(film, tmp_path, capsys):
    code, _, err = run(capsys, "analyze", str(film), "--out", str(tmp_path / "o"), "--scheduler", "tcp://x:1")
    assert code == 2
    assert err.strip() == "error: --scheduler only applies with --engine dask"


def test_nothing_to_analyse(tmp_path, capsys):
    code, _, err = run(capsys, "analyze", str(tmp_path / "missing"), "--out", str(tmp_path / "o"))
    assert code == 2
    assert "skipped:" in err and "error: nothing to analyse" in err


def test_help_documents_the_batch_options(capsys):
    with pytest.raises(SystemExit):
        main(["analyze", "--help"])
    text = capsys.readouterr().out
    for option in ("--jobs", "--cache", "--format", "--engine", "--scheduler", "--max-rows"):
        assert option in text


def test_csv_cells_that_would_run_as_formulas_are_written_as_text(tmp_path, capsys):
    # The command line writes through the same spreadsheet-safe writer as the app's downloads.
    table = tmp_path / "quotes.csv"
    table.write_text('review_id,text,outlet\nq1,"A gorgeous, moving film.","=HYPERLINK(""http://x"",""click"")"\n',
                     encoding="utf-8")
    code, _, _ = run(capsys, "analyze", str(table), "--out", str(tmp_path / "out"))
    assert code == 0
    outlet = pd.read_csv(tmp_path / "out" / "reviews.csv")["outlet"].iloc[0]
    assert outlet == "'=HYPERLINK(\"http://x\",\"click\")"


def _quotes(path, rows: int):
    lines = ["review_id,text"] + [f'q{i},"A gorgeous, moving film, number {i}."' for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_upload_page_limits_do_not_cut_the_command_line(tmp_path, capsys, monkeypatch):
    from dashboard.reading import ingest, tables

    # As if the page's limits were tiny: the command line reads whole files and tables.
    monkeypatch.setattr(tables, "MAX_TABLE_ROWS", 2)
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 10)
    table = _quotes(tmp_path / "quotes.csv", 6)
    code, stdout, err = run(capsys, "analyze", str(table), "--out", str(tmp_path / "out"))
    assert code == 0 and err == ""
    assert len(pd.read_csv(tmp_path / "out" / "reviews.csv")) == 6
    assert stdout.startswith("analysed 6 reviews")


def test_max_rows_is_opt_in_and_counted_in_the_summary(tmp_path, capsys):
    table = _quotes(tmp_path / "quotes.csv", 6)
    code, stdout, err = run(capsys, "analyze", str(table), "--out", str(tmp_path / "out"), "--max-rows", "4")
    assert code == 0
    assert len(pd.read_csv(tmp_path / "out" / "reviews.csv")) == 4
    assert "note: quotes.csv: more than 4 rows; only the first 4 are read" in err
    assert stdout.rstrip().endswith("(1 note line above)")


def test_a_note_about_a_row_that_was_analysed_is_no_skip(tmp_path, capsys):
    table = tmp_path / "quotes.csv"
    table.write_text('review_id,text,rating\nq1,"A gorgeous, moving film.",banana\n'
                     'q2,"A clumsy, tedious film.",2/5\n', encoding="utf-8")
    code, _, err = run(capsys, "analyze", str(table), "--out", str(tmp_path / "out"))
    assert code == 0
    assert "skipped:" not in err and "note: quotes.csv row" in err


def test_time_left_is_said_in_plain_words():
    from dashboard.text.wording import time_left

    assert time_left(0, 100, 5.0) == "" and time_left(100, 100, 5.0) == ""
    assert time_left(50, 100, 20.0) == "about 20 seconds left"
    assert time_left(10, 100, 60.0) == "about 9 minutes left"


def test_the_progress_bar_is_quiet_when_stderr_is_not_a_terminal(film, tmp_path, capsys):
    code, _, err = run(capsys, "analyze", str(film), "--out", str(tmp_path / "out"))
    assert code == 0 and "analysing" not in err


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_are_written_part_by_part_as_the_one_run_writes_them(tmp_path, capsys, monkeypatch, fmt):
    """A table read 3 rows at a time and analysed in parts of a few reviews: the files hold
    the rows of one in-memory run, in order."""
    from dashboard.engine import partitions
    from dashboard.reading import tables

    monkeypatch.setattr(tables, "CHUNK_ROWS", 3)
    monkeypatch.setattr(partitions, "PARTITION_CHARS", 60)
    rows = ["The acting is superb but the plot is thin.", "A dull, lifeless script.", "Gorgeous visuals.",
            "The score soars.", "Too long by half an hour.", "The fights are thrilling.", "A masterpiece."]
    path = tmp_path / "quotes.csv"
    path.write_text("id,text,film\n" + "".join(f'q{i},"{t}",Same Film\n' for i, t in enumerate(rows)),
                    encoding="utf-8")
    code, stdout, _ = run(capsys, "analyze", str(path), "--out", str(tmp_path / "out"), "--format", fmt)
    assert code == 0 and stdout.startswith("analysed 7 reviews")
    expected = analyze_batch(read_paths([path]).sources)
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    for name in ("reviews", "mentions"):
        got = read(tmp_path / "out" / f"{name}.{fmt}")
        assert list(got["review_id"].astype(str)) == list(expected.table(name)["review_id"].astype(str))
        assert list(got.columns) == list(expected.table(name).columns)
