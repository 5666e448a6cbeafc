"""What the critics think: a dashboard of film reviews, aspect by aspect.

Run with ``streamlit run app.py``. This file only sets up the pages; the work is in
``src/dashboard`` (``ui`` for Streamlit helpers, ``present`` for the data and charts the pages show).
"""

import sys
from pathlib import Path

_SRC = Path(__file__).resolve().parent / "src"
if _SRC.is_dir() and str(_SRC) not in sys.path:  # Community Cloud runs without an install step
    sys.path.insert(0, str(_SRC))

import streamlit as st  # noqa: E402

from dashboard.ui import frame  # noqa: E402

frame.serve(st.navigation(frame.build_pages()))
