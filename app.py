"""What the critics think: a dashboard of film reviews, aspect by aspect.

Run with ``streamlit run app.py``. This file only sets up the pages; the work is in
``src/dashboard`` (``ui`` for Streamlit helpers, ``views``/``figures`` for data and charts).
"""

import sys
from pathlib import Path

_SRC = Path(__file__).resolve().parent / "src"
if _SRC.is_dir() and str(_SRC) not in sys.path:  # Community Cloud runs without an install step
    sys.path.insert(0, str(_SRC))

import streamlit as st  # noqa: E402

from dashboard.ui import frame  # noqa: E402

st.set_page_config(page_title="What the critics think", page_icon="🎬", layout="wide")

page = st.navigation(frame.build_pages())
try:
    frame.start()
    frame.run_page(page)
    frame.finish()
finally:
    frame.end_run()
