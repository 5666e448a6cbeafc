"""Bringing your own reviews: every kind of bad input gets a clear message naming the file
or row, and the rest of the batch goes on."""

from __future__ import annotations

import json
from dataclasses import replace
import math
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.engine.batch import analyze_report
from dashboard.reading import checks, decode, ingest, tables
from dashboard.reading.ingest import read_bytes, read_paths, read_pasted, read_uploads
from dashboard.engine.pipeline import analyze_sources

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = ("The acting is superb and the story is gripping, though the pacing drags in the middle. "
        "The music is lovely and the action scenes are thrilling.")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 4


def one(report):
    assert len(report.sources) == 1, report.problems
    return report.sources[0]


# --- single files ----------------------------------------------------------------------------


def test_plain_text_and_markdown():
    src = one(read_bytes(GOOD.encode(), "my review.txt"))
    assert src.text == GOOD and src.review_id == "my_review" and src.origin == "my review.txt"
    assert one(read_bytes(b"# Title\n\n" + GOOD.encode(), "r.md")).text.startswith("# Title")


def test_markdown_is_read_as_its_reader_sees_it():
    text = ("# Title\n\nA [gorgeous](https://example.com/t?id=(1) \"t\") little film. ![poster](p.jpg)\n"
            "See [the trailer][1] or <https://example.com>.\n\n[1]: https://example.com/trailer\n"
            "<script>document.location='https://evil.example'</script><b>Bold</b> choices.\n")
    src = one(read_bytes(text.encode(), "r.md"))
    assert src.text.rstrip("\n").split("\n") == ["# Title", "", "A gorgeous little film. ", "See the trailer or .", "", "",
                                    "Bold choices."]
    # a plain text file is kept as written
    assert "[gorgeous](https://example.com/t?id=(1)" in one(read_bytes(text.encode(), "r.txt")).text
    # an unclosed script block drops the rest; thousands of them take no time
    assert one(read_bytes(b"Fine film. <script>x" + b"<script>" * 50_000, "r.md")).text == "Fine film. "


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_file_named(data):
    report = read_bytes(data, "empty.txt")
    assert not report.sources
    assert report.problems == ["empty.txt: the file is empty"]


@pytest.mark.parametrize("name,data", [("photo.txt", PNG), ("paper.txt", PDF), ("zip.md", b"PK\x03\x04" + bytes(300)),
                                       ("nul.txt", b"hello\x00world" * 20)])
def test_binary_renamed_txt(name, data):
    report = read_bytes(data, name)
    assert not report.sources
    assert len(report.problems) == 1 and report.problems[0].startswith(f"{name}: this is not a text file")


def test_text_that_merely_starts_like_a_signature_is_text():
    # "BM" (bitmap) and "RIFF" are words too.
    assert one(read_bytes(b"BMW product placement aside, " + GOOD.encode(), "bmw.txt"))


def test_cp1252_is_decoded_without_mojibake():
    text = "The film’s score is “lovely” — a café scene, naïve and touching… " + GOOD
    src = one(read_bytes(text.encode("cp1252"), "windows.txt"))
    assert src.text == text
    assert "â€" not in src.text and "Ã" not in src.text


def test_latin1_is_decoded():
    text = "Fiancée, déjà vu and señor: " + GOOD
    assert one(read_bytes(text.encode("latin-1"), "latin.txt")).text == text


def test_utf16_with_bom():
    text = "Caf\u00e9 review: " + GOOD
    assert one(read_bytes("\ufeff".encode("utf-16-le")[:0] + b"\xff\xfe" + text.encode("utf-16-le"), "u16.txt")).text == text


def test_mostly_utf8_with_a_broken_byte_keeps_utf8():
    data = ("Café déjà vu — " + GOOD).encode("utf-8") + b" broken \xff byte."
    report = read_bytes(data, "broken.txt")
    src = one(report)
    assert src.text.startswith("Café déjà vu — ")
    assert any(p.startswith("broken.txt: some bytes could not be decoded") for p in report.problems)


def test_utf8_with_more_broken_bytes_than_letters_keeps_utf8_and_says_so():
    # one accented letter and two broken bytes: still UTF-8, not "CafÃ©"
    data = "Café society. ".encode("utf-8") + b"\xff\xfe " + GOOD.encode("utf-8")
    report = read_bytes(data, "broken.txt")
    assert one(report).text.startswith("Café society.")
    assert any(p.startswith("broken.txt: some bytes could not be decoded") for p in report.problems)


def test_a_guessed_encoding_is_named_in_a_note():
    report = read_bytes(("A café scene, naïve and touching. " + GOOD).encode("cp1252"), "windows.txt")
    assert one(report).text.startswith("A café scene")
    assert any(p.startswith("windows.txt: not saved in the usual text encoding (UTF-8); read as Windows-1252") for p in report.problems)


def test_notes_about_analysed_files_are_told_from_files_left_out():
    from dashboard.reading.ingest import notes_and_skips

    messages = ["quotes.csv row 3: the rating 'banana' makes no sense; left empty",
                "long.txt: only the first 200,000 characters are analysed",
                "photo.txt: this is not a text file"]
    notes, skips = notes_and_skips(messages, ["quotes.csv row 1", "quotes.csv row 3", "long.txt"])
    assert notes == messages[:2] and skips == messages[2:]


def test_undecodable_bytes_named():
    report = read_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 200, "junk.txt")
    assert not report.sources
    assert report.problems and report.problems[0].startswith("junk.txt: ")


def test_unsupported_type_named():
    report = read_bytes(GOOD.encode(), "review.docx")
    assert report.problems == ["review.docx: unsupported file type '.docx' (use .txt, .md, .html, .csv or .jsonl)"]


def test_file_names_in_messages_are_one_line_without_folders():
    report = read_bytes(b"", "../../etc/evil\nname.txt")
    assert report.problems == ["evil name.txt: the file is empty"]


def test_a_markdown_files_front_matter_gives_its_details_and_a_rating_drawn_as_an_image_is_read():
    text = ("---\ntitle: \"Hollow Creek review: a patient drama\"\nsite: The Harbour Light\nauthor: Jo Lin\n"
            "tags: [to-watch]\n---\n\n# Hollow Creek review\n\n![Rated 4 out of 5 stars](/img/stars-4.svg) "
            "![a still](still.jpg)\n\n" + GOOD)
    src = one(read_bytes(text.encode(), "r.md"))
    assert (src.title, src.author, src.outlet) == ("Hollow Creek review: a patient drama", "Jo Lin", "The Harbour Light")
    assert not src.text.startswith("---") and "Rated 4 out of 5 stars" in src.text and "a still" not in src.text


def test_a_web_clippers_front_matter_with_lists_is_read_as_the_pages_details():
    text = ('---\ntitle: "Hollow Creek review: a patient drama"\nsource: "https://harbour.example/hollow-creek"\n'
            'author:\n  - "[[Jo Lin]]"\npublished: 2025-11-27\ntags:\n  - "clippings"\n  - "film"\n---\n\n'
            "# Hollow Creek review\n\n" + GOOD)
    src = one(read_bytes(text.encode(), "r.md"))
    assert (src.title, src.author) == ("Hollow Creek review: a patient drama", "Jo Lin")
    assert "clippings" not in src.text and "harbour.example" not in src.text


def test_a_pages_recipe_card_and_the_titles_around_its_critics_name_are_left_out():
    page = ("<html><head><meta name='author' content='Dr Jo Lin MBE'><meta property='og:site_name' content='The Pantry'>"
            "</head><body><article><h1>Dinner and a film</h1><p>" + GOOD + "</p><p>" + GOOD + "</p>"
            "<div class='recipe-card'><h3>Night-shift nachos</h3><ul><li>200g tortilla chips</li>"
            "<li>1 x 400g tin black beans, drained</li></ul><p>Heat the oven to 200C.</p></div>"
            "<p>" + GOOD + "</p></article></body></html>")
    src = one(read_bytes(page.encode(), "page.html"))
    assert "tortilla chips" not in src.text and "Heat the oven" not in src.text
    assert src.author == "Jo Lin"


def test_html_article_text_only():
    src = one(read_bytes((FIXTURES / "review_page.html").read_bytes(), "page.html"))
    assert "Ana de Armas is terrific" in src.text
    assert "SHOULD-NOT-APPEAR" not in src.text and "document.write" not in src.text
    assert "Subscribe to our newsletter" not in src.text and "All rights reserved" not in src.text
    assert src.author == "Jo Example" and src.outlet == "The Test Reel"


def test_html_without_article_text():
    report = read_bytes(b"<html><head><script>var a = 1;</script></head><body></body></html>", "blank.html")
    assert report.problems == ["blank.html: no article text was found in this web page"]


# --- limits ----------------------------------------------------------------------------------


def test_50_mb_text_is_capped():
    line = (GOOD + "\n").encode()
    data = line * (50_000_000 // len(line))
    report = read_bytes(data, "huge.txt")
    src = one(report)
    assert len(src.text) <= decode.MAX_REVIEW_CHARS
    assert any(p.startswith("huge.txt: ") and f"{decode.MAX_REVIEW_CHARS:,} characters" in p for p in report.problems)
    assert len(analyze_sources([src]).reviews) == 1


def test_file_over_the_size_limit(monkeypatch, tmp_path):
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1000)
    report = read_bytes(b"x" * 2000, "big.txt")
    assert not report.sources and "limit per file" in report.problems[0] and report.problems[0].startswith("big.txt")
    (tmp_path / "big.txt").write_bytes(b"word " * 400)
    report = read_paths([tmp_path / "big.txt"], max_bytes=1000)
    assert not report.sources and "limit per file" in report.problems[0]


def test_batch_limit(monkeypatch):
    sources = read_pasted(GOOD, "a").sources + read_pasted(GOOD + " Again.", "b").sources
    kept, problems = ingest.limit_batch(sources, max_chars=len(GOOD) + 10)
    assert [s.review_id for s in kept] == ["a"]
    assert problems and "limit per batch" in problems[0] and "from b on" in problems[0]


def test_pasted_text():
    assert one(read_pasted(GOOD)).origin == "pasted text"
    assert read_pasted("   ").problems == ["pasted text: nothing was pasted"]


# --- tables ----------------------------------------------------------------------------------


def csv_bytes(rows, header="id,text,rating"):
    return (header + "\n" + "\n".join(rows) + "\n").encode()


def test_table_rows_and_columns():
    report = read_bytes(csv_bytes(['1,"Great acting, dull plot.",4/5', "2,,3/5", '3,"Lovely score.",B+']), "t.csv")
    assert [s.review_id for s in report.sources] == ["1", "3"]
    assert report.sources[0].origin == "t.csv row 1" and report.sources[1].rating == "B+"
    assert report.problems == ["t.csv: 1 row with no review text skipped (rows 2)"]


def test_table_column_aliases_and_mapping():
    data = csv_bytes(['"Great acting.",Jo,Daily Planet,7/10'], header="Review_Body,Critic,Publication,Score")
    src = one(read_bytes(data, "t.csv"))
    assert (src.text, src.author, src.outlet, src.rating) == ("Great acting.", "Jo", "Daily Planet", "7/10")
    mapping = tables.map_columns(["Review_Body", "Critic", "Publication", "Score"])
    assert mapping["text"] == "Review_Body" and mapping["author"] == "Critic" and mapping["film"] is None


def test_table_without_text_column_is_named():
    report = read_bytes(csv_bytes(["1,Jo"], header="id,critic"), "notext.csv")
    assert not report.sources
    assert report.problems[0].startswith("notext.csv: no text column") and "found: id, critic" in report.problems[0]


def test_user_picks_the_text_column():
    data = csv_bytes(['1,"The story is thin but the action is great."'], header="id,words")
    assert one(read_bytes(data, "t.csv", text_column="words")).text.startswith("The story")
    assert "no column named" in read_bytes(data, "t.csv", text_column="nope").problems[0]


def test_20000_row_table_is_limited():
    rows = [f'{i},"Review {i}: the acting is fine and the plot is dull."' for i in range(20_000)]
    report = read_bytes(csv_bytes(rows, header="id,text"), "big.csv")
    assert len(report.sources) == tables.MAX_TABLE_ROWS
    assert report.problems == [f"big.csv: more than {tables.MAX_TABLE_ROWS:,} rows; only the first {tables.MAX_TABLE_ROWS:,} are read "
                               "(the limit per table)"]


def test_jsonl_bad_lines_named():
    lines = [json.dumps({"text": GOOD, "rating": 8}), "{not json", json.dumps([1, 2]), json.dumps({"text": "Dull.", "film": "X"})]
    report = read_bytes("\n".join(lines).encode(), "r.jsonl")
    assert len(report.sources) == 2 and report.sources[0].rating == "8" and report.sources[1].film == "X"
    assert report.problems == ["r.jsonl: 2 lines that are not JSON objects skipped (lines 2, 3)"]


def test_semicolon_csv_and_malformed_lines():
    report = read_bytes(b'id;text\n1;"Good film."\n2;"Bad";extra;fields\n3;"Fine."\n', "semi.csv")
    assert [s.text for s in report.sources] == ["Good film.", "Fine."]
    assert any("malformed line" in p for p in report.problems)


def test_unreadable_table_named():
    assert read_bytes(b"\n\n", "blank.csv").problems == ["blank.csv: the file is empty"]
    assert read_bytes(b"{{{", "bad.jsonl").problems[0].startswith("bad.jsonl: the table could not be read")


# --- checks ----------------------------------------------------------------------------------


def test_duplicates_flagged_and_counted_once():
    files = [("a.txt", GOOD.encode()), ("b.txt", ("  " + GOOD.upper() + "\n").encode()), ("c.txt", b"Different and dull.")]
    report = read_uploads(files)
    assert [s.origin for s in report.sources] == ["a.txt", "c.txt"]
    assert "b.txt: duplicate of a.txt; counted once" in report.problems
    assert "b.txt" in report.sources[0].note


def test_the_same_words_by_other_critics_or_of_other_films_are_other_reviews():
    data = b"film,critic,quote\nDune,Ann,A masterpiece.\nCats,Bob,A masterpiece.\nDune,Ann,A  MASTERPIECE.\n"
    report = read_uploads([("quotes.csv", data)])
    assert [s.origin for s in report.sources] == ["quotes.csv row 1", "quotes.csv row 2"]
    assert any("row 3: duplicate of quotes.csv row 1" in p for p in report.problems)


def test_a_first_row_with_an_unquoted_comma_is_skipped_not_spread_over_every_row():
    report = read_uploads([("t.csv", b"text,rating\nThe acting, frankly, was superb,4/5\nThe plot was dull,2/5\n")])
    assert [(s.text, s.rating) for s in report.sources] == [("The plot was dull", "2/5")]
    assert any("first row has more fields than the header" in p for p in report.problems)


def test_a_lone_surrogate_or_a_too_deep_line_in_json_lines_loses_nothing_else():
    data = (b'{"text": "The acting was superb \\ud800 truly."}\n{"text": "Fun \\ud83d\\ude00 and fine."}\n'
            + b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n")
    report = read_uploads([("t.jsonl", data)])
    assert [s.text for s in report.sources] == ["The acting was superb \ufffd truly.", "Fun \U0001F600 and fine."]
    assert any("lines 3" in p for p in report.problems)
    assert len(analyze_sources(report.sources).reviews) == 2


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\u2028"])
def test_any_line_ending_in_a_file_ends_a_line(ending):
    text = ending.join(["Pros:", "- the music", "Cons:", "- the plot is thin"])
    source = one(read_uploads([("r.txt", text.encode())]))
    assert source.text == "Pros:\n- the music\nCons:\n- the plot is thin"


FRENCH = ("Le film est une belle surprise. Ana de Armas est formidable dans ce rôle, et les scènes d'action "
          "sont très bien filmées, mais le scénario reste un peu mince pour un film de cette ampleur.")
SPANISH = ("La película es una sorpresa. Ana de Armas está muy bien en el papel, y las escenas de acción son "
           "espectaculares, pero la historia es demasiado simple para una película de este tamaño.")
GERMAN = ("Der Film ist eine schöne Überraschung. Ana de Armas ist in dieser Rolle großartig, und die "
          "Actionszenen sind sehr gut gefilmt, aber die Handlung ist für einen Film dieser Größe zu dünn.")
RUSSIAN = ("Фильм оказался приятным сюрпризом. Ана де Армас великолепна в этой роли, а экшн-сцены сняты "
           "очень хорошо, но сюжет слишком тонкий для фильма такого масштаба.")


@pytest.mark.parametrize("text,language", [(FRENCH, "French"), (SPANISH, "Spanish"), (GERMAN, "German"),
                                           (RUSSIAN, "a non-Latin script")])
def test_not_english_is_flagged_and_not_scored(text, language):
    report = read_uploads([("foreign.txt", text.encode()), ("english.txt", GOOD.encode())])
    foreign, english = report.sources
    assert foreign.skip_scoring and language in foreign.note
    assert not english.skip_scoring and not english.note
    assert any(p.startswith("foreign.txt: not scored") for p in report.problems)
    analysis = analyze_sources(report.sources)
    assert (analysis.mentions["review_id"] == foreign.review_id).sum() == 0
    assert (analysis.mentions["review_id"] == english.review_id).sum() > 0
    row = analysis.reviews.set_index("review_id").loc[foreign.review_id]
    assert math.isnan(row["inferred_score"])
    if "note" in analysis.reviews:
        assert language in row["note"]


def test_bundled_english_reviews_are_english():
    from conftest import BALLERINA

    for path in sorted(BALLERINA.glob("*.txt")):
        assert checks.guess_language(path.read_text())[0] == "English", path.name


def test_short_or_list_like_english_is_not_flagged():
    for text in ["Great!", "Pros: action, music. Cons: story.", "Directed by: Len Wiseman\nStarring: Ana de Armas, Keanu Reeves"]:
        assert checks.guess_language(text)[0] in ("", "English")


@pytest.mark.parametrize("raw", ["11/10", "-3/5", "banana"])
def test_nonsense_rating_message_and_empty_score(raw):
    data = csv_bytes([f'1,"{GOOD}",{raw}'])
    report = read_uploads([("r.csv", data)])
    one(report)  # the row is kept
    assert any(p.startswith("r.csv row 1: rating") and "score left empty" in p for p in report.problems)
    analysis = analyze_sources(report.sources)
    assert math.isnan(analysis.reviews.loc[0, "explicit_score"])


def test_sensible_rating_passes():
    report = read_uploads([("r.csv", csv_bytes([f'1,"{GOOD}",4/5']))])
    assert not report.problems
    assert analyze_sources(report.sources).reviews.loc[0, "explicit_score"] == 80.0


def test_review_with_no_opinion_is_named():
    report = read_uploads([("facts.txt", b"Directed by: Len Wiseman\nStarring: Ana de Armas, Keanu Reeves\n"
                                                         b"Release Date: June 6, 2025\nRuntime: 125 minutes"),
                           ("good.txt", GOOD.encode())])
    assert analyze_report(report).problems == [
        "facts.txt: no opinion was found in this review, so it adds nothing to the aspect scores"]


def test_ids_are_unique():
    report = read_uploads([("a.txt", GOOD.encode()), ("a.md", b"Another one, dull.")])
    assert len({s.review_id for s in report.sources}) == 2


# --- folders and the command line ------------------------------------------------------------


def make_bad_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(PNG)
    (folder / "windows.txt").write_bytes(("The film’s “score” is lovely and the café scenes are superb. " + GOOD).encode("cp1252"))
    (folder / "page.html").write_text(
        "<html><head><script>alert('x')</script></head><body><nav>Home | Reviews</nav><article>"
        "<p>The action is thrilling and Ana de Armas is terrific.</p><p>The story is thin and the villain dull.</p>"
        "<script>document.write('y')</script></article></body></html>")
    line = GOOD + "\n"
    (folder / "huge.txt").write_text(line * (5_000_000 // len(line)))


def test_read_paths_names_each_bad_file(tmp_path):
    make_bad_folder(tmp_path / "film")
    report = read_paths([tmp_path / "film"])
    assert sorted(s.origin for s in report.sources) == ["huge.txt", "page.html", "windows.txt"]
    problems = "\n".join(report.problems)
    assert "empty.txt: the file is empty" in problems and "image.txt: this is not a text file" in problems
    assert "huge.txt: " in problems


def test_cli_acceptance(tmp_path):
    make_bad_folder(tmp_path / "mixed")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "dashboard", "analyze", str(tmp_path / "mixed"), "--out", str(out)],
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    err_lines = [line for line in result.stderr.splitlines() if line.strip() and "analysing [" not in line]
    for bad in ("empty.txt", "image.txt", "huge.txt"):
        assert sum(bad in line for line in err_lines) == 1, result.stderr
    import pandas as pd

    reviews = pd.read_csv(out / "reviews.csv")
    assert sorted(reviews["origin"]) == ["huge.txt", "page.html", "windows.txt"]
    texts = pd.read_csv(out / "mentions.csv")["text"].str.cat(sep=" ")
    assert "film’s “score”" in texts and "â€" not in texts
    assert "alert" not in texts and "document.write" not in texts


def test_html_byline_names_the_critic_and_the_outlet_apart():
    page = (b"<html><body><article><h1>A review</h1><p class='byline'>By Mark Holt, The Daily Ledger</p>"
            b"<p>" + b"The period detail is impeccable and the musical numbers are electric. " * 4 + b"</p>"
            b"</article></body></html>")
    source = one(read_bytes(page, "page.html"))
    assert (source.author, source.outlet) == ("Mark Holt", "The Daily Ledger")


_PAGE_WITH_HEADER = """<!doctype html><html><head><title>Wicked review | The Daily Reel</title></head>
<body><nav><a href="/">Home</a> | <a href="/films">Films</a></nav>
<article>
<h1>Wicked review: Cynthia Erivo defies gravity in a dazzling, overstuffed musical</h1>
<p class="byline">By Priya Shah | The Daily Reel | November 20, 2024</p>
<p class="rating">Rating: 4/5</p>
<h2>What's it about?</h2>
<p>Elphaba, born with green skin, arrives at Shiz University and is forced to room with the popular
Galinda. After she impresses the headmistress, she is invited to meet the Wizard in the Emerald City.</p>
<h2>Our verdict</h2>
<p>Cynthia Erivo is a powerhouse, and her "Defying Gravity" is the best musical number on screen in a
decade. Jon M. Chu's staging is lavish, though the running time of 160 minutes is hard to justify.</p>
<p>The production design is gorgeous, but the colour grading is murky. Still, I was swept away.</p>
</article>
<div class="comments"><p>Reader rating: 1/5</p></div>
<footer>All rights reserved.</footer>
</body></html>"""


def _explicit_score(page: str) -> float:
    from dashboard.engine.pipeline import analyze_sources

    source = one(read_bytes(page.encode(), "page.html"))
    return analyze_sources([source]).reviews["explicit_score"].iloc[0]


def test_html_header_gives_the_critic_and_the_rating_that_extraction_drops():
    assert one(read_bytes(_PAGE_WITH_HEADER.encode(), "page.html")).author == "Priya Shah"  # no "November"
    assert _explicit_score(_PAGE_WITH_HEADER) == 80


def test_a_headlines_second_half_in_the_pages_title_is_no_outlet():
    page = (_PAGE_WITH_HEADER.replace("<title>Wicked review | The Daily Reel</title>",
                                      "<title>Wicked review – a dazzling, overstuffed musical</title>")
            .replace("By Priya Shah | The Daily Reel | November 20, 2024", "By Priya Shah"))
    assert one(read_bytes(page.encode(), "page.html")).outlet == ""


def test_html_grade_box_and_a_byline_over_the_standfirst_are_read():
    page = (_PAGE_WITH_HEADER.replace('<p class="byline">By Priya Shah | The Daily Reel | November 20, 2024</p>',
                                      '<p class="standfirst">A dazzling, overstuffed musical with a powerhouse lead</p>'
                                      '<div class="meta"><span>Words: Priya Shah</span><span>20 November 2024</span></div>')
            .replace('<p class="rating">Rating: 4/5</p>',
                     '<div class="grade-box"><span class="label">Daily Reel Grade</span> <span>B-</span></div>'))
    source = one(read_bytes(page.encode(), "page.html"))
    assert source.author == "Priya Shah"
    assert _explicit_score(page) == 67


def test_html_rating_below_the_article_start_is_not_the_critics():
    page = _PAGE_WITH_HEADER.replace('<p class="rating">Rating: 4/5</p>', "")
    assert math.isnan(_explicit_score(page))


def test_a_fetched_page_is_read_as_the_same_page_uploaded():
    """One path from bytes to a review: the page's printed rating, its byline and plain
    line breaks, whether the page was uploaded or fetched from its address."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    body = _PAGE_WITH_HEADER.replace("\n", "\r\n").encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        fetched = one(ingest.read_url(f"http://127.0.0.1:{httpd.server_address[1]}/page.html", allow_private=True))
    finally:
        httpd.shutdown()
        httpd.server_close()
    uploaded = one(read_bytes(body, "page.html"))
    assert fetched.rating == uploaded.rating == "4/5"
    assert (fetched.text, fetched.author, fetched.title) == (uploaded.text, uploaded.author, uploaded.title)
    assert "\r" not in fetched.text


def test_a_web_page_gives_the_rating_it_marks_or_declares():
    # schema.org data of the review, or an element marked as its grade at the article's end;
    # an audience score in the header is not the critic's.
    declared = ('<html><head><script type="application/ld+json">{"@type": "Review", "reviewRating": '
                '{"ratingValue": "2", "bestRating": "5"}}</script></head><body><article><p>' + GOOD + " " + GOOD
                + "</p></article></body></html>")
    marked = ('<html><body><div class="meta"><span class="score">Audience score: 4.5/5</span></div><article><p>'
              + GOOD + " " + GOOD + '</p><p class="grade">A-</p></article><div class="comments"><p class="rating">'
              'F</p></div></body></html>')
    assert one(read_bytes(declared.encode(), "a.html")).rating == "2/5"
    assert one(read_bytes(marked.encode(), "b.html")).rating == "A-"
    pictured = ('<html><body><h1>The Lantern</h1><div class="rating"><img src="/stars/4.svg" alt="4 out of 5 stars">'
                '</div><article><p>' + GOOD + " " + GOOD + "</p></article></body></html>")
    assert one(read_bytes(pictured.encode(), "c.html")).rating == "4 out of 5 stars"
    microdata = ('<html><body><article itemscope><div itemprop="reviewRating" itemscope><meta itemprop="ratingValue" '
                 'content="4"><meta itemprop="bestRating" content="5"></div><p>' + GOOD + " " + GOOD
                 + "</p></article></body></html>")
    assert one(read_bytes(microdata.encode(), "d.html")).rating == "4/5"
    revised = ('<html><body><h1>The Lantern, revisited</h1><p class="rating-change">Original rating (2019): 2/5 — '
               'Revised rating: 4/5</p><article><p>' + GOOD + " " + GOOD + "</p></article></body></html>")
    assert one(read_bytes(revised.encode(), "e.html")).rating == "4/5"
    in_article = ('<html><body><article><p>' + GOOD + " " + GOOD + '</p><p class="review-rating">Rating: 4/5</p>'
                  "</article></body></html>")
    assert one(read_bytes(in_article.encode(), "f.html")).rating == "4/5"
    graded = ('<html><head><script type="application/ld+json">{"@type": "Review", "reviewRating": '
              '{"@type": "Rating", "ratingValue": "C-"}}</script></head><body><article><p>' + GOOD + " " + GOOD
              + "</p></article></body></html>")
    assert one(read_bytes(graded.encode(), "g.html")).rating == "C-"  # a grade declared with no scale
    boxed = ('<html><body><section><p class="label">Picked by</p><p class="name">Jo Lin</p><div class="verdict">'
             '<span class="verdict-label">Staff verdict</span><span class="verdict-score">82%</span></div></section>'
             '<article><p>' + GOOD + " " + GOOD + "</p></article></body></html>")
    assert one(read_bytes(boxed.encode(), "h.html")).rating == "82%"  # the box's label, then its score
    # a blog's callout card, which extraction drops, labelling the score; a reader's below it is not
    carded = ('<html><body><article><h1>Hollow Creek</h1><p>' + GOOD + "</p><p>" + GOOD + "</p><p>" + GOOD
              + '</p></article><div class="kg-card kg-callout-card"><div class="kg-callout-text">OUR SCORE: 45/100'
              '</div></div><div class="comments"><p>Score: 95/100</p></div></body></html>')
    assert one(read_bytes(carded.encode(), "i.html")).rating == "45/100"
    dashed = ('<html><body><article><p>' + GOOD + " " + GOOD + '</p><aside class="verdict-panel"><span>Our verdict'
              '</span> <b class="grade">B–</b></aside></article></body></html>')
    assert one(read_bytes(dashed.encode(), "j.html")).rating == "B–"  # the grade's sign a dash


def test_a_web_pages_own_branch_is_no_critic():
    # the page's author data names the site's branch; the critic is the name under "Picked by"
    page = ('<html><head><meta property="og:site_name" content="Lumen &amp; Lime Cinemas"><meta name="author" '
            'content="Lumen &amp; Lime Harrogate"></head><body><section><p class="label">Picked by</p>'
            '<p class="name">Jo Lin</p></section><article><p>' + GOOD + " " + GOOD + "</p></article></body></html>")
    assert one(read_bytes(page.encode(), "a.html")).author == "Jo Lin"


def test_a_web_page_names_the_critic_its_data_declares():
    # an aggregator's page hosting a critic's review: the critic is in its schema.org data
    page = ('<html><head><script type="application/ld+json">{"@type": "Review", "author": {"@type": "Person", '
            '"name": "Mara Quill"}, "publisher": {"@type": "Organization", "name": "Harbour Notes"}}</script>'
            '</head><body><article><p>' + GOOD + " " + GOOD + "</p></article></body></html>")
    assert one(read_bytes(page.encode(), "a.html")).author == "Mara Quill"


def test_a_user_review_page_names_the_user_its_data_declares():
    # a rental store's page: the film's data holds its users' reviews, by handle
    page = ('<html><head><script type="application/ld+json">{"@type": "Movie", "name": "Harbour Lights", "review": '
            '[{"@type": "Review", "author": {"@type": "Person", "name": "harbourfan"}}]}</script></head><body>'
            '<article><p>' + GOOD + " " + GOOD + "</p></article></body></html>")
    assert one(read_bytes(page.encode(), "a.html")).author == "harbourfan"
    staff = page.replace("harbourfan", "admin")
    assert one(read_bytes(staff.encode(), "b.html")).author == ""


def test_a_rating_in_a_box_of_the_films_details_beside_the_article_is_the_critics():
    page = ('<html><body><article><p>' + GOOD + " " + GOOD + '</p></article><aside class="sidebar"><h3>At a glance'
            '</h3><p>Rating: 1.5 out of 4 stars</p><p>Director: Ana Ruiz</p><p>Running time: 1 hr 54 min</p></aside>'
            '<aside><h3>Latest reviews</h3><p>The Harbour: ★★★★</p><p>Gravel Saints: ★★</p></aside></body></html>')
    assert one(read_bytes(page.encode(), "box.html")).rating == "1.5 out of 4 stars"
    others_only = page.replace("<p>Rating: 1.5 out of 4 stars</p><p>Director: Ana Ruiz</p><p>Running time: 1 hr 54 min</p>", "")
    assert one(read_bytes(others_only.encode(), "links.html")).rating == ""


@pytest.mark.parametrize("name, data", [
    ("wide.csv", ("text," + ",".join(f"c{i}" for i in range(5000)) + "\nA fine film.\n").encode()),
    ("wide.jsonl", (json.dumps({"text": "A fine film.", **{f"c{i}": 1 for i in range(5000)}}) + "\n").encode()),
])
def test_a_table_of_thousands_of_columns_is_refused_with_a_message(name, data):
    report = read_bytes(data, name)
    assert not report.sources and "5,001 columns" in report.problems[0] and "right file" in report.problems[0]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_table_read_in_chunks_gives_the_reviews_read_whole(tmp_path, suffix):
    """Chunks of two rows: rows numbered across chunks, a duplicate and a repeated id found
    in a later chunk, empty rows told once, as when the table is read whole."""
    rows = [("a", "The acting is superb."), ("b", "The plot is thin."), ("c", ""), ("a", "The score soars."),
            ("d", "The acting is superb."), ("e", "")]
    path = tmp_path / f"quotes{suffix}"
    if suffix == ".csv":
        path.write_text("id,text\n" + "".join(f'{i},"{t}"\n' for i, t in rows), encoding="utf-8")
    else:
        path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows), encoding="utf-8")
    whole = read_paths([path])
    parts = list(ingest.stream_paths([path], chunk_rows=2))
    assert len(parts) > 2
    streamed = [s for p in parts for s in p.sources]
    assert [(s.review_id, s.text, s.origin) for s in streamed] == [(s.review_id, s.text, s.origin) for s in whole.sources]
    assert [s.review_id for s in streamed] == ["a", "b", "a-2"]
    assert sorted(p for part in parts for p in part.problems) == sorted(whole.problems)
    assert any("duplicate of" in p and "row 5" in p for p in whole.problems)
    assert any("2 rows with no review text skipped (rows 3, 6)" in p for p in whole.problems)


def test_a_table_file_not_in_utf8_is_read_whole_with_its_note(tmp_path):
    path = tmp_path / "quotes.csv"
    path.write_bytes("id,text\n1,\"Caf\xe9 scenes are lovely, the acting superb.\"\n".encode("cp1252"))
    report = read_paths([path])
    assert report.sources[0].text.startswith("Café scenes")
    assert any("Windows-1252" in p for p in report.problems)


def test_a_second_reading_replays_the_first_ones_checks(tmp_path, monkeypatch):
    """The same reviews, ids and notes (a duplicate dropped, a repeated id renamed, a text
    in French kept unscored), and the checks not run again."""
    rows = [("a", "The acting is superb."), ("a", "The plot is thin."), ("b", "The acting is superb."),
            ("c", "Le film est une merveille, et les acteurs sont tous très bien dans leurs rôles de la vie.")]
    path = tmp_path / "quotes.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows), encoding="utf-8")
    readings = ingest.CheckedReadings()

    def seen(parts):
        return [(s.review_id, s.text, s.note, s.skip_scoring) for p in parts for s in p.sources]

    first = seen(ingest.stream_paths([path], chunk_rows=2, readings=readings))
    assert [r[0] for r in first] == ["a", "a-2", "c"] and first[2][3]
    monkeypatch.setattr(ingest, "check_sources", lambda *a, **k: pytest.fail("checks run again"))
    assert seen(ingest.stream_paths([path], chunk_rows=2, readings=readings)) == first


def test_a_web_pages_byline_label_and_the_sites_name_after_its_title_are_dropped():
    page = ('<html><head><title>Review: The Lantern — Harbour Notes</title><meta property="og:site_name" '
            'content="Harbour Notes"><meta name="author" content="Author Mara Quill"></head><body><article><h1>Review: '
            "The Lantern</h1><p>" + GOOD + " " + GOOD + "</p></article></body></html>")
    source = one(read_bytes(page.encode(), "g.html"))
    assert (source.title, source.author, source.outlet) == ("Review: The Lantern", "Mara Quill", "Harbour Notes")


@pytest.mark.parametrize("front, rating", [
    # TOML front matter, as Hugo writes it, the scale in the field's comment
    ('+++\ntitle = "Hollow Creek (2025)"\nauthor = "Jo Lin"\nrating = 2.5   # out of 5, the theme draws stars\n+++\n',
     "2.5/5"),
    ("---\ntitle: Hollow Creek (2025)\nauthor: Jo Lin\nrating: 4/5\n---\n", "4/5"),
    # a number alone: out of 5 or of 10, no one knows
    ("---\ntitle: Hollow Creek (2025)\nauthor: Jo Lin\nrating: 7\n---\n", ""),
])
def test_a_markdown_files_front_matter_gives_the_critics_rating_with_its_scale(front, rating):
    src = one(read_bytes((front + "\n" + GOOD).encode(), "r.md"))
    assert (src.title, src.author, src.rating) == ("Hollow Creek (2025)", "Jo Lin", rating)
    assert "Jo Lin" not in src.text


def test_a_pages_credits_in_a_definition_list_are_read_as_label_and_name():
    page = ("<html><head><meta property='og:site_name' content='Kinoculars'></head><body><article>"
            "<h1>Hollow Creek review</h1><p>" + GOOD + "</p><p>" + GOOD + "</p><dl class='credits'>"
            "<dt>Director</dt><dd>Jo Lin</dd><dt>Starring</dt><dd>Sam Orr, Ana Ruiz</dd></dl></article></body></html>")
    src = one(read_bytes(page.encode(), "page.html"))
    assert "Director: Jo Lin" in src.text and "Starring: Sam Orr, Ana Ruiz" in src.text


def test_an_archives_page_names_the_newspaper_its_citation_tags_give():
    page = ("<html><head><meta name='citation_newspaper_title' content='Evening Courier (Bradford)'>"
            "<meta property='og:site_name' content='National Press Archive'></head><body><article>"
            "<h1>Hollow Creek at the Gaumont</h1><p>" + GOOD + "</p><p>" + GOOD + "</p></article></body></html>")
    assert one(read_bytes(page.encode(), "page.html")).outlet == "Evening Courier"


def test_a_blogs_page_title_names_the_blog_before_the_post():
    page = ('<html><head><meta name="generator" content="blogger"><title>Popcorn &amp; Puffins: The Lantern: an old '
            'kind of adventure</title><meta property="og:title" content="The Lantern: an old kind of adventure">'
            '</head><body><div class="post"><h3 class="post-title">The Lantern: an old kind of adventure</h3>'
            "<p>" + GOOD + " " + GOOD + "</p></div></body></html>")
    source = one(read_bytes(page.encode(), "b.html"))
    assert (source.title, source.outlet) == ("The Lantern: an old kind of adventure", "Popcorn & Puffins")


def test_a_pages_title_read_as_its_author_is_no_critic():
    page = ("<html><head><title>REVIEW: The Lantern (900w, Jo) on Harbour Notes | Cardwall</title></head><body>"
            "<article><h2>REVIEW: The Lantern (900w, Jo)</h2><p>" + GOOD + " " + GOOD + "</p></article></body></html>")
    analysis = analyze_sources([replace(one(read_bytes(page.encode(), "c.html")), film="The Lantern")])
    assert analysis.reviews["author"].iloc[0] != "The Lantern"
