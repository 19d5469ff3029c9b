#!/usr/bin/env python3
"""Browser test of a published site under its own security headers: publishes a copy of
the demo (with its counter pointed at a small local counter service), serves the folder
on 127.0.0.1 with the headers its `_headers` file gives (Content-Security-Policy
included), and loads pages in headless Chromium (Debian's chromium + chromium-driver,
Python selenium; nothing is downloaded). Checks that no page logs a console error or a
CSP violation, that the hashed stylesheet loads through its integrity check, that search
finds articles and that the counter script reaches the counter service; and, as a
control, that an inline script is refused.

Usage: scripts/browser-test-publish.py [--binary PATH] [--keep]
Prints one line per check and `N passed, N failed` last; exits 1 on any failure.
"""
import argparse
import http.server
import json
import mimetypes
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIVE_VIEWS = 777001


def header_rules(folder):
    """The rules of a Netlify-style _headers file: [(pattern, [(name, value)])]."""
    rules = []
    with open(os.path.join(folder, "_headers"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line.startswith((" ", "\t")):
                rules.append((line.strip(), []))
            else:
                name, _, value = line.strip().partition(":")
                rules[-1][1].append((name.strip(), value.strip()))
    return rules


def matches(pattern, path):
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


def site_handler(folder, rules):
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            file = os.path.normpath(os.path.join(folder, path.lstrip("/")))
            if path.endswith("/"):
                file = os.path.join(file, "index.html")
            status = 200
            if not file.startswith(folder) or not os.path.isfile(file):
                status, file = 404, os.path.join(folder, "404.html")
            with open(file, "rb") as f:
                body = f.read()
            self.send_response(status)
            kind = mimetypes.guess_type(file)[0] or "application/octet-stream"
            self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") or kind.endswith(("javascript", "json")) else ""))
            self.send_header("Content-Length", str(len(body)))
            for pattern, headers in rules:
                if matches(pattern, path):
                    for name, value in headers:
                        self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
    return Handler


class CounterHandler(http.server.BaseHTTPRequestHandler):
    """The counter contract: POST /api/views/{id} and GET /api/views?ids=, from any origin."""
    posted = []

    def log_message(self, *args):
        pass

    def answer(self, payload):
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        ident = urllib.parse.unquote(self.path.rsplit("/", 1)[-1])
        CounterHandler.posted.append(ident)
        self.answer({"id": ident, "views": LIVE_VIEWS})

    def do_GET(self):
        ids = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("ids", [""])[0].split(",")
        self.answer({i: LIVE_VIEWS for i in ids if i})


def serve(handler):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def browser():
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-extensions", "--no-first-run", "--disable-background-networking"):
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # Runs before any page script, outside the page's policy: records every violation.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source":
        "window.__csp = []; document.addEventListener('securitypolicyviolation', function (e) {"
        " window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });"})
    return driver


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=".build/debug/portfolio", help="portfolio binary")
    parser.add_argument("--keep", action="store_true", help="keep the published site")
    args = parser.parse_args()
    binary = os.path.abspath(os.path.join(ROOT, args.binary))
    work = tempfile.mkdtemp(prefix="portfolio-browser-publish-")
    counter, counter_port = serve(CounterHandler)
    source = os.path.join(work, "src")
    os.makedirs(source)
    for name in ("content", "templates", "static"):
        if os.path.isdir(os.path.join(ROOT, name)):
            shutil.copytree(os.path.join(ROOT, name), os.path.join(source, name))
    with open(os.path.join(ROOT, "portfolio.yml"), encoding="utf-8") as f:
        config = f.read().replace('endpoint: ""', f'endpoint: "http://127.0.0.1:{counter_port}/api"')
    with open(os.path.join(source, "portfolio.yml"), "w", encoding="utf-8") as f:
        f.write(config)
    folder = os.path.join(work, "site")
    run = subprocess.run([binary, "publish", "--source", source, "--output", folder], capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stdout + run.stderr)
        print("FAIL publish\n0 passed, 1 failed")
        return 1
    site, port = serve(site_handler(os.path.realpath(folder), header_rules(folder)))
    base = f"http://127.0.0.1:{port}"
    passed, failed = [], []

    def check(name, condition):
        (passed if condition else failed).append(name)
        print(("ok   " if condition else "FAIL ") + name)

    with urllib.request.urlopen(base + "/posts/stp/") as response:
        policy = response.headers.get("Content-Security-Policy", "")
    check("pages are served with the site's Content-Security-Policy", "script-src 'self'" in policy)
    check("the policy lets the counter reach its service", f"http://127.0.0.1:{counter_port}" in policy)

    driver = browser()
    try:
        for page in ("/", "/posts/stp/", "/tags/", "/archives/", "/search/?q=STP"):
            driver.get(base + page)
            WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
            if page.startswith("/search/"):
                WebDriverWait(driver, 10).until(lambda d: d.execute_script(
                    "return document.getElementById('search').getAttribute('data-state')") in ("done", "error"))
                results = driver.find_elements(By.CSS_SELECTOR, "#search-results li")
                check("search finds articles for STP under the policy", len(results) > 0)
            if page == "/posts/stp/":
                try:
                    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, "[data-views-id]").text == str(LIVE_VIEWS))
                    shown = True
                except Exception:
                    shown = False
                check("the counter script shows the service's count", shown)
                check("the counter script recorded the article's view", "stp" in CounterHandler.posted)
            sheets = driver.execute_script("return Array.from(document.styleSheets).map(function (s) { return s.cssRules.length; })")
            check(f"{page}: the hashed stylesheet passed its integrity check and applies", len(sheets) == 1 and sheets[0] > 10)
            violations = driver.execute_script("return window.__csp")
            check(f"{page}: no CSP violations", violations == [])
            # The browser's own request for /favicon.ico (the demo has none) is not the page's.
            errors = [e["message"] for e in driver.get_log("browser")
                      if (e["level"] == "SEVERE" or "Content Security Policy" in e["message"]) and "/favicon.ico" not in e["message"]]
            check(f"{page}: no console errors", errors == [])
            if errors or violations:
                print("     ", errors, violations)
        # The control: the policy really is in force, so an inline script is refused.
        driver.get(base + "/")
        driver.execute_script("var s = document.createElement('script'); s.textContent = 'window.__inline = 1;'; document.head.appendChild(s);")
        refused = WebDriverWait(driver, 5).until(lambda d: d.execute_script("return window.__csp.length > 0 && window.__inline === undefined"))
        check("control: an inline script is refused by the policy", refused)
    finally:
        driver.quit()
        site.shutdown()
        counter.shutdown()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("kept", work)
    print(f"{len(passed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
