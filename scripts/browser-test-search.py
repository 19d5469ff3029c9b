#!/usr/bin/env python3
"""Browser test of the search page: builds the demo site, serves it on 127.0.0.1 and
drives /search/ in headless Chromium (Debian's chromium + chromium-driver, Python
selenium with Service('/usr/bin/chromedriver'); nothing is downloaded).

Usage: scripts/browser-test-search.py [--binary PATH] [--keep]
       (PATH defaults to .build-search/debug/portfolio, then .build/debug/portfolio)

Prints one line per check and `N passed, N failed` last; exits 1 on any failure.
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, UnexpectedAlertPresentException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(folder):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", folder],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server, port
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise RuntimeError("http.server did not start")


def browser():
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-extensions", "--no-first-run", "--disable-background-networking"):
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class SearchPage:
    def __init__(self, driver, base):
        self.d = driver
        self.base = base

    def open(self, query=None, **params):
        if query is not None:
            params["q"] = query
        url = self.base + "/search/" + ("?" + urllib.parse.urlencode(params) if params else "")
        self.d.get(url)
        return self.wait_done()

    def state(self):
        return self.d.execute_script("return document.getElementById('search').getAttribute('data-state')")

    def wait_done(self, timeout=10):
        WebDriverWait(self.d, timeout).until(lambda d: self.state() in ("done", "error", "idle"))
        return self.results()

    def submit(self, text):
        box = self.d.find_element(By.ID, "search-input")
        box.clear()
        box.send_keys(text)
        self.d.execute_script("document.getElementById('search').setAttribute('data-state', 'typing')")
        box.send_keys(Keys.ENTER)
        return self.wait_done()

    def results(self):
        return self.d.execute_script("""
            return Array.from(document.querySelectorAll('#search-results > li')).map(function (li) {
              var a = li.querySelector('a.search-title');
              return {
                href: a ? a.getAttribute('href') : '',
                title: a ? a.textContent : '',
                date: (li.querySelector('time') || {}).textContent || '',
                tags: Array.from(li.querySelectorAll('.search-tag')).map(function (t) { return t.textContent; }),
                marks: Array.from(li.querySelectorAll('mark')).map(function (m) { return m.textContent; }),
                snippet: (li.querySelector('.search-snippet') || {}).textContent || ''
              };
            });""")

    def status(self):
        return self.d.find_element(By.ID, "search-status").text

    def total(self):
        return int(self.d.execute_script("return document.getElementById('search').getAttribute('data-total') || '0'"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?", help="portfolio binary")
    parser.add_argument("--binary", dest="binary_option", help="portfolio binary")
    parser.add_argument("--keep", action="store_true", help="keep the built site")
    args = parser.parse_args()
    binary = args.binary_option or args.binary
    if not binary:
        for candidate in (".build-search/debug/portfolio", ".build/debug/portfolio"):
            if os.path.exists(os.path.join(ROOT, candidate)):
                binary = candidate
                break
    if not binary:
        print("no portfolio binary: build it or pass --binary PATH")
        print("0 passed, 1 failed")
        return 1
    binary = os.path.abspath(os.path.join(ROOT, binary))

    out = tempfile.mkdtemp(prefix="portfolio-search-test-")
    site = os.path.join(out, "site")
    build = subprocess.run([binary, "build", "--source", ROOT, "--output", site],
                           capture_output=True, text=True)
    if build.returncode != 0:
        print(build.stdout + build.stderr)
        print("0 passed, 1 failed")
        return 1

    passed, failed = [], []

    def check(name, condition, detail=""):
        (passed if condition else failed).append(name)
        print(("ok   " if condition else "FAIL ") + name + ("" if condition or not detail else "  — " + str(detail)))

    def slugs(results):
        return [r["href"].strip("/").split("/")[-1] for r in results]

    server, port = start_server(site)
    driver = browser()
    base = "http://127.0.0.1:%d" % port
    page = SearchPage(driver, base)
    try:
        # Simplified finds Traditional: 利基市场 is written 利基市場 in both niche articles.
        r = page.open("利基市场")
        check("Simplified query finds a Traditional article", "niche-marketing-1" in slugs(r) and "niche-marketing-2" in slugs(r), slugs(r))
        check("…with the Traditional text marked", any("利基市場" in "".join(x["marks"]) for x in r), [x["marks"] for x in r])

        # Traditional finds Simplified: the Weibo article is written in Simplified.
        r = page.open("微博營銷")
        check("Traditional query finds a Simplified article", slugs(r)[:1] == ["weibo-social-consumer"], slugs(r))
        r = page.open("社會化消費者")
        check("Traditional phrase finds the Simplified title", "weibo-social-consumer" in slugs(r), slugs(r))

        # A fragment across a word boundary: 場區 sits inside 市場區隔 (市場 | 區隔).
        r = page.open("場區")
        check("two-character fragment from inside a word finds its article", "stp" in slugs(r), slugs(r))
        check("…and marks the fragment", any("場區" in m for x in r for m in x["marks"]), [x["marks"] for x in r])

        # Latin abbreviations, any case.
        r = page.open("c2m")
        check("c2m finds the C2M article first", slugs(r)[:1] == ["c2m"], slugs(r))
        r = page.open("S2B2C")
        check("S2B2C finds the C2M article", "c2m" in slugs(r), slugs(r))

        # Synonyms: 行銷 also finds 营销.
        r = page.open("行銷")
        check("行銷 also finds articles that say 营销", "weibo-social-consumer" in slugs(r), slugs(r))

        # Results carry title, date, tags and a snippet.
        r = page.open("STP")
        first = r[0] if r else {}
        check("results show title, date, tags and a snippet",
              bool(first) and first["title"] and len(first["date"]) == 10 and first["tags"] and first["snippet"], first)

        # Ranking: the titles with 營銷 (either script) come before tag and body matches.
        r = page.open("營銷")
        check("營銷 ranks the two titles that have it first",
              sorted(slugs(r)[:2]) == ["community-marketing", "weibo-social-consumer"], slugs(r))
        r = page.open("行銷")
        check("行銷 puts the titles written 行銷 first (typed form above synonym)",
              sorted(slugs(r)[:2]) == ["niche-marketing-1", "niche-marketing-2"], slugs(r))

        # Snippets come from the whole article: 多想三秒 is in the last paragraph.
        r = page.open("多想三秒")
        first = r[0] if r else {}
        check("a match at the end of an article is shown and marked in the snippet",
              slugs(r)[:1] == ["impulse-buying"] and "多想三秒" in "".join(first.get("marks", []))
              and first["snippet"].startswith("…"), first)

        # Several words: every word first, then partial results, marked.
        r = page.open("微商 衝動購買")
        partial = page.d.execute_script(
            "return Array.from(document.querySelectorAll('#search-results > li')).map(function (li) {"
            " return li.classList.contains('search-partial'); })")
        check("a two-word query with no article having both shows partial results, marked",
              page.total() >= 2 and all(partial) and "部分" in page.status(), (slugs(r), partial, page.status()))
        r = page.open("社群 微商")
        partial = page.d.execute_script(
            "return Array.from(document.querySelectorAll('#search-results > li')).map(function (li) {"
            " return li.classList.contains('search-partial'); })")
        check("…and the article with both words comes first, not marked",
              slugs(r)[:1] == ["wechat-commerce"] and partial[:1] == [False] and any(partial[1:]), (slugs(r), partial))

        # No results: a suggestion, and its link runs it.
        page.open("社群導構")
        line = page.d.execute_script("var p = document.getElementById('search-suggest'); return p ? p.textContent : ''")
        check("a near miss suggests 您是不是要找：社群導購", line == "您是不是要找：社群導購", line)
        page.d.execute_script("document.getElementById('search').setAttribute('data-state', 'typing')")
        driver.find_element(By.CSS_SELECTOR, "#search-suggest a").click()
        r = page.wait_done()
        check("…and the suggestion runs that search", slugs(r)[:1] == ["community-selling"], slugs(r))

        # A tag filter narrows the results; the URL keeps it.
        r = page.open("市場")
        before = page.total()
        page.d.execute_script("document.getElementById('search').setAttribute('data-state', 'typing')")
        Select(driver.find_element(By.ID, "search-tag")).select_by_value("STP")
        page.wait_done()
        r = page.results()
        after = page.total()
        check("tag filter narrows the results", 0 < after < before and all("STP" in x["tags"] for x in r), (before, after, slugs(r)))
        query = urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query)
        check("the URL keeps q and tag", query.get("q") == ["市場"] and query.get("tag") == ["STP"], driver.current_url)
        r = page.open("市場", tag="STP")
        check("a shared link with q and tag runs the same search", page.total() == after and slugs(r) == ["stp"], slugs(r))
        r = page.open("市場", category="行銷策略", sort="date")
        dates = [x["date"] for x in r]
        check("category filter and date sort from the URL", r and dates == sorted(dates, reverse=True)
              and Select(driver.find_element(By.ID, "search-sort")).first_selected_option.get_attribute("value") == "date", dates)

        # An HTML query is text.
        evil = "<img src=x onerror=alert(1)>"
        try:
            page.open()
            r = page.submit(evil)
            images = driver.execute_script("return document.querySelectorAll('#search img, #search script').length")
            check("an HTML query shows as text", images == 0 and evil in page.status(), (images, page.status()))
            check("…and stays in the URL as text", urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query).get("q") == [evil],
                  driver.current_url)
        except UnexpectedAlertPresentException:
            check("an HTML query shows as text", False, "an alert ran")

        # Keyboard: arrow down to the first result, Enter opens it.
        r = page.open("利基")
        box = driver.find_element(By.ID, "search-input")
        box.click()
        box.send_keys(Keys.ARROW_DOWN)
        focused = driver.execute_script("return document.activeElement.getAttribute('href')")
        box_or_link = driver.switch_to.active_element
        box_or_link.send_keys(Keys.ARROW_DOWN)
        second = driver.execute_script("return document.activeElement.getAttribute('href')")
        check("arrow keys move through the results", focused == r[0]["href"] and len(r) > 1 and second == r[1]["href"], (focused, second))
        driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        WebDriverWait(driver, 5).until(lambda d: "/search/" not in d.current_url)
        check("Enter opens the result", urllib.parse.unquote(driver.current_url).endswith(r[0]["href"]), driver.current_url)

        # The header box on every page leads to /search/?q=….
        driver.get(base + "/")
        header = driver.find_element(By.CSS_SELECTOR, "header form input[name=q]")
        header.send_keys("衝動購買")
        header.send_keys(Keys.ENTER)
        WebDriverWait(driver, 5).until(lambda d: "/search/" in d.current_url)
        r = page.wait_done()
        check("the header box runs the search on /search/", slugs(r)[:1] == ["impulse-buying"], slugs(r))

        # No request leaves the site.
        hosts = driver.execute_script("return performance.getEntriesByType('resource').map(function (e) { return new URL(e.name).host; })")
        check("no external requests", all(h == "127.0.0.1:%d" % port for h in hosts), hosts)
        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE" and "favicon" not in e.get("message", "")]
        check("no script errors", not errors, errors)
    except (TimeoutException, Exception) as error:  # a crash in the page is a failure, not a traceback
        check("the page answered", False, repr(error))
    finally:
        driver.quit()
        server.terminate()
        server.wait()
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
        else:
            print("site kept at", site)
    print("%d passed, %d failed" % (len(passed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
