"""One aspect, the critics' own words side by side."""

import streamlit as st

from dashboard.present import views
from dashboard.ui import frame, render, state
from dashboard.text.wording import count

PER_PAGE = 3          # critics side by side
FIRST_EXCERPTS = 5    # excerpts shown before "more"

ctx = frame.context()
if ctx.data is not None:
    a = ctx.data.analysis
    render.film_header(ctx.data, "Quotes side by side: what each critic wrote about one part of the film")
    render.how_to_read(
        "- Pick a part of the film (an **aspect**). Each column is one critic and shows the sentences "
        "where they talk about it (on a phone the columns stand one under another).\n"
        "- Each quote is marked **▲ Praise** (blue, solid edge), **▼ Criticism** (orange, dashed edge) "
        "or **● Neutral**. The words that tipped the balance are **highlighted**. Where the words say "
        "little either way, the quote leans the way the critic's printed rating does, and says so.\n"
        "- Open **In context** under a quote to read it within its paragraph, or go to the full review.\n"
        "- Choose critics to compare just those; otherwise everyone who mentions the aspect is shown, "
        "a few at a time."
    )
    keys = ctx.keys
    counts = a.aspects.groupby("aspect").size() if len(a.aspects) else {}
    if state.get_value("aspect") not in keys:
        present = ctx.aspects_present()
        state.set_value("aspect", present[0] if present else keys[0])

    def aspect_label(k: str) -> str:
        n = int(counts.get(k, 0)) if len(a.aspects) else 0
        return f"{ctx.names.get(k, k)} ({n})"

    st.pills("Aspect (number of critics who mention it)", keys, format_func=aspect_label, key="quotes_aspect",
             required=True, on_change=state.bind("aspect", "quotes_aspect"),
             help="The part of the film to compare. The number is how many critics talk about it.")
    aspect = state.get_value("aspect")
    name = ctx.names.get(aspect, aspect)
    ids = list(a.reviews["review_id"].astype(str))
    st.multiselect("Critics to compare (leave empty for everyone who mentions it)", ids,
                   format_func=lambda r: ctx.labels.get(r, r), key="quotes_reviews",
                   on_change=state.bind("reviews", "quotes_reviews"),
                   placeholder="Everyone who mentions it")
    if ctx.descriptions.get(aspect):
        st.caption(f"{name}: {ctx.descriptions[aspect]}")

    chosen = state.get_value("reviews")
    quotes = views.quotes_for(a.mentions, aspect, chosen or None)
    summary = views.aspect_summary(a.aspects, aspect)
    mentioning = set(quotes["review_id"])
    if chosen:
        # those who talk about it first; the others keep a column that says they don't
        columns_for = sorted(chosen, key=lambda r: r not in mentioning)
    else:
        scores = summary["score"].sort_values(ascending=False, kind="stable")
        columns_for = [r for r in scores.index if r in mentioning]
    if not columns_for:
        who = "the critics you chose" if chosen else "these critics"
        st.info(f"None of {who} talks about the {name.lower()}. Try another aspect.")
    else:
        pages = views.pages_needed(len(columns_for), PER_PAGE)
        page = render.pager(pages, "quotes_page")
        if pages > 1:
            st.caption(views.page_caption(page, PER_PAGE, len(columns_for)))
        shown = columns_for[(page - 1) * PER_PAGE: page * PER_PAGE]
        for col, rid in zip(st.columns(len(shown) if len(shown) > 1 else [1, 1]), shown):
            with col:
                label = ctx.labels.get(rid, rid)
                head = f'<h4 style="margin:0;padding:0">{views.esc(label)}</h4>'
                if rid in summary.index:
                    row = summary.loc[rid]
                    head += (f'<div class="cd-muted">{name}: {render.badge(row["score"])} /100 · '
                             f'{int(row["positive"])} praise, {int(row["negative"])} criticism</div>')
                st.html(head)
                mine = quotes[quotes["review_id"] == rid]
                if mine.empty:
                    st.caption(f"Doesn't mention the {name.lower()}.")
                text = a.text_of(rid)
                for q in mine.head(FIRST_EXCERPTS).to_dict("records"):
                    st.html(render.excerpt_html(q))
                    with st.expander("In context"):
                        st.html(f'<div class="cd-review">{views.context_html(text, int(q["start"]), int(q["end"]))}</div>')
                        st.page_link(frame.page("full_review"), label="Open the full review",
                                     icon=":material/article:", query_params=state.page_params(review=rid))
                if len(mine) > FIRST_EXCERPTS:
                    with st.expander(count(len(mine) - FIRST_EXCERPTS, "more quote")):
                        st.html("".join(render.excerpt_html(q) for q in mine.iloc[FIRST_EXCERPTS:].to_dict("records")))
        render.pager_below(pages, "quotes_page")
