"""Your reviews: analyse your own set of reviews in this browser session.

Files (.txt, .md, .html, .csv, .jsonl), pasted text or a review's web address go in; the
analysed set then drives every page for this session only (it is never saved on the
server), and its tables can be downloaded as CSV. Every bit of review text and every file
name is shown as literal text: nothing in an upload is ever run or rendered as markup.
"""

from __future__ import annotations

import functools
import sys
import time
from pathlib import Path

_SRC = Path(__file__).resolve().parents[1] / "src"
if _SRC.is_dir() and str(_SRC) not in sys.path:  # runs without an install step too
    sys.path.insert(0, str(_SRC))

import streamlit as st  # noqa: E402

from dashboard.reading import decode, ingest, tables  # noqa: E402
from dashboard.records import OUTPUT_TABLES, FilmInfo  # noqa: E402
from dashboard.reading.fetch import FETCH_TIMEOUT_S, MAX_FETCH_BYTES  # noqa: E402
from dashboard.engine.batch import analyze_report  # noqa: E402
from dashboard.engine.aspects import taxonomy_text  # noqa: E402
from dashboard.sharing.store import id_of, key_in_link  # noqa: E402
from dashboard.ui import data as data_mod, frame, published, render, state  # noqa: E402
from dashboard.ui.session import clear_upload, current_upload, store_upload  # noqa: E402
from dashboard.present.export import to_csv  # noqa: E402
from dashboard.present.views import md_escape, review_labels, upload_summary  # noqa: E402
from dashboard.text.wording import count, time_left  # noqa: E402

_MESSAGES = "_your_reviews_messages"
_PUBLISHED_UPLOAD = "_published_from_upload"  # the link key of this session's upload, once published
SHOW_CHARS = 20_000  # of one review's text on this page


def literal(text: str) -> str:
    """Markdown that shows ``text`` exactly as it is (no links, images, HTML or directives)."""
    return md_escape(str(text))


def show_messages(messages: list[str]) -> None:
    if not messages:
        return
    with st.expander(f"{count(len(messages), 'note')} about your files", expanded=True):
        for message in messages:
            st.warning(literal(message))


def table_pickers(files) -> dict[str, str]:
    """For each table: its column mapping when names differ, and a text column picker."""
    picks: dict[str, str] = {}
    for number, file in enumerate(files):
        name = decode.safe_name(file.name)
        if Path(name).suffix.lower() not in ingest.TABLE_SUFFIXES or file.size > ingest.MAX_FILE_BYTES:
            continue
        shape = data_mod.table_shape(file.getvalue(), name)
        if shape is None:
            continue
        columns, rows = shape
        mapping = tables.map_columns(columns)
        renamed = {k: v for k, v in mapping.items() if v is not None and v != k}
        st.markdown(f"**Table {literal(name)}** — {count(rows, 'row')}, columns: {literal(', '.join(columns)[:300])}")
        if renamed:
            st.caption("Column mapping (your column → what it is read as):")
            st.dataframe(
                [{"your column": v, "read as": k} for k, v in renamed.items()],
                hide_index=True, width="content",
            )
        default = columns.index(mapping["text"]) if mapping.get("text") in columns else None
        choice = st.selectbox(
            "Column holding the review text in " + literal(name), columns, index=default,
            key=f"text_column_{number}_{name}", placeholder="Pick the review text column",
        )
        if choice is None:
            st.info(literal(f"{name}: no column is named like review text; pick one above or the table is skipped."))
        else:
            picks[name] = choice
    return picks


def run_batch(files, picks: dict[str, str], pasted: str, urls: list[str], label: str, film_title: str = "") -> None:
    fetching = st.progress(0.0, text=f"Fetching {count(len(urls), 'web address', 'web addresses')}…") if urls else None

    def fetched(done: int, total: int) -> None:
        fetching.progress(done / total, text=f"Fetched {done:,} of {count(total, 'web address', 'web addresses')}…")

    with st.spinner("Reading your reviews…"), frame.long_work():
        report = ingest.read_uploads(
            [(decode.safe_name(f.name), f.getvalue()) for f in files or []],
            text_columns=picks,
            pasted=[("pasted review", pasted)] if pasted.strip() else None,
            urls=urls or None,
            url_progress=fetched if fetching else None,
        )
    if fetching:
        fetching.empty()
    if not report.sources:
        st.session_state[_MESSAGES] = report.problems + ["Nothing to analyse: no readable review in this batch."]
        return
    bar = st.progress(0.0, text=f"Analysing {count(len(report.sources), 'review')}…")
    step = max(1, len(report.sources) // 100)
    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        if done == total or done % step == 0:
            left = time_left(done, total, time.monotonic() - started)
            bar.progress(done / max(total, 1),
                         text=f"Analysing review {done:,} of {total:,}…" + (f" ({left})" if left else ""))

    with frame.long_work():
        analysis = analyze_report(report, film_title=film_title, progress=progress)
    bar.empty()
    analysis.problems = report.problems + analysis.problems
    store_upload(analysis, label.strip() or "Your reviews")
    st.session_state[_MESSAGES] = analysis.problems


def sharing_section() -> None:
    """Publish the analysed set (a link anyone can open, kept in the database), and
    unpublish sets by their link."""
    st.subheader("Share your reviews", help="Publishing stores the reviews and their analysis on this app's "
                 "server, so that anyone with the link sees the same pages. Unpublish to remove them again.")
    allowed, why = published.may_publish()
    if not allowed and why == "key":
        with st.form("unlock_publishing", border=False):
            typed = st.text_input("Owner key", type="password", key="publish_key",
                                  help="The key in this app's secrets (`[publish] key`). Asked once per visit.")
            if st.form_submit_button("Unlock publishing"):
                if published.unlock(typed):
                    st.rerun()
                st.error("That is not the owner key.", icon=":material/key_off:")
        return
    if not allowed:
        st.info(why, icon=":material/lock:")
        return
    upload, mine = current_upload(), published.mine()
    ours = st.session_state.get(_PUBLISHED_UPLOAD)
    if ours in mine:
        st.success("Published. Anyone with this link sees these reviews on every page:", icon=":material/public:")
        st.code(state.share_url({"film": ours}), language=None, wrap_lines=True)
    elif upload is not None:
        analysis, label = upload
        if reason := published.too_big(analysis):
            st.info(reason, icon=":material/block:")
        elif st.button("Publish and get a link", key="publish", type="primary"):
            title = (st.session_state.get("upload_film") or "").strip() or label
            done = published.store().publish(analysis, FilmInfo(key="published", title=title), label,
                                              taxonomy_text=taxonomy_text())
            mine[done.key] = label
            st.session_state[_PUBLISHED_UPLOAD] = done.key
            state.set_value("film", done.key)  # every page, and its copied link, now show the published set
            st.rerun()
    with st.form("unpublish", border=False):
        link = st.text_input("Unpublish a set: its link", key="unpublish_link", placeholder="https://…?film=…",
                             help="Paste the link of a set published from this app; its reviews are removed from "
                                  "the server and the link then says so.")
        if st.form_submit_button("Unpublish"):
            key = key_in_link(link)
            if id_of(key) and published.store().unpublish(id_of(key)):
                data_mod.load_published.clear()
                mine.pop(key, None)
                if state.get_value("film") == key:
                    state.set_value("film", None)
                st.success("Unpublished: the link now says the set was removed.", icon=":material/delete:")
            else:
                st.error("No published set has this link (it may have been removed already).")


def show_result() -> None:
    upload = current_upload()
    if upload is None:
        return
    analysis, label = upload
    reviews = analysis.reviews
    st.subheader("Analysed: " + literal(label))
    scored = int((reviews["mentions"] > 0).sum()) if "mentions" in reviews else 0
    st.markdown(
        f"{count(len(reviews), 'review')}, {scored:,} with opinions, {len(analysis.mentions.drop_duplicates('mention_id')):,} "
        "opinion sentences. Every page now shows this set (for this browser session only)."
    )
    render.wide_table_hint()
    st.dataframe(upload_summary(reviews), hide_index=True)
    cols = st.columns(len(OUTPUT_TABLES))
    for col, name in zip(cols, OUTPUT_TABLES):
        with col:
            # Built when clicked, not on every rerun: with many reviews these are megabytes.
            st.download_button(f"{name}.csv", functools.partial(to_csv, analysis.table(name)),
                               file_name=f"{name}.csv", mime="text/csv", key=f"download_{name}", on_click="ignore")
    ids = [str(r) for r in reviews["review_id"]]
    if ids:
        labels = review_labels(reviews)
        chosen = st.selectbox("Read a review as uploaded", ids, key="your_review_text",
                              format_func=lambda r: labels.get(r, r))
        text = analysis.text_of(chosen)
        if len(text) > SHOW_CHARS:
            st.caption(f"The first {SHOW_CHARS:,} of {len(text):,} characters:")
        st.text(text[:SHOW_CHARS])


def main() -> None:
    st.title("Your reviews")
    st.markdown(
        "Analyse your own reviews. They are kept **in this browser session only** and are never saved on "
        "the server; once analysed, every page shows them until you clear them, reload the page or close the tab."
    )
    show_messages(st.session_state.get(_MESSAGES, []))
    if current_upload() is not None and st.button("Clear your reviews", key="clear_upload"):
        clear_upload()
        st.session_state.pop(_MESSAGES, None)
        st.rerun()

    files = st.file_uploader(
        "Review files (.txt, .md, .html, or a .csv/.jsonl table with one review per row)",
        type=ingest.UPLOAD_TYPES, accept_multiple_files=True, key="review_files",
        help=(f"Up to {ingest.MAX_FILE_BYTES // (1024 * 1024)} MB per file and {tables.MAX_TABLE_ROWS:,} rows per "
              f"table; only the first {decode.MAX_REVIEW_CHARS:,} characters of a review are analysed."),
    )
    picks = table_pickers(files or [])
    pasted = st.text_area("…or paste a review", key="pasted_review", height=160)
    urls = [u.strip() for u in st.text_area(
        f"…or reviews' web addresses, one per line (up to {ingest.MAX_URLS})", key="review_urls", height=100,
        placeholder="https://…",
        help=f"http:// or https:// only; each page must arrive within {FETCH_TIMEOUT_S:g} s and be at most "
             f"{MAX_FETCH_BYTES // (1024 * 1024)} MB. Addresses are fetched several at a time; one that fails is "
             "named with the reason, and the others go on.",
    ).splitlines() if u.strip()]
    film_title = st.text_input(
        "Film title (optional)", key="upload_film", max_chars=200,
        help="The film these reviews are about, if they are all about one (a table's film column wins). "
             "Its title then counts as a name, never as praise or criticism (think of *Poor Things*), "
             "and names of the cast and characters found in one review count in the others too.",
    )
    label = st.text_input("Name for this set", value="Your reviews", key="upload_label", max_chars=80)
    if st.button("Analyse", type="primary", key="analyse"):
        if not (files or pasted.strip() or urls):
            st.session_state[_MESSAGES] = ["Add a file, paste a review or give a web address first."]
        else:
            run_batch(files, picks, pasted, urls, label, film_title)
        st.rerun()
    show_result()
    sharing_section()


# Run on its own (a fresh server's first request for /your_reviews), the page is served
# inside the frame every page shares (see frame.context).
frame.context()
main()
