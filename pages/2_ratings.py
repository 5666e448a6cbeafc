"""Each critic's own rating beside the score their words suggest."""

import streamlit as st

from dashboard.present import figures, views
from dashboard.ui import frame, render

ctx = frame.context()
if ctx.data is not None:
    render.film_header(ctx.data, "Ratings vs words: does each critic's rating match what they wrote?")
    render.how_to_read(
        "- **Filled circle**: the rating the critic gave (stars, grade, mark), turned into a score out of 100.\n"
        "- **Open diamond**: our estimate of the same critic's score, read from the words of the review.\n"
        "- The **grey line** between them shows how far apart they are. A short line means the words "
        "match the rating; a long one means the review reads warmer or cooler than the rating suggests.\n"
        "- A critic who gave no rating has a diamond only. No rating is never counted as zero.\n"
        f"- Background bands: {views.bands_in_words(ascending=True)}."
    )
    gaps = views.rating_gaps(ctx.data.analysis.reviews)
    per_page = 30
    pages = views.pages_needed(len(gaps), per_page)
    page = st.pagination(pages, key="ratings_page") if pages > 1 else 1
    shown = gaps.iloc[(page - 1) * per_page: page * per_page]
    st.plotly_chart(figures.ratings_dumbbell(shown), key="ratings_chart", config={"displayModeBar": False})

    rated = gaps[gaps["explicit_score"].notna() & gaps["inferred_score"].notna()]
    if len(rated):
        mean_gap = float(rated["gap"].abs().mean())
        st.markdown(
            f"On average, the words sit **{mean_gap:.0f} points** from the critic's own rating "
            f"({len(rated)} review{'s' if len(rated) != 1 else ''} with both). "
            + ("That's close: the estimates track the ratings well." if mean_gap < views.GAP_SMALL
               else "Some reviews read quite differently from their rating.")
        )
    st.subheader("In numbers")
    # Shown as text so a missing value reads "–" (never 0, never "None").
    table = shown.assign(
        rating_as_written=shown["rating_as_written"].where(shown["rating_as_written"] != "", "none given"),
        own=shown["explicit_score"].map(views.fmt_score),
        estimate=shown["inferred_score"].map(views.fmt_score),
        gap_points=shown["gap"].map(lambda g: "–" if views.is_missing(g) else f"{g:+.0f}"),
    )[["label", "rating_as_written", "own", "estimate", "gap_points", "meaning"]]
    render.wide_table_hint()
    st.dataframe(
        table, hide_index=True, key="ratings_table",
        column_config={
            "label": st.column_config.TextColumn("Critic"),
            "rating_as_written": st.column_config.TextColumn("Rating as written", help="Exactly as the critic gave it; blank if none."),
            "own": st.column_config.TextColumn("Rating /100", help="The critic's rating turned into a score out of 100."),
            "estimate": st.column_config.TextColumn("Estimate /100", help="Our estimate of the score from the words of the review."),
            "gap_points": st.column_config.TextColumn("Words vs rating", help="Estimate minus rating, in points. Positive: the words read warmer than the rating."),
            "meaning": st.column_config.TextColumn("What it means"),
        },
    )
