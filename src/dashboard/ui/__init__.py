"""Streamlit helpers for the pages: state kept in the link, cached analysis, rendering.

Pages stay thin: they lay out widgets and call into here and into ``views``/``figures``.
"""
