#!/usr/bin/env python3
"""Browser test of the default theme: builds the demo site, serves it on 127.0.0.1 and
reads its pages in headless Chromium (Debian's chromium + chromium-driver, Python
selenium; nothing is downloaded): the 繁簡 switch and its remembered choice, the table
of contents (scrolls, marks the section, sticky on wide screens, folded on phones),
the pinned article, the standalone about page left out of the feed and archives, the
JSON-LD, image sizes, and that pages make no request outside the site and carry no
inline script or style.

Usage: scripts/browser-test-theme.py [--binary PATH] [--keep]

Prints one line per check and `N passed, N failed` last; exits 1 on any failure.
"""
import argparse
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from theme_browser import ROOT, browser, start_server  # noqa: E402

SENTENCE_T = "「市場區隔」這個概念，最早由美國行銷學者"
SENTENCE_S = "「市场区隔」这个概念，最早由美国行销学者"


class InlineFinder(html.parser.HTMLParser):
    """Collects inline scripts (a <script> without src that is not JSON-LD) and style attributes."""

    def __init__(self):
        super().__init__()
        self.problems = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "style" in a:
            self.problems.append("style attribute on <%s>" % tag)
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "script" and "src" not in a and a.get("type") != "application/ld+json":
            self.problems.append("inline <script>")
        for name in a:
            if name.startswith("on"):
                self.problems.append("%s handler on <%s>" % (name, tag))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=".build/debug/portfolio", help="portfolio binary")
    parser.add_argument("--keep", action="store_true", help="keep the built site")
    args = parser.parse_args()
    binary = os.path.abspath(os.path.join(ROOT, args.binary))
    out = tempfile.mkdtemp(prefix="portfolio-theme-test-")
    site = os.path.join(out, "site")
    build = subprocess.run([binary, "build", "--source", ROOT, "--output", site], capture_output=True, text=True)
    if build.returncode != 0:
        print(build.stdout + build.stderr)
        print("0 passed, 1 failed")
        return 1

    passed, failed = [], []

    def check(name, condition, detail=""):
        (passed if condition else failed).append(name)
        print(("ok   " if condition else "FAIL ") + name + ("" if condition or not detail else "  — " + str(detail)))

    # Files, before any browser: no inline scripts or styles anywhere; the about page is
    # in no feed, archive or search document.
    problems = []
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                finder = InlineFinder()
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    finder.feed(f.read())
                problems += [os.path.relpath(os.path.join(folder, name), site) + ": " + p for p in finder.problems]
    check("no page has an inline script, a style element or a style attribute", not problems, problems[:5])
    with open(os.path.join(site, "feed.xml"), encoding="utf-8") as f:
        feed = f.read()
    check("the about page is not in the feed", "/about/" not in feed and "關於本站" not in feed)
    docs = ""
    for name in sorted(os.listdir(os.path.join(site, "search/docs"))):
        with open(os.path.join(site, "search/docs", name), encoding="utf-8") as f:
            docs += f.read()
    check("the about page is not in the search index", "about/" not in docs and "關於本站" not in docs)
    with open(os.path.join(site, "sitemap.xml"), encoding="utf-8") as f:
        check("the about page is in the sitemap", "/about/</loc>" in f.read())

    server, port = start_server(site)
    driver = browser()
    base = "http://127.0.0.1:%d" % port

    def text_of(selector):
        return driver.execute_script("var e = document.querySelector(arguments[0]); return e ? e.textContent : ''", selector)

    def wait(predicate, timeout=5):
        try:
            WebDriverWait(driver, timeout).until(lambda d: predicate())
            return True
        except Exception:
            return False

    try:
        driver.set_window_size(1280, 900)
        # 繁簡: a known Traditional sentence to Simplified and back; the choice survives a reload.
        driver.get(base + "/posts/stp/")
        check("the article is as written before the switch", SENTENCE_T in text_of(".content"))
        toggle = driver.find_element(By.ID, "zh-toggle")
        check("the switch is shown, offering Simplified", toggle.is_displayed() and toggle.text == "简", toggle.text)
        toggle.click()
        check("the switch turns the sentence into Simplified", wait(lambda: SENTENCE_S in text_of(".content")))
        check("the page's lang follows", driver.execute_script("return document.documentElement.lang") == "zh-Hans")
        driver.refresh()
        check("after a reload the page is still Simplified", wait(lambda: SENTENCE_S in text_of(".content")))
        driver.get(base + "/about/")
        check("another page opens in Simplified", wait(lambda: "关于本站" in text_of("h1")), text_of("h1"))
        driver.get(base + "/posts/stp/")
        wait(lambda: SENTENCE_S in text_of(".content"))
        driver.find_element(By.ID, "zh-toggle").click()
        check("the switch turns it back to Traditional", wait(lambda: SENTENCE_T in text_of(".content")))
        driver.refresh()
        time.sleep(0.3)
        check("after a reload it stays Traditional", SENTENCE_T in text_of(".content"))

        # The table of contents.
        position = driver.execute_script("return getComputedStyle(document.querySelector('.toc')).position")
        check("on a wide screen the TOC is a sticky side column", position == "sticky", position)
        link = driver.find_element(By.CSS_SELECTOR, ".toc a[href='#目標市場與市場定位']")
        link.click()
        heading_top = lambda: driver.execute_script(
            "return document.getElementById('目標市場與市場定位').getBoundingClientRect().top")
        check("a TOC link scrolls to its heading", wait(lambda: 0 <= heading_top() < 120), heading_top())
        time.sleep(0.8)
        driver.execute_script("window.scrollBy(0, 1)")
        marked = lambda: driver.execute_script(
            "return Array.from(document.querySelectorAll('.toc a[aria-current]')).map(function (a) { return a.textContent; })")
        check("the TOC marks that heading", wait(lambda: marked() == ["目標市場與市場定位"]), marked())
        driver.execute_script("window.scrollTo(0, 0)")
        check("scrolling back to the top marks no heading", wait(lambda: marked() == []), marked())
        driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        progress = lambda: driver.execute_script(
            "return new DOMMatrix(getComputedStyle(document.querySelector('.progress-bar')).transform).a")
        check("the progress bar is full at the end", wait(lambda: progress() > 0.99), progress())
        check("back-to-top shows once scrolled", wait(lambda: driver.execute_script(
            "return getComputedStyle(document.getElementById('to-top')).opacity") == "1"))
        image = driver.execute_script(
            "var i = document.querySelector('.content figure img'); return i && [i.getAttribute('width'), i.getAttribute('height'), i.loading, i.parentNode.querySelector('figcaption').textContent]")
        check("the titled image is a sized, lazy figure with a caption",
              image is not None and image[:3] == ["640", "280", "lazy"] and image[3].startswith("圖一"), image)
        ld = driver.execute_script("return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
        check("the article's JSON-LD parses as a BlogPosting",
              ld.get("@type") == "BlogPosting" and ld.get("headline") == "STP 理論" and ld.get("author", {}).get("name") == "行銷筆記室"
              and "datePublished" in ld and "市場區隔" in ld.get("keywords", ""), ld)
        external = driver.execute_script(
            "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
            ".filter(function (u) { return u.indexOf(location.origin) !== 0; })")
        check("the article makes no request outside the site", external == [], external)

        # Phones: the TOC is folded at the top, and opens.
        driver.set_window_size(390, 844)
        driver.get(base + "/posts/stp/")
        time.sleep(0.2)
        folded = driver.execute_script("var t = document.getElementById('toc'); return [t.open, t.getBoundingClientRect().top < document.querySelector('.content').getBoundingClientRect().top]")
        check("on a phone the TOC is folded above the text", folded == [False, True], folded)
        driver.set_window_size(1280, 900)

        # Home: the pinned article first, marked 置頂.
        driver.get(base + "/")
        first = driver.execute_script(
            "var c = document.querySelector('.cards .card'); return [c.querySelector('.card-title a').textContent, c.querySelector('.pin') ? getComputedStyle(c.querySelector('.pin')).display : 'none']")
        check("the pinned article comes first on the home page, marked 置頂", first[0] == "STP 理論" and first[1] != "none", first)
        second = driver.execute_script("return document.querySelectorAll('.cards .card')[1].querySelector('.card-title a').textContent")
        check("then the newest article", second == "微博营销与社会化消费者", second)
        check("the header menu links the about page",
              driver.execute_script("return Array.from(document.querySelectorAll('.menu a')).some(function (a) { return a.getAttribute('href') === '/about/' && a.textContent === '關於'; })"))
        driver.get(base + "/archives/")
        listed = driver.execute_script("return Array.from(document.querySelectorAll('main a')).map(function (a) { return a.getAttribute('href'); })")
        check("the about page is not in the archives", "/about/" not in listed and any("/posts/" in h for h in listed), listed[:3])
        driver.get(base + "/about/")
        check("the about page is at /about/", text_of("h1") == "關於本站")

        # Keyboard: the skip link is the first stop and shows when focused.
        driver.get(base + "/")
        driver.execute_script("document.activeElement && document.activeElement.blur()")
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys
        ActionChains(driver).send_keys(Keys.TAB).perform()
        skip = driver.execute_script("var a = document.activeElement; return [a.className, a.getBoundingClientRect().top >= 0, getComputedStyle(a).outlineStyle]")
        check("Tab first reaches the skip link, visible with a focus outline", skip[0] == "skip-link" and skip[1] and skip[2] != "none", skip)
    finally:
        driver.quit()
        server.kill()
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
        else:
            print("site kept at " + site)
    print("%d passed, %d failed" % (len(passed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
