"""What the critics think: a dashboard of film reviews, aspect by aspect.

Run with ``streamlit run app.py``. This file only sets up the pages; the work is in
``src/dashboard`` (``ui`` for Streamlit helpers, ``views``/``figures`` for data and charts).
"""

import streamlit as st

from dashboard.ui import frame

st.set_page_config(page_title="What the critics think", page_icon="🎬", layout="wide")

page = st.navigation(frame.build_pages())
frame.start()
frame.run_page(page)
frame.finish()
