"""Publish in a real browser, restart the server, open the link in a fresh browser: the
same pages; unpublish, and the link says so. On SQLite and on PostgreSQL."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser_support import browser_or_skip, chromium, running_app

FIRST = ("Starring: Ana de Armas\n\nThe acting is superb and the action is thrilling from start to finish. "
         "The story is thin and the villain is dull.")
SECOND = "The music soars and the visuals are gorgeous, but the pacing drags and the dialogue is clumsy."


@pytest.fixture(params=["sqlite", "postgresql"])
def secrets(request, tmp_path):
    lines = ['[publish]', 'key = "owner-key"']
    if request.param == "postgresql":
        lines += ["[connections.reviews]", f'url = "{request.getfixturevalue("postgres_url")}"']
    path = tmp_path / "secrets.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _nav(page, name: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_text(name).click(timeout=30_000)


def test_publish_restart_open_unpublish(secrets, tmp_path, monkeypatch):
    browser_or_skip()
    monkeypatch.setenv("DASHBOARD_STORE_DIR", str(tmp_path / "store"))   # the SQLite case's database
    files = []
    for name, text in (("first.txt", FIRST), ("second.txt", SECOND)):
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")
    with chromium() as browser:
        with running_app("publish_server_1.log", secrets=secrets) as url:
            owner = browser.new_context().new_page()
            owner.goto(url, wait_until="domcontentloaded", timeout=60_000)
            _nav(owner, "Your reviews")
            owner.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(f) for f in files])
            owner.get_by_text("second.txt").first.wait_for(timeout=30_000)
            owner.get_by_role("textbox", name="Film title (optional)").fill("Nightjar")
            owner.get_by_role("textbox", name="Film title (optional)").press("Enter")
            owner.wait_for_timeout(800)
            owner.get_by_role("button", name="Analyse").click()
            owner.get_by_text("Analysed:", exact=False).first.wait_for(timeout=60_000)
            owner.get_by_role("textbox", name="Owner key").fill("owner-key")
            owner.get_by_role("button", name="Unlock publishing").click()
            owner.get_by_role("button", name="Publish and get a link").click(timeout=30_000)
            owner.get_by_text("Published. Anyone with this link", exact=False).wait_for(timeout=30_000)
            link = owner.locator('[data-testid="stCode"]').last.inner_text().strip()
            query = urlsplit(link).query
            assert query.startswith("film=nightjar-")
        with running_app("publish_server_2.log", secrets=secrets) as url:   # a restarted server
            reader = browser.new_context().new_page()                        # a fresh browser
            reader.goto(f"{url}/?{query}", wait_until="domcontentloaded", timeout=60_000)
            reader.get_by_text("The critics (2)").wait_for(timeout=60_000)
            assert reader.get_by_text("Nightjar").count() >= 1
            _nav(reader, "Quotes side by side")
            reader.get_by_text("what each critic wrote", exact=False).first.wait_for(timeout=30_000)
            _nav(reader, "Full review")
            reader.get_by_text("the villain is dull", exact=False).first.wait_for(timeout=30_000)

            owner = browser.new_context().new_page()
            owner.goto(url, wait_until="domcontentloaded", timeout=60_000)
            _nav(owner, "Your reviews")
            owner.get_by_role("textbox", name="Owner key").fill("owner-key")
            owner.get_by_role("button", name="Unlock publishing").click()
            owner.get_by_role("textbox", name="Unpublish a set: its link").fill(link)
            owner.get_by_role("button", name="Unpublish", exact=True).click()
            owner.get_by_text("Unpublished", exact=False).first.wait_for(timeout=30_000)

            gone = browser.new_context().new_page()
            gone.goto(f"{url}/?{query}", wait_until="domcontentloaded", timeout=60_000)
            gone.get_by_text("was removed by the person who published it", exact=False).wait_for(timeout=60_000)
