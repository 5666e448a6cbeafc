"""A real browser uploads a hostile review: its text is shown literally and nothing runs.

Runs the whole app (``streamlit run app.py``) on 127.0.0.1 and drives Debian's Chromium
with Playwright. Skipped when Chromium or Playwright is missing, unless REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import pytest

from browser_support import browser_or_skip, chromium, running_app

HOSTILE = ("The acting is superb and the story is gripping. <script>alert(1)</script> "
           "The score is lovely <img src=x onerror=alert(2)> and the action is thrilling.")


@pytest.fixture(scope="module")
def app_url():
    browser_or_skip()
    with running_app("streamlit_upload_server.log") as url:
        yield url


def test_a_link_to_the_page_opens_it_inside_the_app(app_url):
    # The first request a fresh server gets (a shared link, an app woken from sleep) may run
    # the page file on its own: it must still come with the app's navigation and sidebar.
    with chromium() as browser:
        page = browser.new_page()
        page.goto(app_url + "/your_reviews", wait_until="domcontentloaded", timeout=30_000)
        page.get_by_text("Film title (optional)").wait_for(timeout=30_000)
        nav = page.locator('[data-testid="stSidebarNav"]')
        nav.get_by_text("Ratings vs words").wait_for(timeout=30_000)
        assert nav.get_by_text("app", exact=True).count() == 0
        assert page.get_by_text("Copy link to this view").count() == 1


def test_hostile_upload_shows_literal_text_and_runs_nothing(app_url, tmp_path):
    review = tmp_path / "hostile.txt"
    review.write_text(HOSTILE, encoding="utf-8")
    dialogs: list[str] = []
    with chromium() as browser:
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(app_url, wait_until="domcontentloaded", timeout=30_000)
        page.locator('[data-testid="stSidebarNav"]').get_by_text("Your reviews").click(timeout=30_000)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(review), timeout=30_000)
        page.get_by_text("hostile.txt").first.wait_for(timeout=20_000)
        name = page.get_by_label("Name for this set")
        name.fill("My set [x](http://e.com) www.e.com me@e.com")
        name.press("Enter")
        page.wait_for_timeout(1000)
        page.get_by_role("button", name="Analyse").click(timeout=20_000)
        shown = page.get_by_text("<script>alert(1)</script>", exact=False).first
        shown.wait_for(timeout=30_000)
        assert "<img src=x onerror=alert(2)>" in shown.inner_text()
        page.wait_for_timeout(1500)  # give any injected handler time to fire
        # No element was made from the review: no script with its code, no img with x.
        assert page.locator("img[src='x']").count() == 0
        # The set's name is shown as written: no address in it became a link.
        page.get_by_text("Analysed: My set", exact=False).first.wait_for(timeout=10_000)
        assert page.locator("a[href*='e.com']").count() == 0
        assert page.evaluate(
            "() => [...document.scripts].some(s => s.textContent.includes('alert('))") is False
    assert dialogs == []


def test_a_very_long_word_wraps_on_every_page(app_url, tmp_path):
    # One 10,000-letter "word" once made the quotes page 86,000 pixels wide.
    review = tmp_path / "long.txt"
    review.write_text("The acting is superb and the story is gripping, " + "x" * 10_000
                      + " and the action is thrilling.", encoding="utf-8")
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(app_url, wait_until="domcontentloaded", timeout=30_000)
        nav = page.locator('[data-testid="stSidebarNav"]')
        nav.get_by_text("Your reviews").click(timeout=30_000)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(review), timeout=30_000)
        page.get_by_text("long.txt").first.wait_for(timeout=20_000)
        page.get_by_role("button", name="Analyse").click(timeout=20_000)
        page.get_by_text("Analysed:", exact=False).first.wait_for(timeout=30_000)
        for title in ("Quotes side by side", "Full review", "Overview"):
            nav.get_by_text(title).click(timeout=20_000)
            page.get_by_text("xxxxxxxxxx", exact=False).first.wait_for(timeout=30_000)
            # The widest box of text on the page, whether the page or a box inside it scrolls
            # (charts' drawings size themselves, and may be measured mid-drawing).
            width, widest = page.evaluate(
                "() => [...document.querySelectorAll('body *:not(svg):not(svg *)')].map(e => [e.scrollWidth,"
                " e.tagName + '.' + e.className + ' ' + (e.getAttribute('data-testid') || '')])"
                ".reduce((a, b) => b[0] > a[0] ? b : a, [0, ''])")
            assert width <= 1280, f"{title}: {width} px wide ({widest})"
