"""A real browser uploads a hostile review: its text is shown literally and nothing runs.

Runs the whole app (``streamlit run app.py``) on 127.0.0.1 and drives Debian's Chromium
with Playwright. Skipped when Chromium or Playwright is missing, unless REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]
HOSTILE = ("The acting is superb and the story is gripping. <script>alert(1)</script> "
           "The score is lovely <img src=x onerror=alert(2)> and the action is thrilling.")


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (REQUIRE_BROWSER=1)")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        _skip_or_fail(f"Chromium not found at {CHROMIUM}")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _skip_or_fail("the playwright package is not installed")
    port = _free_port()
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    env = dict(os.environ, PYTHONPATH=str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=REPO, stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.3)
        else:
            pytest.fail("streamlit did not start within 30 s:\n" + log.read_text(errors="replace")[-2000:])
        if proc.poll() is not None:
            pytest.fail("streamlit exited:\n" + log.read_text(errors="replace")[-2000:])
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_hostile_upload_shows_literal_text_and_runs_nothing(app_url, tmp_path):
    from playwright.sync_api import sync_playwright

    review = tmp_path / "hostile.txt"
    review.write_text(HOSTILE, encoding="utf-8")
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(app_url, wait_until="domcontentloaded", timeout=30_000)
            page.locator('[data-testid="stSidebarNav"]').get_by_text("Your reviews").click(timeout=30_000)
            page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(review), timeout=30_000)
            page.get_by_text("hostile.txt").first.wait_for(timeout=20_000)
            page.get_by_role("button", name="Analyse").click(timeout=20_000)
            shown = page.get_by_text("<script>alert(1)</script>", exact=False).first
            shown.wait_for(timeout=30_000)
            assert "<img src=x onerror=alert(2)>" in shown.inner_text()
            page.wait_for_timeout(1500)  # give any injected handler time to fire
            # No element was made from the review: no script with its code, no img with x.
            assert page.locator("img[src='x']").count() == 0
            assert page.evaluate(
                "() => [...document.scripts].some(s => s.textContent.includes('alert('))") is False
        finally:
            browser.close()
    assert dialogs == []
