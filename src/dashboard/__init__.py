"""Critics' dashboard: what film critics think, aspect by aspect, with their own words as evidence.

``records`` holds what every layer shares; ``text`` the primitives, ``reading`` turns what
users bring into review records, ``engine`` analyses them into the five tables of the
contract (``engine.batch.analyze_report`` is the way in), ``present`` and ``ui`` show them.
Everything but ``ui`` is plain Python, without Streamlit.
"""

__version__ = "0.1.0"
