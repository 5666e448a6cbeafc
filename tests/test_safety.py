"""Nothing in an upload executes: hostile review text is shown as literal text, and a
review's URL is fetched over http(s) only, with a timeout and a size cap.

The fetch tests use a local http.server on 127.0.0.1; no test reaches the internet.
"""

from __future__ import annotations

import re
import threading
import time
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from dashboard.reading import fetch, ingest

from dashboard.present import export, views
from dashboard.reading.html import extract_page
from dashboard.reading.ingest import read_bytes, read_pasted
from dashboard.engine.pipeline import analyze_sources

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = (
    "The acting is superb and the story is gripping. <script>alert(1)</script> "
    "The score is lovely <img src=x onerror=alert(2)> and the action is thrilling. "
    "[click me](javascript:alert(3)) ![pic](http://127.0.0.1:9/x.png) &lt;b&gt;bold&lt;/b&gt; &amp; "
    ":red[red text] :material/home: $x^2$ <a href=\"javascript:alert(4)\">link</a> **bold** The villain is dull."
)
ALLOWED_TAGS = {"span", "div", "mark", "b", "p", "h4", "a", "br", "h1"}


class TagAudit(HTMLParser):
    """Every tag and attribute in a fragment of HTML, to check nothing active is in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_inert(fragment: str) -> None:
    audit = TagAudit()
    audit.feed(fragment)
    for tag, attrs in audit.tags:
        assert tag in ALLOWED_TAGS, (tag, fragment[:300])
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert re.match(r"^https?://", value or ""), (tag, value)
    assert "<script" not in fragment.lower() and "<img" not in fragment.lower()


# --- web pages -------------------------------------------------------------------------------


def test_html_pages_keep_only_text():
    text = extract_page((FIXTURES / "hostile_page.html").read_text()).text
    assert "alert(1)" not in text and "onerror" not in text and "javascript:" not in text
    assert "click here" in text  # a link's words stay; its target is gone
    assert "<script>alert(4)</script>" in text  # escaped text in the page is text, shown literally


def test_html_fallback_without_trafilatura(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    text = extract_page((FIXTURES / "hostile_page.html").read_text() + "<script>unclosed(").text
    assert "alert(1)" not in text and "unclosed" not in text and "onerror" not in text
    assert "The acting is superb" in text


# --- the other pages' rendering helpers --------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_analysis():
    source = read_pasted(HOSTILE, "hostile").sources[0]
    source.outlet = "<script>alert('outlet')</script>"
    source.author = "<img src=x onerror=alert('author')>"
    source.title = "[t](javascript:alert(5))"
    source.url = "javascript:alert(6)"
    source.rating = "<b>4/5</b>"
    return analyze_sources([source])


def test_markdown_escape_shows_text_literally():
    escaped = views.md_escape(HOSTILE)
    for special in "[]()<>:$*!&":
        assert re.search(rf"(?<!\\){re.escape(special)}", escaped) is None, special


def test_html_escape_and_urls():
    assert views.esc("<script>") == "&lt;script&gt;"
    assert views.esc('" onmouseover="x') == "&quot; onmouseover=&quot;x"
    for bad in ("javascript:alert(1)", "data:text/html,<script>", "vbscript:x", " javascript:x", "http://a b"):
        assert views.safe_url(bad) == ""
    assert views.safe_url("https://example.org/review") == "https://example.org/review"


def test_view_helpers_escape_review_text(hostile_analysis):
    a = hostile_analysis
    text = a.text_of("hostile")
    assert text == HOSTILE  # the text is kept as written; escaping happens where it is shown
    names = {}
    assert_inert(views.full_review_html(text, a.mentions, a.set_aside, names))
    for row in a.mentions.drop_duplicates("mention_id").itertuples(index=False):
        assert_inert(views.context_html(text, int(row.start), int(row.end)))
        assert_inert(views.highlight_html(row.text, int(row.start), views.key_cues(row.cues, float(row.polarity))))
    assert "&lt;script&gt;" in views.full_review_html(text, a.mentions, a.set_aside, names)


def test_render_helpers_escape_review_fields(hostile_analysis):
    render = pytest.importorskip("dashboard.ui.render")
    row = hostile_analysis.reviews.iloc[0].to_dict()
    card = render.critic_card_html(row, "<script>alert('label')</script>")
    assert_inert(card)
    assert "&lt;script&gt;alert(&#x27;outlet&#x27;)" in card or "&lt;script&gt;" in card
    mentions = hostile_analysis.mentions.drop_duplicates("mention_id").copy()
    mentions["verdict"] = mentions["polarity"].map(views.verdict)
    for row in mentions.to_dict("records"):
        assert_inert(render.excerpt_html(row))


def test_csv_download_defuses_formulas():
    frame = pd.DataFrame({"text": ["=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "plain"]})
    out = export.to_csv(frame).decode()
    assert "'=HYPERLINK" in out and "'+1" in out and "'@SUM" in out and "\nplain" in out


# --- fetching a URL ------------------------------------------------------------------------------


HEADER_LINES_SENT = [0]  # header lines /drip-headers sent before the client hung up


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, body: bytes, ctype: str = "text/html; charset=utf-8", code: int = 200, extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:  # the client stopped reading (a size cap or a timeout)
            pass

    def do_GET(self):  # noqa: N802
        path = self.path.split("?")[0]
        if path == "/review.html":
            self._send((FIXTURES / "review_page.html").read_bytes())
        elif path.startswith("/critic/"):  # a review page per critic, each in words of its own
            critic = path.rsplit("/", 1)[-1]
            self._send(f"<html><head><title>{critic} on the film</title></head><body><article><h1>{critic} reviews "
                       f"the film</h1><p>The acting is superb and the story, says {critic}, is gripping from the "
                       f"first scene to the last; {critic} admired the score as well.</p></article></body></html>"
                       .encode())
        elif path == "/hostile.html":
            self._send((FIXTURES / "hostile_page.html").read_bytes())
        elif path == "/cp1252.txt":
            self._send("The film’s “score” is lovely, the acting superb.".encode("cp1252"), "text/plain; charset=windows-1252")
        elif path == "/slow":
            time.sleep(3)
            try:
                self._send(b"<p>late</p>")
            except OSError:  # the client gave up, as it should
                pass
        elif path == "/big":
            self._send(b"<p>" + b"word " * 300_000 + b"</p>")
        elif path == "/big-unannounced":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"word " * 10_000)
            except OSError:  # the client stopped reading at its cap
                pass
        elif path == "/drip":  # each byte well within the timeout, the whole page not
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "40")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"w")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:  # the client gave up, as it should
                pass
        elif path == "/drip-headers":  # the same with the headers: each line in time, all of them not
            HEADER_LINES_SENT[0] = 0
            try:
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                for n in range(40):
                    self.wfile.write(f"X-Slow-{n}: 1\r\n".encode())
                    self.wfile.flush()
                    HEADER_LINES_SENT[0] += 1
                    time.sleep(0.2)
                self.wfile.write(b"Content-Type: text/html\r\nContent-Length: 4\r\n\r\n<p/>")
            except OSError:
                pass
        elif path == "/image":
            self._send(b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        elif path == "/to-file":
            self._send(b"", code=302, extra=[("Location", "file:///etc/passwd")])
        elif path == "/to-review":
            self._send(b"", code=302, extra=[("Location", "/review.html")])
        else:
            self._send(b"not here", "text/plain", 404)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_review_page(server):
    report = ingest.read_url(f"{server}/review.html", allow_private=True)
    assert not report.problems
    src = report.sources[0]
    assert "Ana de Armas is terrific" in src.text and "SHOULD-NOT-APPEAR" not in src.text
    assert src.url == f"{server}/review.html" and src.author == "Jo Example" and src.review_id == "review"


def test_fetch_hostile_page_yields_text_only(server):
    src = ingest.read_url(f"{server}/hostile.html", allow_private=True).sources[0]
    assert "alert(1)" not in src.text and "onerror" not in src.text


def test_fetch_plain_text_in_cp1252(server):
    src = ingest.read_url(f"{server}/cp1252.txt", allow_private=True).sources[0]
    assert src.text == "The film’s “score” is lovely, the acting superb."


def test_fetch_follows_http_redirect(server):
    src = ingest.read_url(f"{server}/to-review", allow_private=True).sources[0]
    assert src.url.endswith("/review.html")


@pytest.mark.parametrize("url,words", [
    ("file:///etc/passwd", "only http:// and https://"),
    ("ftp://127.0.0.1/x", "only http:// and https://"),
    ("javascript:alert(1)", "only http:// and https://"),
    ("data:text/html,<script>alert(1)</script>", "only http:// and https://"),
    ("127.0.0.1/review.html", "only http:// and https://"),
    ("http://user:pw@127.0.0.1/", "user name or password"),
    ("http:///nohost", "no host name"),
])
def test_fetch_refuses_other_schemes(url, words):
    report = ingest.read_url(url, allow_private=True)
    assert not report.sources and words in report.problems[0]


def test_fetch_refuses_redirect_to_file(server):
    report = ingest.read_url(f"{server}/to-file", allow_private=True)
    assert not report.sources and "only http:// and https://" in report.problems[0]


def test_fetch_refuses_local_addresses_by_default(server, monkeypatch):
    monkeypatch.delenv("DASHBOARD_ALLOW_PRIVATE_URLS", raising=False)
    report = ingest.read_url(f"{server}/review.html")
    assert not report.sources and "private network" in report.problems[0]
    monkeypatch.setenv("DASHBOARD_ALLOW_PRIVATE_URLS", "1")
    assert ingest.read_url(f"{server}/review.html").sources


def test_fetch_refuses_a_host_name_that_turns_private_when_connecting(server, monkeypatch):
    # "DNS rebinding": the name looked public when checked, the connection lands on this machine.
    monkeypatch.delenv("DASHBOARD_ALLOW_PRIVATE_URLS", raising=False)
    monkeypatch.setattr(fetch, "_refuse_private", lambda host, port, url, allow_private: None)
    report = ingest.read_url(f"{server}/review.html")
    assert not report.sources
    assert "private network are refused" in report.problems[0]


def test_fetch_timeout(server):
    report = ingest.read_url(f"{server}/slow", timeout=0.5, allow_private=True)
    assert not report.sources and "no answer within 0.5 seconds" in report.problems[0]


def test_fetch_has_one_deadline_for_the_whole_page(server):
    report = ingest.read_url(f"{server}/drip", timeout=1, allow_private=True)
    assert not report.sources and "did not arrive within 1 second" in report.problems[0]


def test_the_deadline_covers_headers_sent_a_line_at_a_time(server):
    # Every line comes within the one-read timeout; all of them take 8 seconds. The fetch
    # hangs up at its deadline: the server never gets to send them all.
    report = ingest.read_url(f"{server}/drip-headers", timeout=1, allow_private=True)
    assert not report.sources and "within 1 second" in report.problems[0]
    time.sleep(0.5)  # the server notices the closed connection at its next line
    assert HEADER_LINES_SENT[0] < 40


@pytest.mark.parametrize("address", ["64:ff9b::7f00:1", "2002:7f00:1::", "::ffff:127.0.0.1",
                                     "2001:0:4136:e378:8000:63bf:3fff:fdd2"],
                         ids=["NAT64 of 127.0.0.1", "6to4 of 127.0.0.1", "IPv4-mapped", "Teredo"])
def test_fetch_refuses_addresses_that_wrap_a_private_one(address, monkeypatch):
    monkeypatch.delenv("DASHBOARD_ALLOW_PRIVATE_URLS", raising=False)
    report = ingest.read_url(f"http://[{address}]/review.html")
    assert not report.sources and "private network are refused" in report.problems[0]


def test_an_address_that_wraps_a_public_one_is_public():
    assert fetch._is_global("64:ff9b::808:808") and fetch._is_global("2002:808:808::")


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_fetch_size_cap(server, path):
    report = ingest.read_url(f"{server}{path}", max_bytes=100_000, allow_private=True)
    assert not report.sources and "limit for a fetched page" in report.problems[0]


def test_fetch_errors_are_messages(server):
    assert "answered 404" in ingest.read_url(f"{server}/missing", allow_private=True).problems[0]
    assert "not a web page (image/png)" in ingest.read_url(f"{server}/image", allow_private=True).problems[0]
    closed = ingest.read_url("http://127.0.0.1:9/", timeout=1, allow_private=True)
    assert not closed.sources and closed.problems[0].startswith("http://127.0.0.1:9/: ")


def test_binary_upload_never_reaches_the_page():
    assert read_bytes(b"\x89PNG\r\n\x1a\n<script>alert(1)</script>", "x.txt").sources == []


def test_many_addresses_are_fetched_together_and_each_failure_named(server, monkeypatch):
    """Ten addresses, three failing in different ways: seven reviews, in the order given,
    and three one-line reasons."""
    monkeypatch.setenv("DASHBOARD_ALLOW_PRIVATE_URLS", "127.0.0.1")  # the test servers, no other private address
    good = [f"{server}/critic/critic{i}" for i in range(7)]
    failing = [f"{server}/slow", f"{server}/missing", "http://10.1.2.3/review.html"]
    urls = good[:3] + failing[:1] + good[3:5] + failing[1:] + good[5:]
    done = []
    # (1.5 s: the good pages answer in time even on a busy machine; "/slow" takes 3 s)
    report = ingest.read_urls(urls, timeout=1.5, progress=lambda n, total: done.append((n, total)))
    assert [s.url for s in report.sources] == good
    assert len(report.problems) == 3 and all("\n" not in p for p in report.problems)
    reasons = dict(zip(failing, sorted(report.problems, key=lambda p: [f in p for f in failing].index(True))))
    assert "no answer within 1.5 seconds" in reasons[f"{server}/slow"]
    assert "answered 404" in reasons[f"{server}/missing"]
    assert "private network are refused" in reasons["http://10.1.2.3/review.html"]
    assert done[-1] == (10, 10) and len(done) == 10


def test_addresses_past_the_limit_are_not_fetched(server, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_URLS", 2)
    report = ingest.read_urls([f"{server}/critic/a", f"{server}/critic/b", f"{server}/critic/c"], allow_private=True)
    assert len(report.sources) == 2 and "3 web addresses given; only the first 2 are fetched" in report.problems[0]
