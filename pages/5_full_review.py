"""One review in full, with what was scored highlighted and what was set aside greyed."""

import streamlit as st

from dashboard.present import views
from dashboard.ui import frame, render, state

ctx = frame.context()
if ctx.data is not None:
    a = ctx.data.analysis
    render.film_header(ctx.data, "Full review: the critic's own text, with what we scored highlighted")
    render.how_to_read(
        "- Highlighted sentences are the critic's opinions. A small tag in front says which part of "
        "the film it is about and whether it is **▲ Praise** (blue, solid underline), "
        "**▼ Criticism** (orange, dashed underline) or **● Neutral** (grey, double underline). "
        "Bold words tipped the balance; where none is bold, the words say little either way and the "
        "sentence leans with the critic's rating, if there is one.\n"
        "- Sentences that only retell the plot have a thin grey dotted line: they don't change any score.\n"
        "- *Greyed, slanted text* was set aside (site menus, adverts, cast lists, headings); its tag says why.\n"
        "- The critic's own rating is **boxed in yellow**."
    )
    ids = list(a.reviews["review_id"].astype(str))
    if state.get_value("review") not in ids:
        state.set_value("review", ids[0])
    c1, c2 = st.columns([2, 1])
    c1.selectbox("Critic", ids, format_func=lambda r: ctx.labels.get(r, r), key="full_review",
                 on_change=state.bind("review", "full_review"))
    present = ctx.aspects_present()
    if state.get_value("highlight") not in present:
        state.set_value("highlight", None)
    only = c2.selectbox("Highlight", [""] + present, key="full_highlight",
                        on_change=state.bind("highlight", "full_highlight", empty=""),
                        format_func=lambda k: "Every aspect" if not k else f"Only {ctx.names.get(k, k).lower()}",
                        help="Show every opinion, or only what the critic says about one part of the film.")
    rid = state.get_value("review")
    row = a.reviews[a.reviews["review_id"].astype(str) == rid].iloc[0].to_dict()
    st.html(render.critic_card_html({**row, "pull_quote": ""}, ctx.labels.get(rid, rid)))
    st.html('<div class="cd-legend cd-muted"><span>▲ Praise = blue, solid underline</span>'
            '<span>▼ Criticism = orange, dashed underline</span><span>● Neutral = grey, double underline</span>'
            '<span>Thin dotted line, no shading = retold plot, not scored</span>'
            '<span>Greyed = set aside, not scored</span></div>')
    text = a.text_of(rid)
    mine = a.mentions[a.mentions["review_id"] == rid]
    if only:
        st.caption(views.highlight_caption(mine, only, ctx.names.get(only, only)))
    body = views.full_review_html(text, mine, a.set_aside[a.set_aside["review_id"] == rid], ctx.names,
                                  aspect=only or None)
    with st.container(border=True):
        st.html(f'<div class="cd-review">{body}</div>')
    link = views.safe_url(row.get("url", ""))
    if link:
        st.link_button("Open the original review", link, icon=":material/open_in_new:")
