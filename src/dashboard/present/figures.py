"""Plotly figures for the pages: pure functions, data in, figure out.

Colours are colour-blind safe: praise is blue, criticism orange, neutral grey, and every
colour is repeated in words (hover text, legends). Any text from a review is
``html.escape``d before it goes into hover labels or tick labels, because Plotly renders
a subset of HTML there.
"""

from __future__ import annotations

import html
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.present.views import HeatmapData, band, band_spans, fmt_score, is_missing
from dashboard.text.wording import count

PRAISE_BLUE = "#1F5A96"
CRITICISM_ORANGE = "#C0560E"
NEUTRAL_GREY = "#E8E8E8"
# Diverging, colour-blind safe, centred on 50 (neutral).
DIVERGING = [
    [0.0, CRITICISM_ORANGE], [0.25, "#F4A259"], [0.5, NEUTRAL_GREY], [0.75, "#67A9CF"], [1.0, PRAISE_BLUE],
]
# Metacritic's three bands in colour-blind-safe colours (Okabe-Ito blue / yellow / vermillion).
BAND_COLOURS = {"favourable": "#0072B2", "mixed": "#E3C400", "unfavourable": "#D55E00", "": "#888888"}
BAND_FILLS = {"favourable": "rgba(0,114,178,0.10)", "mixed": "rgba(227,196,0,0.12)", "unfavourable": "rgba(213,94,0,0.10)"}
FONT = dict(family="sans-serif", size=13)


def _e(text) -> str:
    return html.escape("" if is_missing(text) else str(text), quote=True)


def _short(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _wrap(text: str, width: int = 60, max_lines: int = 4) -> str:
    """Escaped text wrapped with <br> for a hover label."""
    lines = textwrap.wrap(" ".join(str(text).split()), width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip() + " …"
    return "<br>".join(_e(line) for line in lines)


def tick_labels(labels: list[str], width: int = 28) -> list[str]:
    """Escaped, shortened, still unique axis labels."""
    out, seen = [], set()
    for label in labels:
        t = _e(_short(label, width))
        while t in seen:
            t += "\u200b"  # keep duplicates apart on a categorical axis
        seen.add(t)
        out.append(t)
    return out


def _layout(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(
        height=height, margin=dict(l=10, r=10, t=40, b=10), font=FONT,
        paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)",
        hoverlabel=dict(align="left", font_size=13), dragmode=False,
    )
    return fig


def _shade_bands(fig: go.Figure) -> None:
    for b, (lo, hi) in band_spans().items():
        fig.add_vrect(x0=lo, x1=hi, fillcolor=BAND_FILLS[b], line_width=0, layer="below")


def ratings_dumbbell(gaps: pd.DataFrame) -> go.Figure:
    """Each critic's own rating (filled circle) beside the estimate from their words
    (open diamond), joined by a line; reviews without a rating show the estimate only.
    ``gaps`` is ``views.rating_gaps``."""
    rows = gaps.iloc[::-1]  # best at the top
    y = tick_labels(rows["label"].tolist())
    fig = go.Figure()
    _shade_bands(fig)
    line_x, line_y = [], []
    for yy, e, i in zip(y, rows["explicit_score"], rows["inferred_score"]):
        if not is_missing(e) and not is_missing(i):
            line_x += [e, i, None]
            line_y += [yy, yy, None]
    if line_x:
        fig.add_trace(go.Scatter(x=line_x, y=line_y, mode="lines", line=dict(color="#999999", width=3),
                                 hoverinfo="skip", showlegend=False))
    has_rating = rows["explicit_score"].notna()
    fig.add_trace(go.Scatter(
        x=rows.loc[has_rating, "explicit_score"], y=[yy for yy, h in zip(y, has_rating) if h],
        mode="markers", name="Critic's own rating",
        marker=dict(symbol="circle", size=16, color=PRAISE_BLUE, line=dict(color="white", width=1)),
        customdata=np.stack([rows.loc[has_rating, "rating_as_written"].map(_e),
                             rows.loc[has_rating, "explicit_score"].map(fmt_score)], axis=-1) if has_rating.any() else None,
        hovertemplate="Own rating: %{customdata[0]} = %{customdata[1]}/100<extra></extra>",
    ))
    has_est = rows["inferred_score"].notna()
    fig.add_trace(go.Scatter(
        x=rows.loc[has_est, "inferred_score"], y=[yy for yy, h in zip(y, has_est) if h],
        mode="markers", name="Estimate from the words",
        marker=dict(symbol="diamond-open", size=15, color=CRITICISM_ORANGE, line=dict(width=3)),
        customdata=np.stack([rows.loc[has_est, "inferred_score"].map(fmt_score),
                             rows.loc[has_est, "meaning"].map(_e)], axis=-1) if has_est.any() else None,
        hovertemplate="Estimate from the words: %{customdata[0]}/100<br>%{customdata[1]}<extra></extra>",
    ))
    fig.update_xaxes(range=[-2, 102], title_text="Score out of 100 (50 = neutral)", dtick=10, fixedrange=True,
                     gridcolor="rgba(128,128,128,0.25)")
    fig.update_yaxes(categoryorder="array", categoryarray=y, fixedrange=True)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0))
    return _layout(fig, 110 + 44 * len(rows))


def heatmap(data: HeatmapData, names: dict[str, str], selected: tuple[str, str] | None = None) -> go.Figure:
    """Reviews × aspects, coloured on a diverging scale centred on 50. A cell with no
    mention is blank (shown with a dash), never neutral. An invisible marker sits on
    every cell so a click can select it; its hover gives the score, the counts of praise
    and criticism and the strongest quote."""
    aspects = list(data.scores.columns)
    ids = list(data.scores.index)
    x = [_e(names.get(a, a)) for a in aspects]
    y = tick_labels(data.labels, width=18)
    z = data.scores.to_numpy(dtype=float)
    text = [[fmt_score(v) if not np.isnan(v) else "–" for v in row] for row in z]
    fig = go.Figure(go.Heatmap(
        z=z, x=x, y=y, zmin=0, zmax=100, zmid=50, colorscale=DIVERGING, xgap=2, ygap=2,
        text=text, texttemplate="%{text}", textfont=dict(size=12), hoverinfo="skip",
        # Below the chart, so a phone keeps its width for the cells.
        colorbar=dict(orientation="h", x=0.5, xanchor="center", y=0.0, yanchor="bottom", yref="container",
                      tickvals=[0, 50, 100], ticktext=["0 criticism", "50 neutral", "100 praise"],
                      thickness=10, len=0.75, lenmode="fraction", outlinewidth=0),
    ))
    px, py, custom, hover = [], [], [], []
    for i, rid in enumerate(ids):
        for j, a in enumerate(aspects):
            px.append(x[j])
            py.append(y[i])
            custom.append([rid, a])
            v = z[i, j]
            head = f"<b>{y[i]}</b> · {x[j]}"
            if np.isnan(v):
                hover.append(f"{head}<br>Not mentioned in this review")
                continue
            pos = int(data.positive.iat[i, j]) if not np.isnan(data.positive.iat[i, j]) else 0
            neg = int(data.negative.iat[i, j]) if not np.isnan(data.negative.iat[i, j]) else 0
            quote = data.quotes.iat[i, j] if (i < len(data.quotes) and j < len(data.quotes.columns)) else ""
            words = {"favourable": "mostly praise", "mixed": "mixed", "unfavourable": "mostly criticism"}[band(v)]
            h = f"{head}<br>Score {fmt_score(v)}/100 ({words})<br>{pos} praise, {neg} criticism"
            if quote:
                h += f"<br><i>“{_wrap(quote)}”</i>"
            hover.append(h + "<br><span style='font-size:11px'>Click to read the quotes</span>")
    sel = None
    if selected is not None:
        sel = [k for k, c in enumerate(custom) if c[0] == selected[0] and c[1] == selected[1]] or None
    fig.add_trace(go.Scatter(
        x=px, y=py, mode="markers", customdata=custom, hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
        marker=dict(symbol="square", size=30, color="rgba(0,0,0,0)", line=dict(width=0)),
        selected=dict(marker=dict(color="rgba(0,0,0,0.28)")), unselected=dict(marker=dict(opacity=1)),
        selectedpoints=sel, showlegend=False, name="",
    ))
    fig.update_xaxes(side="top", fixedrange=True, showgrid=False, categoryorder="array", categoryarray=x)
    fig.update_yaxes(autorange="reversed", fixedrange=True, showgrid=False, categoryorder="array", categoryarray=y)
    fig.update_layout(clickmode="event+select")
    _layout(fig, 150 + 40 * max(len(ids), 1))
    fig.update_layout(margin=dict(l=4, r=4, t=10, b=60))
    return fig


def aspect_overview(agreement: pd.DataFrame, names: dict[str, str]) -> go.Figure:
    """Average score per aspect (dot) with the spread between critics (whisker)."""
    rows = agreement.sort_values("mean", ascending=True)
    y = [_e(names.get(a, a)) for a in rows["aspect"]]
    colours = [BAND_COLOURS[band(m)] for m in rows["mean"]]
    fig = go.Figure()
    _shade_bands(fig)
    fig.add_trace(go.Scatter(
        x=rows["mean"], y=y, mode="markers", marker=dict(size=14, color=colours, line=dict(color="white", width=1)),
        error_x=dict(type="data", array=rows["spread"], color="#888888", thickness=2),
        customdata=np.stack([rows["mean"].map(fmt_score), rows["spread"].round(0).astype(int).astype(str),
                             [count(int(n), "review") for n in rows["reviews"]]], axis=-1) if len(rows) else None,
        hovertemplate="%{y}: average %{customdata[0]}/100 from %{customdata[2]}"
                      "<br>Critics differ by about ±%{customdata[1]} points<extra></extra>",
        showlegend=False,
    ))
    fig.update_xaxes(range=[-2, 102], title_text="Average out of 100",
                     dtick=10, fixedrange=True, gridcolor="rgba(128,128,128,0.25)")
    fig.update_yaxes(fixedrange=True)
    return _layout(fig, 90 + 34 * max(len(rows), 1))
