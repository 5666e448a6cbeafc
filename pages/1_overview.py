"""Overview: the film, what critics think overall, one card per critic."""

import streamlit as st

from dashboard.present import figures, views
from dashboard.present.consensus import consensus_sentences, named_aspects
from dashboard.ui import data as data_mod
from dashboard.ui import frame, render, state

ctx = frame.context()
if ctx.data is not None:
    data = ctx.data
    info, reviews = data.info, data.analysis.reviews
    facts = []
    if info.full_title and info.full_title != info.title:
        facts.append(info.full_title)
    if info.names("director"):
        facts.append("Directed by " + ", ".join(info.names("director")))
    render.film_header(data, " · ".join(facts))
    cast = info.names("cast")
    if cast:
        st.html(f'<div class="cd-muted">Starring {views.esc(", ".join(cast[:6]))}'
                f'{" and others" if len(cast) > 6 else ""}</div>')

    render.how_to_read(
        "- The **big number** is the average of every critic's score out of 100. Where a critic gave "
        "a rating (stars, a grade, a mark out of 10) we use it; where they didn't, we **estimate** a "
        "score from the words of the review, marked with an asterisk (\\*).\n"
        f"- Colours follow the usual review-site bands: **{views.bands_in_words('**, **')}**.\n"
        "- Each card below is one critic: their rating as they wrote it, the same rating out of 100, "
        "our estimate from their words, and the sentence that sums up their view.\n"
        "- Use the pages in the sidebar (the **»** at the top left on a phone) to compare ratings "
        "with words, see which parts of the film critics liked, and read their own words side by side."
    )

    c = views.consensus(reviews)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader("What critics think", help="The average of each critic's score out of 100. "
                     "A critic's own rating counts as given; without one, the score is estimated from their words.")
        st.html(render.consensus_html(c))
        if c.caution:
            st.warning(f"Only {c.reviews} review{' backs' if c.reviews == 1 else 's back'} this score, so treat it "
                       "as a first impression rather than a consensus.", icon=":material/warning:")
        if c.estimated:
            st.caption("\\* Estimated from the words of the review: the critic gave no rating we could read.")
        st.subheader("Critics' consensus", help="What most critics praise, where they split and what draws "
                     "the most criticism, counted from the aspect scores: a critic praises a part of the film "
                     f"when their score for it is {views.BAND_RANGES[views.FAVOURABLE]}, criticises it when "
                     f"{views.BAND_RANGES[views.UNFAVOURABLE]}. The links below the sentences open their words.")
        sentences = consensus_sentences(data.analysis.aspects, len(reviews), ctx.names, data_mod.taxonomy().verdict)
        st.html(render.consensus_sentences_html(sentences))
        if named := named_aspects(sentences):
            with st.container(horizontal=True, gap="small", vertical_alignment="center"):
                st.caption("Their words on:", width="content")
                for key in named:
                    st.page_link(frame.page("quotes"), label=ctx.names.get(key, key), icon=":material/format_quote:",
                                 query_params=state.page_params(aspect=key))
    with right:
        agree = views.agreement(data.analysis.aspects)
        if len(agree):
            st.subheader("By aspect", help="Average score for each part of the film. The whisker shows how "
                         "far apart critics are: short means they agree.")
            st.plotly_chart(figures.aspect_overview(agree, ctx.names), key="aspect_overview",
                            config={"displayModeBar": False})

    st.subheader(f"The critics ({len(reviews)})")
    scores = views.critic_scores(reviews).set_index("review_id")
    order = scores["score"].sort_values(ascending=False, na_position="last", kind="stable").index
    per_row, per_page = 3, 12
    pages = views.pages_needed(len(order), per_page)
    page = st.pagination(pages, key="overview_page") if pages > 1 else 1
    shown = list(order[(page - 1) * per_page: page * per_page])
    rows = reviews.set_index(reviews["review_id"].astype(str))
    for start in range(0, len(shown), per_row):
        cols = st.columns(per_row)
        for col, rid in zip(cols, shown[start:start + per_row]):
            with col:
                st.html(render.critic_card_html(rows.loc[rid].to_dict(), ctx.labels.get(rid, rid)))
                st.page_link(frame.page("full_review"), label="Read the full review",
                             icon=":material/article:", query_params=state.page_params(review=rid))
