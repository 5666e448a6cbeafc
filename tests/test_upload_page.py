"""The "Your reviews" page, run headless with Streamlit's AppTest."""

from __future__ import annotations

import json
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[1]
PAGE = REPO / "pages" / "6_your_reviews.py"
FIXTURES = Path(__file__).parent / "fixtures"
GOOD = ("The acting is superb and the story is gripping, though the pacing drags in the middle. "
        "The music is lovely and the action scenes are thrilling.")
HOSTILE = ("The acting is superb and the story is gripping. <script>alert(1)</script> The score is lovely "
           "<img src=x onerror=alert(2)> [click](javascript:alert(3)) ![i](x.png) &amp; :red[red] $x$ The villain is dull.")


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def page() -> AppTest:
    """The page as a browser opens it: app.py with its navigation and sidebar around it."""
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
    at.switch_page(PAGE.relative_to(REPO).as_posix())
    at.run()
    assert not at.exception
    return at


def analyse(at: AppTest) -> AppTest:
    at.button(key="analyse").click().run()
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, files) -> AppTest:
    at.file_uploader(key="review_files").set_value(files)
    at.run()
    assert not at.exception
    return at


def stored(at: AppTest):
    value = at.session_state["_upload"] if "_upload" in at.session_state else None
    return value


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def test_batch_with_good_and_bad_files():
    before = snapshot(REPO / "data")
    at = upload(page(), [
        ("good.txt", GOOD.encode(), "text/plain"),
        ("empty.txt", b"", "text/plain"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "text/plain"),
        ("windows.txt", ("The film’s “score” is lovely. " + GOOD).encode("cp1252"), "text/plain"),
        ("copy.txt", GOOD.encode(), "text/plain"),
    ])
    analyse(at)
    analysis, label = stored(at)
    assert label == "Your reviews"
    assert sorted(analysis.reviews["origin"]) == ["good.txt", "windows.txt"]
    assert "The film’s “score”" in analysis.text_of("windows")
    shown = "\n".join(warnings(at))
    assert "empty\\.txt" in shown and "photo\\.txt" in shown and "copy\\.txt\\: duplicate of good\\.txt" in shown
    assert snapshot(REPO / "data") == before  # uploads are never written into data/


def test_hostile_text_is_shown_literally():
    at = upload(page(), [("hostile.txt", HOSTILE.encode(), "text/plain")])
    analyse(at)
    assert stored(at) is not None
    assert any(t.value == HOSTILE for t in at.text)  # st.text: no Markdown, no HTML
    for element in list(at.markdown) + list(at.warning) + list(at.subheader):
        assert "<script>" not in element.value and "](javascript" not in element.value


def test_hostile_file_name_is_escaped():
    at = upload(page(), [("[x](javascript:alert(1)) <img src=x onerror=alert(2)>.txt", b"", "text/plain")])
    analyse(at)
    shown = "\n".join(warnings(at))
    assert "\\[x\\]\\(javascript\\:alert\\(1\\)\\)" in shown
    assert re.search(r"(?<!\\)[<\[(]", shown) is None  # every bracket escaped


def test_table_with_other_column_names_shows_mapping():
    data = ("Critic,Review_Body,Score\nJo,\"" + GOOD + "\",4/5\nAl,\"The plot is dull.\",11/10\n").encode()
    at = upload(page(), [("t.csv", data, "text/csv")])
    picker = at.selectbox[0]
    assert picker.value == "Review_Body"
    mapping = at.dataframe[0].value
    assert set(mapping["your column"]) == {"Critic", "Review_Body", "Score"}
    analyse(at)
    analysis, _ = stored(at)
    assert list(analysis.reviews["author"]) == ["Jo", "Al"]
    assert analysis.reviews["explicit_score"].iloc[0] == 80.0
    assert analysis.reviews["explicit_score"].isna().iloc[1]
    assert any("t\\.csv row 2\\: rating" in w for w in warnings(at))


def test_table_without_text_column_lets_the_user_pick():
    data = b"id,words\n1,\"" + GOOD.encode() + b"\"\n"
    at = upload(page(), [("t.csv", data, "text/csv")])
    assert at.selectbox[0].value is None
    analyse(at)
    assert stored(at) is None
    assert any("t\\.csv\\: no text column" in w for w in warnings(at))
    at.selectbox[0].select("words").run()
    analyse(at)
    analysis, _ = stored(at)
    assert analysis.text_of("1") == GOOD


def test_pasted_text_and_label_and_clear():
    at = page()
    at.text_area(key="pasted_review").input(GOOD)
    at.text_input(key="upload_label").input("My critics")
    at.run()
    analyse(at)
    analysis, label = stored(at)
    assert label == "My critics" and len(analysis.reviews) == 1
    assert at.get("download_button")  # the analysed tables can be downloaded
    at.button(key="clear_upload").click().run()
    assert stored(at) is None


def test_film_title_is_read_as_a_name():
    at = page()
    at.text_area(key="pasted_review").input("Poor Things is a bold, funny triumph. Emma Stone is superb.")
    at.text_input(key="upload_film").input("  Poor   Things ")
    at.run()
    analysis, _ = stored(analyse(at))
    opinions = analysis.mentions[analysis.mentions.opinion].drop_duplicates("mention_id")
    assert (opinions.polarity > 0).all()  # the title is no criticism
    text = analysis.text_of(opinions.review_id.iloc[0])
    cue_words = {text[start:end] for cues in opinions.cues for start, end, _ in json.loads(cues)}
    assert cue_words and not cue_words & {"Poor", "Things"}  # nor shown as the words behind one


def test_nothing_given():
    at = analyse(page())
    assert any("Add a file" in w for w in warnings(at))


def test_progress_is_reported(monkeypatch):
    import dashboard.engine.batch as batch

    calls = []
    real = batch.analyze_sources

    def spy(sources, *args, progress=None, **kwargs):
        def record(done, total):
            calls.append((done, total))
            if progress:
                progress(done, total)
        return real(sources, *args, progress=record, **kwargs)

    monkeypatch.setattr(batch, "analyze_sources", spy)
    at = upload(page(), [(f"r{i}.txt", f"Review {i}: {GOOD}".encode(), "text/plain") for i in range(5)])
    analyse(at)
    assert calls and calls[-1] == (5, 5)


@pytest.fixture()
def local_site(monkeypatch):
    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(FIXTURES), **kwargs)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    monkeypatch.setenv("DASHBOARD_ALLOW_PRIVATE_URLS", "1")
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_review_url_is_fetched(local_site):
    at = page()
    at.text_area(key="review_urls").input(f"{local_site}/review_page.html")
    at.run()
    analyse(at)
    analysis, _ = stored(at)
    assert "Ana de Armas is terrific" in analysis.texts["text"].iloc[0]
    assert analysis.reviews["url"].iloc[0].endswith("/review_page.html")


def test_file_url_is_refused():
    at = page()
    at.text_area(key="review_urls").input("file:///etc/passwd")
    at.run()
    analyse(at)
    assert stored(at) is None
    assert any("only http\\:// and https\\://" in w.replace("\u2060", "") for w in warnings(at))


def test_upload_drives_every_page_and_stays_escaped():
    """Through the whole app: after an upload, every page shows it, with review text escaped."""
    if not (REPO / "app.py").exists():
        pytest.skip("app.py is not there yet")
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/6_your_reviews.py").run()
    assert not at.exception
    hostile = HOSTILE.replace("The villain is dull.", "A UNIQUEWORD triumph, though the villain is dull.")
    upload(at, [("mine.txt", hostile.encode(), "text/plain"),
                ("other.txt", ("<b>Bold claim</b>: " + GOOD).encode(), "text/plain")])
    analyse(at)
    assert stored(at) is not None
    seen_upload = False
    for page_file in sorted(p.name for p in (REPO / "pages").glob("[1-5]_*.py")):
        at.switch_page(f"pages/{page_file}").run()
        assert not at.exception, (page_file, at.exception)
        html_bodies = [str(e.proto) for e in at.get("html")]
        seen_upload |= any("UNIQUEWORD" in body for body in html_bodies)
        for body in html_bodies:
            assert "<script>alert" not in body and "<img src=x" not in body, page_file
            assert "<b>Bold claim" not in body, page_file
        for element in list(at.markdown) + list(at.caption) + list(at.info) + list(at.warning):
            assert "<script>" not in element.value and "](javascript" not in element.value, page_file
    assert seen_upload


def test_page_limits_have_messages(monkeypatch):
    from dashboard.reading import ingest

    monkeypatch.setattr(ingest, "MAX_TABLE_ROWS", 3)
    monkeypatch.setattr(ingest, "MAX_BATCH_CHARS", 3 * len(GOOD) + 50)
    rows = "\n".join(f'{i},"Row {i}. {GOOD}"' for i in range(6))
    at = upload(page(), [("t.csv", f"id,text\n{rows}\n".encode(), "text/csv"),
                         ("extra.txt", ("Extra. " + GOOD).encode(), "text/plain")])
    analyse(at)
    analysis, _ = stored(at)
    shown = "\n".join(warnings(at))
    assert "only the first 3 are read \\(the limit per table\\)" in shown
    assert "the limit per batch is" in shown and "extra\\.txt" in shown
    assert len(analysis.reviews) == 3


def test_an_uploaded_table_is_parsed_once_not_on_every_rerun(monkeypatch):
    from dashboard.reading import tables

    parsed = []
    table_shape = tables.table_shape
    monkeypatch.setattr(tables, "table_shape", lambda data, name: parsed.append(name) or table_shape(data, name))
    data = ("critic,text\nJo,\"" + GOOD + "\"\n").encode()
    at = upload(page(), [("once.csv", data, "text/csv")])
    for label in ("a", "b", "c"):  # reruns of the page: typing a name, picking a column
        at.text_input(key="upload_label").set_value(label).run()
    assert parsed.count("once.csv") == 1


def test_downloads_are_built_when_clicked_not_on_every_rerun(monkeypatch):
    from dashboard.present import export

    built = []
    to_csv = export.to_csv
    monkeypatch.setattr(export, "to_csv", lambda table: built.append(1) or to_csv(table))
    at = analyse(upload(page(), [("r.txt", GOOD.encode(), "text/plain")]))
    at.text_input(key="upload_label").set_value("again").run()
    assert at.get("download_button") and built == []


def test_an_upload_is_let_go_once_its_reader_has_left(monkeypatch):
    """A session's upload is dropped GRACE_S after the session stopped being active (not
    when the next visitor happens to arrive); an active session, or one back within the
    grace time, keeps it."""
    from dashboard.ui import session

    clock = [1000.0]
    monkeypatch.setattr(session.time, "monotonic", lambda: clock[0])
    uploads = session._Uploads.__new__(session._Uploads)  # no sweeper thread: swept by hand
    uploads.lock, uploads.held = threading.Lock(), {}
    left, staying = {session._STORE: ("analysis", "a")}, {session._STORE: ("analysis", "b")}
    uploads.add("left", left)
    uploads.add("staying", staying)
    active = {"staying"}
    clock[0] += session.GRACE_S / 2
    assert uploads.sweep(active.__contains__) == 0 and session._STORE in left   # a blink: kept
    clock[0] += session.GRACE_S
    closed: list[str] = []
    assert uploads.sweep(active.__contains__, closed.append) == 1
    assert session._STORE not in left and session._STORE in staying
    assert list(uploads.held) == ["staying"] and closed == ["left"]


def test_the_server_can_close_a_session_its_reader_left_and_hands_arrow_memory_back():
    """The sweeper closes a left session through the runtime (Streamlit keeps it otherwise,
    uploaded bytes and all), and Arrow data is allocated where ``malloc_trim`` reaches."""
    import pyarrow
    from streamlit.runtime import Runtime

    from dashboard.ui import session

    assert session._closer(Runtime.__new__(Runtime)) is not None
    session.hand_arrow_memory_to_the_system()
    assert pyarrow.default_memory_pool().backend_name == "system"
