"""The app in a real browser: a shared link to the quotes page, then page switches; the
phone-only hint under a wide table.

Starts ``streamlit run app.py`` on a free port and drives Debian's Chromium with
Playwright. Skipped when /usr/bin/chromium is missing, unless REQUIRE_BROWSER=1 (CI),
in which case it fails. Screenshots go to tests/artifacts/ (not committed).
"""

from __future__ import annotations

import re

import pytest

from browser_support import ARTIFACTS, browser_or_skip, chromium, running_app

MUSIC_QUOTE = "the music helps carry the intensity"
FIRST_RENDER_MS = 45_000   # a fresh server's first page takes 5-9 s; leave room on a slow machine
STEP_MS = 20_000


@pytest.fixture(scope="module")
def server():
    browser_or_skip()
    with running_app() as url:
        yield url


def wait_for_view(page, path: str, **params) -> None:
    """Wait until the URL is ``path`` with (at least) these query params, in any order."""
    look = "".join(f"(?=(.*&)?{k}={re.escape(v)}(&|$))" for k, v in params.items())
    page.wait_for_url(re.compile(rf"{re.escape(path)}\?{look}"), timeout=STEP_MS)


def excerpt(page, text: str):
    return page.locator(".cd-excerpt", has_text=text).first


def test_shared_link_survives_page_switches(server):
    from playwright.sync_api import expect

    with chromium() as browser:
        # A shared link, opened in a fresh browser against a fresh server.
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(f"{server}/quotes?aspect=music", wait_until="domcontentloaded")
        expect(excerpt(page, MUSIC_QUOTE)).to_be_visible(timeout=FIRST_RENDER_MS)
        wait_for_view(page, "/quotes", aspect="music", film="ballerina")
        music = page.get_by_role("radio", name=re.compile(r"^Music \(\d+\)$"))
        expect(music).to_have_attribute("aria-checked", "true", timeout=STEP_MS)
        page.get_by_role("button", name=re.compile("Copy link to this view")).click()
        expect(page.locator("[data-testid='stCode']").filter(has_text="aspect=music")).to_be_visible(timeout=STEP_MS)
        page.keyboard.press("Escape")
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "quotes_1280x800.png"))

        # Switch page with the app's own navigation: the view must come along.
        nav = page.locator("[data-testid='stSidebarNav']")
        nav.get_by_text("Aspect heatmap", exact=True).click()
        wait_for_view(page, "/heatmap", aspect="music", film="ballerina")
        expect(page.get_by_text(re.compile(r"says about music"))).to_be_visible(timeout=STEP_MS)
        expect(excerpt(page, MUSIC_QUOTE)).to_be_visible(timeout=STEP_MS)
        page.screenshot(path=str(ARTIFACTS / "heatmap_1280x800.png"))

        # Choosing a cell opens that critic's quotes on that aspect (and goes into the link).
        # Ballerina: 4 critics x 10 aspects, Acting first; the top row is the highest score.
        grid = page.locator(".js-plotly-plot .nsewdrag").first.bounding_box()
        page.mouse.click(grid["x"] + grid["width"] / 20, grid["y"] + grid["height"] / 8)
        page.wait_for_url(re.compile(r"/heatmap\?(?=.*aspect=acting)(?=.*review=)"), timeout=STEP_MS)
        expect(page.get_by_text(re.compile(r"says about acting"))).to_be_visible(timeout=STEP_MS)
        page.keyboard.press("Escape")
        # And back to music for the rest of the walk.
        page.goto(f"{server}/quotes?aspect=music", wait_until="domcontentloaded")
        expect(excerpt(page, MUSIC_QUOTE)).to_be_visible(timeout=STEP_MS)
        page.locator("[data-testid='stSidebarNav']").get_by_text("Aspect heatmap", exact=True).click()
        wait_for_view(page, "/heatmap", aspect="music", film="ballerina")

        nav.get_by_text("Quotes side by side", exact=True).click()
        wait_for_view(page, "/quotes", aspect="music", film="ballerina")
        expect(excerpt(page, MUSIC_QUOTE)).to_be_visible(timeout=STEP_MS)
        expect(music).to_have_attribute("aria-checked", "true", timeout=STEP_MS)

        # The same link on a phone.
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto(f"{server}/quotes?aspect=music", wait_until="domcontentloaded")
        expect(excerpt(phone, MUSIC_QUOTE)).to_be_visible(timeout=FIRST_RENDER_MS)
        phone.wait_for_timeout(500)
        phone.screenshot(path=str(ARTIFACTS / "quotes_390.png"))


def test_wide_table_says_it_scrolls_on_a_phone_only(server):
    from playwright.sync_api import expect

    with chromium() as browser:
        for width, shown in ((390, True), (1280, False)):
            page = browser.new_page(viewport={"width": width, "height": 844})
            page.goto(f"{server}/ratings?film=ballerina", wait_until="domcontentloaded")
            expect(page.get_by_text("In numbers")).to_be_visible(timeout=FIRST_RENDER_MS)
            hint = expect(page.get_by_text("Swipe the table sideways"))
            if shown:
                hint.to_be_visible(timeout=STEP_MS)
            else:
                hint.to_be_hidden(timeout=STEP_MS)
