#!/usr/bin/env python3
"""Browser test of the hosted counter: the demo site built with `counter.endpoint` set, served
from one local origin, with `portfolio counter serve` on another port. Headless Chromium
opens an article: its number moves once, and not again on reload (one view per visitor per
window); the home page reads the live counts in batches; a page from an origin the counter
does not allow counts nothing.

Usage: scripts/browser-test-counter.py [--binary PATH]
Prints one line per check and `N passed, N failed` last; exits 1 on any failure.
"""
import argparse, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

results = {"passed": 0, "failed": 0}
# A reader's browser: Chromium in headless mode names itself HeadlessChrome, which the
# counter rightly takes for a bot.
READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(("ok   " if ok else "FAIL ") + name + (f" ({detail})" if detail else ""), flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url):
    for _ in range(200):
        try:
            urllib.request.urlopen(url, timeout=0.5).read()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(url + " did not answer")


def build(binary, folder, site_port, counter_port):
    site = os.path.join(folder, "site")
    shutil.copytree("content", os.path.join(site, "content"))
    config = open("portfolio.yml").read()
    config = re.sub(r"(?m)^base_url:.*$", f'base_url: "http://127.0.0.1:{site_port}/"', config)
    config = re.sub(r"(?m)^(\s+endpoint:).*$", rf'\1 "http://127.0.0.1:{counter_port}"', config)
    with open(os.path.join(site, "portfolio.yml"), "w") as f:
        f.write(config)
    subprocess.run([binary, "build", "--source", site], check=True, stdout=subprocess.DEVNULL)
    return os.path.join(site, "public")


def browser():
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--user-agent=" + READER):
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def shown(driver, article):
    return driver.find_element(By.CSS_SELECTOR, f'article.post [data-views-id="{article}"]').text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/portfolio")
    binary = os.path.abspath(parser.parse_args().binary)
    folder = tempfile.mkdtemp(prefix="portfolio-counter-browser-")
    site_port, other_port, counter_port = free_port(), free_port(), free_port()
    public = build(binary, folder, site_port, counter_port)
    manifest = json.load(open(os.path.join(public, "counter.json")))
    article = next(a for a in manifest["articles"] if a["views"] > 0)
    servers = [subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", public],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for port in (site_port, other_port)]
    counter = subprocess.Popen([binary, "counter", "serve", "--site", public, "--port", str(counter_port),
                                "--db", os.path.join(folder, "counts.sqlite")], stdout=subprocess.DEVNULL)
    driver = None
    try:
        for port in (site_port, other_port):
            wait_for(f"http://127.0.0.1:{port}/")
        wait_for(f"http://127.0.0.1:{counter_port}/healthz")
        driver = browser()
        page = f"http://127.0.0.1:{site_port}/posts/{article['id']}/"
        baseline = str(article["views"])
        driver.get(page)
        moved = str(article["views"] + 1)
        try:
            WebDriverWait(driver, 10).until(lambda d: shown(d, article["id"]) == moved)
        except Exception:
            pass
        check("the number moves once when the article is opened", shown(driver, article["id"]) == moved,
              f"{baseline} → {shown(driver, article['id'])}")
        driver.refresh()
        time.sleep(1.5)
        check("and not again on reload", shown(driver, article["id"]) == moved, shown(driver, article["id"]))
        driver.get(f"http://127.0.0.1:{site_port}/")
        WebDriverWait(driver, 10).until(lambda d: any(s.text == moved for s in d.find_elements(By.CSS_SELECTOR, f'[data-views-id="{article["id"]}"]')))
        check("the home page shows the live count", True)
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and "favicon.ico" not in e["message"]]
        check("no console errors on the allowed origin", not errors, errors[:2])
        # The same site from an origin the counter does not allow: the POST is refused.
        driver.get(f"http://127.0.0.1:{other_port}/posts/{article['id']}/")
        time.sleep(1.5)
        stored = subprocess.run([binary, "counter", "export", "--db", os.path.join(folder, "counts.sqlite")],
                                capture_output=True, text=True).stdout
        check("a page on another origin counts nothing", f"{article['id']},1," in stored, stored.strip().replace("\n", "; "))
    finally:
        if driver:
            driver.quit()
        counter.send_signal(signal.SIGTERM)
        counter.wait(timeout=30)
        for server in servers:
            server.kill()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
