"""Screenshots of the demo HTML report's first page in German and English, through headless Chromium.

    python tests/report_screenshots.py [OUT_DIR]        (default: the current folder)

Writes report-first-page-de.png and report-first-page-en.png (a 1000 x 1414 window, A4's aspect ratio, at 70 %) and
prints each file with its size. The README's screenshot is made with this script.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from headless_chromium import chromium_path, headless_chromium
from typer.testing import CliRunner

from scanner.cli.app import app

WIDTH, HEIGHT = 1000, 1414  # CSS pixels of the window: A4's aspect ratio
SCALE = 0.7  # a PNG small enough for the README that still reads


def main(out_dir: Path) -> int:
    executable = chromium_path()
    if executable is None:
        print("chromium not found: apt-get install -y chromium", file=sys.stderr)
        return 2
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work, headless_chromium(executable) as browser:
        for language in ("de", "en"):
            report = Path(work) / f"report-{language}.html"
            arguments = ["demo", "-f", "html", "-o", str(report), "--lang", language, "--as-of", "2026-12-01",
                         "--client", "Autowerkstatt Kolbenring GmbH", "--consultant", "Datenschutzberatung Beispiel"]
            result = CliRunner().invoke(app, arguments)
            if result.exit_code != 0:
                print(result.stderr, file=sys.stderr)
                return 1
            record = browser.load(report, width=WIDTH, height=HEIGHT)
            if record.errors or len(record.requests) != 1:
                print(f"{language}: errors {record.errors}, requests {record.requests}", file=sys.stderr)
                return 1
            target = out_dir / f"report-first-page-{language}.png"
            target.write_bytes(browser.screenshot(width=WIDTH, height=HEIGHT, scale=SCALE))
            print(f"{target}: {target.stat().st_size} bytes, {round(WIDTH * SCALE)}x{round(HEIGHT * SCALE)} pixels")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()))
