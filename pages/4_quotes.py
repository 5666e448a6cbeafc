"""One aspect, the critics' own words side by side."""

from dashboard.ui import frame
from dashboard.ui.pages import quotes

quotes.render(frame.context())
