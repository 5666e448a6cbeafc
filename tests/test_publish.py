"""Publishing an upload and opening it by its link (AppTest; the database is an SQLite
file of the test run, see conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.sharing.store import ID_CHARS

REPO = Path(__file__).resolve().parents[1]
YOUR_REVIEWS = "pages/6_your_reviews.py"
REVIEW = ("Starring: Ana de Armas\n\nThe acting is superb and the action is thrilling from start to finish. "
          "The story is thin and the villain is dull.")
OTHER = "The music soars, the visuals are gorgeous, but the pacing drags and the dialogue is clumsy."


def app(key: str | None = None, **params) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
    if key:
        at.secrets["publish"] = {"key": key}
    for name, value in params.items():
        at.query_params[name] = value
    return at


def uploaded(key: str | None = "owner-key") -> AppTest:
    at = app(key)
    at.switch_page(YOUR_REVIEWS).run()
    at.file_uploader(key="review_files").set_value([("first.txt", REVIEW.encode(), "text/plain"),
                                                    ("second.txt", OTHER.encode(), "text/plain")]).run()
    at.text_input(key="upload_film").input("Nightjar").run()
    at.button(key="analyse").click().run()
    assert not at.exception, at.exception
    return at


def publish(at: AppTest) -> str:
    at.text_input(key="publish_key").input("owner-key")
    at.button[[b.label for b in at.button].index("Unlock publishing")].click().run()
    at.button(key="publish").click().run()
    assert not at.exception, at.exception
    return at.session_state["_published_from_upload"]


def texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for kind in ("markdown", "html", "info", "warning", "success", "code", "title")
                     for e in getattr(at, kind))


def test_publish_with_the_key_then_anyone_opens_the_link_until_it_is_unpublished():
    owner = uploaded()
    key = publish(owner)
    assert key.startswith("nightjar-") and len(key) == len("nightjar-") + ID_CHARS
    assert f"film={key}" in texts(owner)                      # the link to copy
    assert owner.query_params["film"] == key                # the view, and so every page's link, is the set
    reader = app(film=key).run()                              # another browser: no upload, no key
    assert not reader.exception
    assert "Nightjar" in texts(reader) and "Most critics" not in texts(reader)  # two reviews: too few to call
    assert "Too few reviews to call" in texts(reader)
    owner.text_input(key="unpublish_link").input(f"http://example.org/?film={key}")
    owner.button[[b.label for b in owner.button].index("Unpublish")].click().run()
    assert "Unpublished" in texts(owner)
    gone = app(film=key).run()
    assert "was removed by the person who published it" in texts(gone)
    assert "Ballerina" in texts(gone)                         # and the default film


def test_a_wrong_key_does_not_unlock_publishing():
    at = uploaded()
    at.text_input(key="publish_key").input("guess")
    at.button[[b.label for b in at.button].index("Unlock publishing")].click().run()
    assert "That is not the owner key." in [e.value for e in at.error]
    assert not [b for b in at.button if b.key == "publish"]


def test_a_hosted_app_without_a_key_cannot_publish():
    at = uploaded(key=None)
    assert "no publishing key in its secrets" in texts(at)
    assert not [b for b in at.button if b.key == "publish"]


@pytest.mark.parametrize("film", ["nightjar-" + "A" * ID_CHARS, "nightjar-" + "!" * ID_CHARS, "x" * 500])
@pytest.mark.parametrize("page", [None, "pages/2_ratings.py", "pages/4_quotes.py", "pages/5_full_review.py"])
def test_an_unknown_or_malformed_link_shows_a_note_and_the_default_film(film, page):
    at = app(film=film)
    if page:
        at.switch_page(page)
    at.run()
    assert not at.exception
    assert "couldn't find the film named in the link" in texts(at) and "Ballerina" in texts(at)
