"""Critics' dashboard: what film critics think, aspect by aspect, with their own words as evidence.

The analysis engine (everything in this package except ``dashboard.ui``) is plain Python:
``dashboard.engine.pipeline.analyze_sources`` turns review texts into three tables
(``reviews``, ``aspects``, ``mentions``) that the CLI, the Streamlit pages and the
benchmarks all read.
"""

__version__ = "0.1.0"
