"""Screenshots of every page for the README (docs/screenshots/), desktop and phone.

    python tests/make_screenshots.py [--out docs/screenshots]

Starts the app on a free port and drives /usr/bin/chromium with Playwright, like
tests/test_browser.py. Not collected by pytest (the file name doesn't start with test_).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_support import ROOT, chromium, running_app  # noqa: E402

SHOTS = [
    ("overview", "/?film=ballerina", True),
    ("ratings", "/ratings?film=ballerina", True),
    ("heatmap", "/heatmap?film=ballerina&aspect=music", True),
    ("quotes", "/quotes?film=ballerina&aspect=music", False),
    ("full_review", "/full_review?film=ballerina&review=003_7cd0c8dedc355856", False),
]
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
MAX_HEIGHT = 2600


def shoot(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with running_app("screenshots_server.log") as url, chromium() as browser:
        for name, path, has_chart in SHOTS:
            for size, (w, h) in SIZES.items():
                page = browser.new_page(viewport={"width": w, "height": h})
                page.goto(f"{url}{path}", wait_until="domcontentloaded")
                page.locator("h1").first.wait_for(timeout=45_000)
                if has_chart:
                    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)
                page.wait_for_timeout(1500)
                full = page.evaluate(
                    "() => { const m = document.querySelector('[data-testid=\"stMain\"]') ||"
                    " document.querySelector('section.main'); return m ? m.scrollHeight : 0; }")
                page.set_viewport_size({"width": w, "height": max(h, min(int(full) + 40, MAX_HEIGHT))})
                page.wait_for_timeout(1200)
                target = out / f"{name}_{size}.png"
                page.screenshot(path=str(target))
                saved.append(target)
                page.close()
    return saved


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    for path in shoot(parser.parse_args().out):
        print(path)
