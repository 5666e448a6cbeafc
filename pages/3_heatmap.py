"""Reviews × aspects: who liked what; choose a cell to read the quotes."""

from dashboard.ui import frame
from dashboard.ui.pages import heatmap

heatmap.render(frame.context())
