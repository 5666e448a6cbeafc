"""Reviews × aspects: who liked what; choose a cell to read the quotes."""

import streamlit as st

from dashboard.present import figures, views
from dashboard.ui import frame, render, state

CHART_KEY = "heatmap_chart"


def _on_cell_selected() -> None:
    """A click on a cell picks that critic and aspect (runs before the page redraws)."""
    event = st.session_state.get(CHART_KEY)
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return
    for point in points:
        custom = point.get("customdata")
        if isinstance(custom, (list, tuple)) and len(custom) == 2:
            state.set_value("review", str(custom[0]))
            state.set_value("aspect", str(custom[1]))
            return


ctx = frame.context()
if ctx.data is not None:
    a = ctx.data.analysis
    render.film_header(ctx.data, "Aspect heatmap: which parts of the film each critic liked")
    render.how_to_read(
        "- Each **row** is a critic, each **column** a part of the film (acting, story, music…).\n"
        "- Each cell is a score out of 100 for what that critic said about it: **blue = praise**, "
        "**orange = criticism**, grey = neutral or balanced (around 50). A single remark moves a "
        "score only part of the way (to about 25 or 75); the more remarks agree, the further it goes.\n"
        "- A cell with a **dash (–)** and no colour means the critic **didn't mention** it at all. "
        "That's different from a neutral 50.\n"
        "- **Overall** scores the critic's sentences about the film as a whole (\"worth seeing\", "
        "\"a fun ride\"). It is not their overall score: that is on **Ratings vs words**.\n"
        "- Hover over a cell for the number of praising and critical remarks and the strongest quote; "
        "**click or tap a cell** (or use the choices beside the chart, below it on a phone) to read what "
        "the critic wrote."
    )
    present = ctx.aspects_present()
    if not present:
        st.info("None of these reviews says enough about a specific part of the film to fill the heatmap yet.")
    else:
        n = len(a.reviews)
        c1, c2, c3 = st.columns([2, 2, 1])
        sort = c1.selectbox("Order critics", list(views.SORTS), format_func=views.SORTS.get, key="heatmap_sort",
                            help="Consensus = the average of all critics' scores.")
        show = "all"
        if n > 20:
            show = c2.selectbox("Show", ["all", "top_bottom"], key="heatmap_show",
                                format_func={"all": "All critics, page by page",
                                             "top_bottom": "The 10 most and 10 least favourable"}.get)
        per_page = 25
        top_bottom = 10 if show == "top_bottom" else 0
        total = views.heatmap_row_count(a.reviews, top_bottom=top_bottom)
        pages = views.pages_needed(total, per_page)
        with c3:
            page = st.pagination(pages, key="heatmap_page") if pages > 1 else 1
        hm = views.heatmap_data(a.reviews, a.aspects, a.mentions, ctx.keys, sort=sort,
                                page=page, per_page=per_page, top_bottom=top_bottom)
        if pages > 1:
            st.caption(views.page_caption(page, per_page, total))

        chart_col, pick_col = st.columns([3, 1], gap="medium")
        with chart_col:
            st.plotly_chart(figures.heatmap(hm, ctx.names), key=CHART_KEY, on_select=_on_cell_selected,
                            selection_mode="points", config={"displayModeBar": False})
        with pick_col:
            st.markdown("**Read the quotes**")
            ids = list(a.reviews["review_id"].astype(str))
            if state.get_value("aspect") not in present:
                state.set_value("aspect", present[0])
            if state.get_value("review") not in ids:
                # Start with the first critic on screen who talks about the aspect.
                column = hm.scores[state.get_value("aspect")]
                state.set_value("review", column.first_valid_index() or (list(hm.scores.index) or ids)[0])
            st.selectbox("Critic", ids, format_func=lambda r: ctx.labels.get(r, r), key="heatmap_review",
                         on_change=state.bind("review", "heatmap_review"))
            st.selectbox("Aspect", present, format_func=lambda k: ctx.names.get(k, k), key="heatmap_aspect",
                         on_change=state.bind("aspect", "heatmap_aspect"))

        rid, aspect = state.get_value("review"), state.get_value("aspect")
        label, name = ctx.labels.get(rid, rid), ctx.names.get(aspect, aspect)
        st.subheader(f"What {views.md_escape(label)} says about {name.lower()}")
        summary = views.aspect_summary(a.aspects, aspect)
        if rid in summary.index:
            row = summary.loc[rid]
            st.html(f'<div>{render.badge(row["score"])} out of 100 · {int(row["positive"])} praise, '
                    f'{int(row["negative"])} criticism</div>')
        quotes = views.quotes_for(a.mentions, aspect, [rid])
        if quotes.empty:
            st.info(f"This critic doesn't mention the {name.lower()}.")
        else:
            st.html("".join(render.excerpt_html(r) for r in quotes.to_dict("records")))
        l1, l2 = st.columns(2)
        l1.page_link(frame.page("quotes"), label=f"Compare all critics on {name.lower()}",
                     icon=":material/format_quote:", query_params=state.page_params(aspect=aspect))
        l2.page_link(frame.page("full_review"), label="Read this review in full", icon=":material/article:",
                     query_params=state.page_params(review=rid))
