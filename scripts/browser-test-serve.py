#!/usr/bin/env python3
"""Browser test of `portfolio serve`: starts the preview server on a starter site and
drives headless Chromium (Debian's chromium + chromium-driver, Python selenium with
Service('/usr/bin/chromedriver'); nothing is downloaded) through live reload, the
stylesheet swap, the error overlay and its clearing, and the local view counter.

Usage: scripts/browser-test-serve.py [--binary PATH] [--keep]
       (PATH defaults to .build-serve/release/portfolio, then .build-serve/debug/portfolio)

Prints one line per check and `N passed, N failed` last; exits 1 on any failure.
"""
import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser():
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-extensions", "--no-first-run", "--disable-background-networking"):
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, body):
        try:
            body()
            self.passed += 1
            print(f"ok    {name}")
        except Exception as error:  # a failed wait or assertion
            self.failed += 1
            print(f"FAIL  {name}: {type(error).__name__} {error}".rstrip())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", help="portfolio binary")
    parser.add_argument("--keep", action="store_true", help="keep the site folder")
    args = parser.parse_args()
    binary = args.binary or next((os.path.join(ROOT, c) for c in (".build-serve/release/portfolio", ".build-serve/debug/portfolio")
                                  if os.path.exists(os.path.join(ROOT, c))), None)
    if not binary:
        sys.exit("build first: swift build --scratch-path .build-serve")
    work = tempfile.mkdtemp(prefix="portfolio-serve-browser-")
    site = os.path.join(work, "site")
    subprocess.run([binary, "init", site], check=True, stdout=subprocess.DEVNULL)
    article = os.path.join(site, "content", "posts", "hello.md")
    stylesheet = os.path.join(site, "templates", "assets", "style.css")
    original = open(article, encoding="utf-8").read()
    port = free_port()
    log = open(os.path.join(work, "serve.log"), "w")
    server = subprocess.Popen([binary, "serve", "--source", site, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    driver = None
    checks = Checks()
    try:
        deadline = time.time() + 60
        while "serving http" not in open(log.name, encoding="utf-8").read():
            if time.time() > deadline or server.poll() is not None:
                sys.exit("the server did not start:\n" + open(log.name, encoding="utf-8").read())
            time.sleep(0.1)
        driver = browser()
        wait = WebDriverWait(driver, 10)
        run(driver, wait, checks, base, article, stylesheet, original)
    finally:
        if driver:
            driver.quit()
        server.send_signal(2)
        server.wait(timeout=20)
        if args.keep:
            print("site kept in", work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{checks.passed} passed, {checks.failed} failed")
    sys.exit(1 if checks.failed else 0)


def run(driver, wait, checks, base, article, stylesheet, original):
    def write(path, text):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def mark():
        driver.execute_script("window.__testMarker = 1")

    def reloaded():
        return driver.execute_script("return window.__testMarker === undefined && document.readyState === 'complete'")

    def page_loads():
        driver.get(base + "/posts/hello/")
        wait.until(lambda d: d.execute_script("return window.__portfolioLive === true"))
        meta = driver.execute_script("return document.querySelector('meta[name=portfolio-counter]').content")
        assert meta == "/api", meta

    def counter_counts():
        wait.until(lambda d: d.execute_script(
            "var s = document.querySelector('article.post [data-views-id]'); return s && s.textContent === '1'"))

    def edit_reloads():
        mark()
        time.sleep(0.3)
        write(article, original.replace("## 下一步", "瀏覽器看見的新段落。\n\n## 下一步"))
        wait.until(lambda d: reloaded() and "瀏覽器看見的新段落" in d.page_source)

    def css_swaps():
        mark()
        css = open(stylesheet, encoding="utf-8").read()
        write(stylesheet, css + "\nbody { outline: 3px solid rgb(1, 2, 3); }\n")
        wait.until(lambda d: d.execute_script(
            "return Array.from(document.querySelectorAll('link[rel=stylesheet]')).some(l => /portfolio-reload=/.test(l.href))"))
        wait.until(lambda d: d.execute_script("return getComputedStyle(document.body).outlineColor") == "rgb(1, 2, 3)")
        assert driver.execute_script("return window.__testMarker") == 1, "the page reloaded"

    def overlay_shows():
        write(article, re.sub(r"^date: .*\n", "date: 不是日期\n", original, flags=re.M))
        wait.until(lambda d: d.execute_script("return !!document.getElementById('portfolio-error-overlay')"))
        text = driver.execute_script("return document.getElementById('portfolio-error-overlay').textContent")
        assert "content/posts/hello.md:" in text, text
        assert "瀏覽器看見的新段落" in driver.page_source, "the last good page is gone"

    def overlay_after_reload():
        driver.refresh()
        wait.until(lambda d: d.execute_script("return !!document.getElementById('portfolio-error-overlay')"))

    def fix_clears():
        mark()
        write(article, original.replace("## 下一步", "修好了。\n\n## 下一步"))
        wait.until(lambda d: reloaded() and "修好了" in d.page_source)
        assert not driver.execute_script("return !!document.getElementById('portfolio-error-overlay')")

    checks.check("a page loads with the live-reload script and the local counter endpoint", page_loads)
    checks.check("the counter records the view (baseline 0 → 1)", counter_counts)
    checks.check("saving the article reloads the page with the new text", edit_reloads)
    checks.check("a stylesheet edit swaps the stylesheet without a reload", css_swaps)
    checks.check("a bad edit shows the errors (file:line) over the last good page", overlay_shows)
    checks.check("the overlay is back after a manual reload while the build is broken", overlay_after_reload)
    checks.check("fixing the file reloads the page and clears the overlay", fix_clears)


if __name__ == "__main__":
    main()
