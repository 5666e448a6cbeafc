"""One review in full, with what was scored highlighted and what was set aside greyed."""

from dashboard.ui import frame
from dashboard.ui.pages import full_review

full_review.render(frame.context())
