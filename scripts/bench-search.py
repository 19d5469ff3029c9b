#!/usr/bin/env python3
"""Search benchmark on the shared 10,000-article corpus, side by side with Pagefind.

Usage: scripts/bench-search.py [--binary PATH] [--runs N] [--articles N] [--queries Q ...]

- builds the corpus (../shared/bench/make_corpus.py) and the site with `portfolio build`
  (the release build in .build unless --binary), RUNS times: the median build time
  and the median time of its `search` step (the build prints each step's time);
- sizes of the search index;
- in headless Chromium (Debian's chromium + chromium-driver), for each query on a cold
  cache: the bytes the search page fetches for its first query (counted by the local
  server: status lines, headers and bodies of every request after the page itself, so
  requests from web workers count too), the number of requests, and the query time once
  loaded (median of repeated runs, read from the page's data-ms);
- Pagefind 1.5.2 (pagefind-bin-extended from PyPI) indexing the same built site: its
  index time, and the bytes its JavaScript API fetches for the same queries (init,
  search, data of the first 10 results), with its result counts.
Numbers are medians; machines are shared, so compare the two tools within one run.
Environment: BENCH_DIR (work folder), OUTPUTS (where built sites go; /dev/shm/... for
tmpfs), SHARED (../shared).
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED", os.path.join(ROOT, "..", "shared"))
WORK = os.environ.get("BENCH_DIR", "/tmp/portfolio-search-bench")
QUERIES = ["市場區隔", "营销", "c2m", "行銷", "場區", "私域流量"]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def timed(cmd, **kw):
    """Wall seconds, peak resident KB and CPU seconds (user + system) of one command."""
    start = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + cmd, capture_output=True, text=True, **kw)
    seconds = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit(proc.stdout + proc.stderr)
    peak, user, system = proc.stderr.strip().splitlines()[-1].split()
    return seconds, int(peak), float(user) + float(system), proc.stdout


class CountingServer:
    """http.server on 127.0.0.1 in a thread, counting the bytes of every response (status
    line, headers and body), so requests from workers count too."""

    def __init__(self, folder):
        import functools
        import http.server
        import threading
        log = self.log = []

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def send_header(self, key, value):
                if key.lower() == "content-length":
                    self._body = int(value)
                super().send_header(key, value)

            def end_headers(self):
                self._head = sum(len(b) for b in getattr(self, "_headers_buffer", [])) + 2
                super().end_headers()

            def handle_one_request(self):
                self._body, self._head = 0, 0
                super().handle_one_request()
                if getattr(self, "path", None) and self._head:
                    log.append((urllib.parse.unquote(self.path), self._head, self._body))

        handler = functools.partial(Handler, directory=folder)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def take(self):
        entries, self.log[:] = list(self.log), []
        return entries

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions",
                "--no-first-run", "--disable-background-networking"):
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


RESOURCES = """
return performance.getEntriesByType('resource').map(function (e) {
  return {name: e.name, transfer: e.transferSize, body: e.encodedBodySize};
});"""


def wait(driver, script, timeout=30):
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, timeout, poll_frequency=0.02).until(lambda d: d.execute_script(script))


def ours(server, query, repeats):
    """First-query bytes on a cold browser, then the time of repeated runs once loaded."""
    driver = browser()
    try:
        server.take()
        driver.get(server.base + "/search/?q=" + urllib.parse.quote(query))
        wait(driver, "return document.getElementById('search').getAttribute('data-state') === 'done'")
        requests = [r for r in server.take() if not r[0].startswith("/search/?")]
        total = int(driver.execute_script("return document.getElementById('search').getAttribute('data-total')"))
        times, ranks = [], []
        for _ in range(repeats):
            driver.execute_script("document.getElementById('search').setAttribute('data-state', 'x');"
                                  "document.getElementById('search-form').requestSubmit();")
            wait(driver, "return document.getElementById('search').getAttribute('data-state') === 'done'")
            box = driver.execute_script("var b = document.getElementById('search');"
                                        "return [b.getAttribute('data-ms'), b.getAttribute('data-ms-rank')];")
            times.append(float(box[0]))
            ranks.append(float(box[1]))
        return requests, total, statistics.median(times), statistics.median(ranks)
    finally:
        driver.quit()


PAGEFIND_PAGE = """<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>pagefind</title></head><body>
<script>
window.runSearch = async function (q) {
  var t0 = performance.now();
  var pagefind = await import('/pagefind/pagefind.js');
  await pagefind.options({excerptLength: 30});
  await pagefind.init();
  var search = await pagefind.search(q);
  var data = await Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); }));
  window.done = {count: search.results.length, ms: performance.now() - t0,
                 urls: data.map(function (d) { return d.url; }), excerpt: data.length ? data[0].excerpt : ''};
  var t1 = performance.now();
  search = await pagefind.search(q);
  data = await Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); }));
  window.done.warm = performance.now() - t1;
};
</script></body></html>"""


def pagefind(server, query):
    driver = browser()
    try:
        driver.get(server.base + "/pagefind-bench.html")
        server.take()
        driver.execute_script("window.done = null; window.runSearch(arguments[0]);", query)
        wait(driver, "return window.done !== null && window.done.warm !== undefined", timeout=60)
        done = driver.execute_script("return window.done")
        return server.take(), done
    finally:
        driver.quit()


def kb(n):
    return "%.1f KB" % (n / 1024)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", help="portfolio binary (default: the release build in .build)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=7, help="warm query runs per query")
    parser.add_argument("--queries", nargs="*", default=QUERIES)
    parser.add_argument("--no-pagefind", action="store_true")
    args = parser.parse_args()
    os.makedirs(WORK, exist_ok=True)

    binary = args.binary
    if not binary:
        run(["swift", "build", "-c", "release", "--product", "portfolio"], cwd=ROOT)
        binary = os.path.join(ROOT, ".build", "release", "portfolio")
    binary = os.path.abspath(binary)

    corpus = os.path.join(WORK, "corpus-%d" % args.articles)
    if not os.path.isdir(os.path.join(corpus, "posts")):
        run([sys.executable, os.path.join(SHARED, "bench", "make_corpus.py"), corpus, "--articles", str(args.articles)])
    site = os.path.join(WORK, "site")
    os.makedirs(site, exist_ok=True)
    link = os.path.join(site, "content")
    if os.path.islink(link):
        os.unlink(link)
    os.symlink(corpus, link)
    with open(os.path.join(site, "portfolio.yml"), "w") as f:
        f.write("title: 行銷知識作品集\nbase_url: https://example.org/\npaginate: 20\n"
                "search:\n  synonyms:\n    - [行銷, 营销, 營銷]\n    - [通路, 渠道]\n")
    # Each build writes a folder of its own: on this machine's disk (ext4 without a
    # journal) creating files soon after deleting as many is slow, whichever tool runs.
    # OUTPUTS=/dev/shm/... puts the outputs on tmpfs, taking the disk out of the numbers.
    outputs = os.environ.get("OUTPUTS", WORK)
    os.makedirs(outputs, exist_ok=True)
    for name in os.listdir(outputs):
        if name.startswith("out"):
            shutil.rmtree(os.path.join(outputs, name), ignore_errors=True)

    # Builds: the whole build and its search step.
    builds, steps, peaks, cpus, log = [], [], [], [], ""
    for i in range(args.runs):
        out = os.path.join(outputs, "out-%d" % (i + 1))
        subprocess.run(["sync"])
        seconds, peak, cpu, log = timed([binary, "build", "--source", site, "--output", out])
        builds.append(seconds)
        peaks.append(peak)
        cpus.append(cpu)
        m = re.search(r"search\s+([\d.]+)\s*(ms|s)\b", log)
        if m:
            steps.append(float(m.group(1)) / (1000 if m.group(2) == "ms" else 1))
    print("corpus: %d articles; %d builds; %d cores" % (args.articles, args.runs, os.cpu_count()))
    print(log.strip())
    search_dir = os.path.join(out, "search")
    sizes, counts = {}, {}
    for folder, _, names in os.walk(search_dir):
        for name in names:
            rel = os.path.relpath(os.path.join(folder, name), search_dir)
            kind = rel.split("/")[0] if "/" in rel else rel
            sizes[kind] = sizes.get(kind, 0) + os.path.getsize(os.path.join(folder, name))
            counts[kind] = counts.get(kind, 0) + 1

    print()
    load = os.getloadavg()[0]
    print("portfolio build           median %.2f s   cpu %.1f s   peak %d MB   (runs: %s; load average %.1f)" % (
        statistics.median(builds), statistics.median(cpus), max(peaks) // 1024, " ".join("%.2f" % b for b in builds), load))
    if steps:
        print("  of which search step    median %.2f s   (runs: %s)" % (statistics.median(steps), " ".join("%.2f" % s for s in steps)))
    print("  index: " + ", ".join("%s %s (%d)" % (k, kb(v), counts[k]) for k, v in sorted(sizes.items())))

    # Pagefind on the same output (a copy, so our output stays as built).
    pagefind_site = None
    if not args.no_pagefind:
        try:
            run([sys.executable, "-m", "pagefind_bin_extended", "--version"])
        except (subprocess.CalledProcessError, FileNotFoundError):
            run([sys.executable, "-m", "pip", "install", "-q", "pagefind-bin-extended==1.5.2"])
        pagefind_site = os.path.join(outputs, "out-pagefind")
        shutil.rmtree(pagefind_site, ignore_errors=True)
        shutil.copytree(out, pagefind_site)
        seconds, peak, cpu, pf_log = timed([sys.executable, "-m", "pagefind_bin_extended", "--site", pagefind_site])
        with open(os.path.join(pagefind_site, "pagefind-bench.html"), "w") as f:
            f.write(PAGEFIND_PAGE)
        pf_size = sum(os.path.getsize(os.path.join(d, n)) for d, _, ns in os.walk(os.path.join(pagefind_site, "pagefind")) for n in ns)
        print("pagefind index            %.2f s   cpu %.1f s   peak %d MB   index %s" % (seconds, cpu, peak // 1024, kb(pf_size)))
        print("  " + " ".join(l.strip() for l in pf_log.splitlines() if re.search(r"Indexed|Total|Finished", l)))

    # Bytes and times in the browser, counted by the server.
    server = CountingServer(out)
    pf_server = CountingServer(pagefind_site) if pagefind_site else None
    rows = []
    try:
        print()
        print("first query on a cold cache: results, requests, bytes served (headers + bodies), ms once loaded")
        header = "%-10s | %-42s | %-36s" % ("query", "portfolio", "pagefind (JS API, 10 results' data)")
        print(header)
        print("-" * len(header))
        for q in args.queries:
            requests, total, warm, rank = ours(server, q, args.repeats)
            row = {"query": q, "total": total, "requests": len(requests), "bytes": sum(h + b for _, h, b in requests),
                   "index_bytes": sum(h + b for p, h, b in requests if p.startswith("/search/")),
                   "files": [p for p, _, _ in requests], "warm_ms": warm, "rank_ms": rank}
            cell_pf = "-"
            if pf_server:
                pf_requests, done = pagefind(pf_server, q)
                row["pf_total"] = done["count"]
                row["pf_requests"] = len(pf_requests)
                row["pf_bytes"] = sum(h + b for _, h, b in pf_requests)
                row["pf_files"] = [p for p, _, _ in pf_requests]
                row["pf_warm_ms"] = done["warm"]
                cell_pf = "%5d, %2d, %9s, %.0f" % (done["count"], len(pf_requests), kb(row["pf_bytes"]), done["warm"])
            rows.append(row)
            print("%-10s | %-42s | %-36s" % (q, "%5d, %2d, %9s, %.1f (ranking %.1f)" % (
                total, len(requests), kb(row["bytes"]), warm, rank), cell_pf))
    finally:
        server.close()
        if pf_server:
            pf_server.close()

    print()
    med = lambda key: statistics.median(r[key] for r in rows)
    print("median first-query fetch: portfolio %s in %d requests (%s of it search files: script, table, manifest, shards, results)" % (
        kb(med("bytes")), med("requests"), kb(med("index_bytes"))))
    print("median query time once loaded: portfolio %.1f ms (ranking alone %.1f ms)" % (med("warm_ms"), med("rank_ms")))
    if rows and "pf_bytes" in rows[0]:
        print("median first-query fetch: pagefind %s in %d requests; once loaded %.1f ms" % (
            kb(med("pf_bytes")), med("pf_requests"), med("pf_warm_ms")))
    with open(os.path.join(WORK, "bench-search.json"), "w") as f:
        json.dump({"builds": builds, "cpu": cpus, "search_steps": steps, "sizes": sizes, "queries": rows}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
