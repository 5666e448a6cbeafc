"""Rendering helpers. Review text only ever reaches the page escaped: through ``st.html``
with ``html.escape``d text (no Markdown processing), or through Markdown with every
special escaped (``views.md_escape``)."""

from __future__ import annotations

import streamlit as st

from dashboard.present import views
from dashboard.present.figures import BAND_COLOURS
from dashboard.present.views import esc, fmt_score

CSS = """
<style>
.cd-card,.cd-excerpt,.cd-quote,.cd-review,[data-testid="stMarkdownContainer"],[data-testid="stText"],
[data-testid="stCaptionContainer"]{overflow-wrap:anywhere}
.cd-card{border:1px solid rgba(128,128,128,.35);border-radius:.6rem;padding:.8rem 1rem;margin-bottom:.8rem;height:100%}
.cd-card h4{margin:0 0 .3rem 0;font-size:1.05rem;line-height:1.3;padding:0}
.cd-muted{opacity:.75;font-size:.88rem}
.cd-scores{display:flex;gap:.6rem;flex-wrap:wrap;margin:.4rem 0}
.cd-pill{border-radius:.4rem;padding:.15rem .5rem;font-weight:600;font-size:.9rem;border:1px solid rgba(128,128,128,.35)}
.cd-badge{display:inline-block;min-width:2.6rem;text-align:center;border-radius:.35rem;padding:.1rem .4rem;font-weight:700;color:#fff}
.cd-badge.mixed{color:#1a1a1a}
.cd-quote{font-style:italic;margin:.5rem 0 0 0;border-left:3px solid rgba(128,128,128,.5);padding-left:.6rem}
.cd-big{display:flex;align-items:center;gap:1rem;flex-wrap:wrap}
.cd-big .cd-score{font-size:2.6rem;font-weight:800;border-radius:.6rem;padding:.2rem .9rem;color:#fff;line-height:1.2}
.cd-big .cd-score.mixed{color:#1a1a1a}
.cd-big .cd-words{font-size:1.2rem;font-weight:700}
.cd-excerpt{border:1px solid rgba(128,128,128,.3);border-left-width:6px;border-radius:.4rem;padding:.5rem .7rem;margin:.4rem 0;line-height:1.5}
.cd-excerpt.praise{border-left-color:#1F5A96}
.cd-excerpt.criticism{border-left-color:#C0560E;border-left-style:dashed}
.cd-excerpt.neutral{border-left-color:#999}
.cd-verdict{font-size:.78rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;display:block;margin-bottom:.15rem}
.cd-verdict.praise{color:#3b82c4}
.cd-verdict.criticism{color:#d9731f}
.cd-verdict .cd-lean{text-transform:none;font-weight:400;letter-spacing:0;color:#6b7280}
mark.cue{background:transparent;color:inherit;font-weight:700;padding:0 .1rem;border-radius:.2rem}
mark.cue.pos{background:rgba(59,130,196,.22);text-decoration:underline;text-decoration-thickness:2px}
mark.cue.neg{background:rgba(217,115,31,.25);text-decoration:underline wavy;text-decoration-thickness:1px}
mark.ctx{background:rgba(250,204,21,.35);color:inherit;padding:0 .1rem}
.cd-review{white-space:pre-wrap;line-height:1.7;font-size:1rem;max-width:52rem}
.cd-review .m{border-radius:.2rem;padding:0 .1rem}
.cd-review .m.praise{background:rgba(59,130,196,.14);border-bottom:2px solid #3b82c4}
.cd-review .m.criticism{background:rgba(217,115,31,.16);border-bottom:2px dashed #d9731f}
.cd-review .m.neutral{background:rgba(128,128,128,.12);border-bottom:3px double #999}
.cd-review .tag{font-size:.68rem;font-weight:700;text-transform:uppercase;letter-spacing:.02em;opacity:.8;
  border:1px solid rgba(128,128,128,.45);border-radius:.25rem;padding:0 .25rem;margin:0 .3rem 0 .1rem;font-style:normal;
  overflow-wrap:anywhere}
.cd-review .aside{opacity:.5;font-style:italic}
.cd-review .plot{border-bottom:1px dotted rgba(128,128,128,.7)}
.cd-review .rating{font-weight:700;outline:2px solid #E3C400;border-radius:.2rem;padding:0 .2rem}
.cd-legend span{margin-right:1rem;white-space:nowrap;display:inline-block}
.cd-narrow-only{display:none}
@media (max-width:640px){.cd-narrow-only{display:block}}
</style>
"""


def inject_css() -> None:
    st.html(CSS)


def wide_table_hint() -> None:
    """On a phone a wide table is cut off at the screen's edge with no sign that it scrolls."""
    st.html('<div class="cd-narrow-only cd-muted">Swipe the table sideways to see every column.</div>')


def badge(score, estimate: bool = False) -> str:
    b = views.band(score)
    colour = BAND_COLOURS[b]
    star = "*" if estimate and not views.is_missing(score) else ""
    tip = ("No score" if not b else
           f"{fmt_score(score)} out of 100: {views.BAND_WORDS[b].lower()}"
           + (" (estimated from the words of the review)" if estimate else "")
           + f". {views.bands_in_words()}.")
    return f'<span class="cd-badge {b}" style="background:{colour}" title="{esc(tip)}">{fmt_score(score)}{star}</span>'


def consensus_html(c: views.Consensus) -> str:
    colour = BAND_COLOURS[c.band]
    parts = []
    if c.rated:
        parts.append(f"{c.rated} with the critic's own rating")
    if c.estimated:
        parts.append(f"{c.estimated} estimated from the words*")
    backing = " and ".join(parts) or "no scored reviews"
    return (
        f'<div class="cd-big"><span class="cd-score {c.band}" style="background:{colour}" '
        f'title="Average of every critic\'s score, out of 100">{fmt_score(c.score)}</span>'
        f'<div><div class="cd-words">{esc(c.band_words)}</div>'
        f'<div class="cd-muted">Average of {c.reviews} review{"s" if c.reviews != 1 else ""}: {esc(backing)}.</div>'
        f'<div class="cd-muted">{views.bands_in_words(" · ")}</div></div></div>'
    )


def critic_card_html(row, label: str) -> str:
    """One critic: name, rating as written and its 0-100 form, the estimate, pull quote."""
    outlet = views._clean(row.get("outlet", ""))
    author = views._clean(row.get("author", ""))
    sub = " · ".join(x for x in [author if outlet else "", views._clean(row.get("title", ""))] if x)
    raw = views._clean(row.get("explicit_rating", ""))
    explicit, inferred = row.get("explicit_score"), row.get("inferred_score")
    if raw and not views.is_missing(explicit):
        rating = f'Their rating: <b>{esc(raw)}</b> = {badge(explicit)} <span class="cd-muted">/100</span>'
    elif raw:
        rating = f'Their rating: <b>{esc(raw)}</b> <span class="cd-muted">(not on a scale we can convert)</span>'
    else:
        rating = '<span class="cd-muted">No rating given</span>'
    # The star marks an estimate standing in for a rating (the overview's footnote).
    est = (f'Estimate from the words: {badge(inferred, estimate=views.is_missing(explicit))}'
           if not views.is_missing(inferred) else '<span class="cd-muted">Too little opinion to estimate</span>')
    quote = views._clean(row.get("pull_quote", ""))
    quote_html = f'<p class="cd-quote">“{esc(quote)}”</p>' if quote else ""
    url = views.safe_url(row.get("url", ""))
    link = (f' · <a href="{esc(url)}" target="_blank" rel="noopener noreferrer nofollow">original</a>' if url else "")
    note = views._clean(row.get("note", ""))
    note_html = f'<div class="cd-muted">Note: {esc(note)}</div>' if note else ""
    return (
        f'<div class="cd-card"><h4>{esc(label)}</h4>'
        + (f'<div class="cd-muted">{esc(sub)}{link}</div>' if sub or link else "")
        + f'<div class="cd-scores"><span>{rating}</span></div><div class="cd-scores"><span>{est}</span></div>'
        + quote_html + note_html + "</div>"
    )


def excerpt_html(row, text: str | None = None) -> str:
    """A quote: verdict in words and colour, the cue words marked."""
    v = row["verdict"]
    cues = views.key_cues(row["cues"], float(row["polarity"]))
    body = views.highlight_html(row["text"], int(row["start"]), cues)
    # A judgement no single word carried (many light words, or read with the critic's rating:
    # ``scores.lean_with_rating``) says so, rather than leaving the reader to look for a
    # highlight that isn't there.
    lean = "" if cues or v == views.NEUTRAL else (
        '<span class="cd-lean"> · no single word stands out: a slight lean, or the critic\'s rating</span>')
    return (f'<div class="cd-excerpt {v}"><span class="cd-verdict {v}">{views.VERDICT_SYMBOLS[v]} '
            f'{views.VERDICT_LABELS[v]}{lean}</span>{body}</div>')


def how_to_read(text: str, expanded: bool = False) -> None:
    """A short plain-language guide (our own Markdown, never review text)."""
    with st.expander("How to read this", expanded=expanded, icon=":material/help:"):
        st.markdown(text)


def film_header(data, subtitle: str = "") -> None:
    info = data.info
    title = info.title + (f" ({info.year})" if info.year else "")
    st.html(f'<h1 style="margin:0;padding:0 0 .2rem 0;font-size:2rem">{esc(title)}</h1>'
            + (f'<div class="cd-muted">{esc(subtitle)}</div>' if subtitle else ""))


def pager(num_pages: int, key: str) -> int:
    """The page chosen in a pager above the content (1 when there is one page). With
    ``pager_below``, the same pager again under it: on a phone, columns stack into one
    long column, and the next page should not be a long scroll back up."""
    return _pagination(num_pages, key, "above") if num_pages > 1 else 1


def pager_below(num_pages: int, key: str) -> None:
    if num_pages > 1:
        _pagination(num_pages, key, "below")


def _pagination(num_pages: int, key: str, where: str) -> int:
    # Each choice starts a new generation of both pagers, drawn afresh at the chosen page:
    # a pager cannot be moved by the other one's callback without Streamlit objecting to
    # a widget value set from code.
    page = min(st.session_state.get(key, 1), num_pages)
    widget = f"{key}_{where}_{st.session_state.get(key + '_generation', 0)}"
    st.pagination(num_pages, default=page, key=widget, on_change=_choose_page, args=(key, widget))
    return page


def _choose_page(key: str, widget: str) -> None:
    st.session_state[key] = st.session_state[widget]
    st.session_state[key + "_generation"] = st.session_state.get(key + "_generation", 0) + 1


def consensus_sentences_html(sentences) -> str:
    """The consensus sentences as HTML, their words escaped (an aspect's name comes from a
    taxonomy a user may edit) and the aspects they name in bold."""
    def part(p) -> str:
        return f"<b>{esc(p.text)}</b>" if p.aspect else esc(p.text)

    return '<p class="cd-consensus">' + " ".join("".join(map(part, s)) for s in sentences) + "</p>"
