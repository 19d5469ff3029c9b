#!/usr/bin/env python3
"""Screenshots of the default theme for docs/: the demo site's home page, an article, a
standalone page and search results, on a desktop (1280×900) and a phone (390×844), in
light and dark, taken with headless Chromium over a fresh build.

Usage: scripts/screenshots.py [--binary PATH] [--out docs/screenshots]
Then, when pngquant is installed, the PNGs are reduced with it (lossy, 256 colours).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from theme_browser import ROOT, browser, start_server  # noqa: E402

PAGES = [("home", "/"), ("article", "/posts/stp/"), ("page", "/about/"), ("search", "/search/?q=%E7%A4%BE%E7%BE%A4")]
SIZES = [("desktop", 1280, 900, False), ("phone", 390, 844, True)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=".build/debug/portfolio")
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    out = os.path.join(ROOT, args.out)
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="portfolio-shots-")
    site = os.path.join(work, "site")
    subprocess.run([os.path.join(ROOT, args.binary), "build", "--source", ROOT, "--output", site], check=True,
                   stdout=subprocess.DEVNULL)
    server, port = start_server(site)
    driver = browser()
    written = []
    try:
        for scheme in ("light", "dark"):
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for size, width, height, mobile in SIZES:
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                       {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
                for name, path in PAGES:
                    driver.get("http://127.0.0.1:%d%s" % (port, path))
                    if name == "search":
                        for _ in range(100):
                            if driver.execute_script("return document.getElementById('search').getAttribute('data-state')") == "done":
                                break
                            time.sleep(0.05)
                    if name == "article" and size == "desktop":
                        # Down to a section, so the sticky TOC shows its mark.
                        driver.execute_script("window.scrollTo(0, 700)")
                    time.sleep(0.4)
                    file = os.path.join(out, "%s-%s-%s.png" % (name, size, scheme))
                    driver.save_screenshot(file)
                    written.append(file)
    finally:
        driver.quit()
        server.kill()
        shutil.rmtree(work, ignore_errors=True)
    if shutil.which("pngquant"):
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--ext", ".png", "--quality", "70-95"] + written)
    for file in written:
        print("%7d  %s" % (os.path.getsize(file), os.path.relpath(file, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
