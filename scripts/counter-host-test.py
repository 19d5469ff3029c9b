#!/usr/bin/env python3
"""Drives real `portfolio counter serve` processes (run by scripts/host-test-counter.sh,
which gives it a PostgreSQL in PORTFOLIO_TEST_POSTGRES):

- crash: views sent from many threads while the service is killed with SIGKILL at random
  moments and started again; every answered view must be stored, and no more views stored
  than were sent;
- SIGTERM: views in flight when it arrives are answered and stored;
- SIGHUP: a new manifest is loaded without a restart;
- PostgreSQL: two instances taking requests in turn end with exact counts, and a repeat
  view is refused by the other instance;
- import twice, export, top and stats.

Prints one line per check and `N passed, N failed` last; exits 1 on any failure.
"""
import argparse, csv, http.client, io, json, os, random, shutil, signal, socket, subprocess, sys, tempfile, threading, time, urllib.parse

ORIGIN = "https://counter-test.example"
results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(("ok   " if ok else "FAIL ") + name + (f" ({detail})" if detail else ""), flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Service:
    def __init__(self, binary, site, store_args, extra=()):
        self.port = free_port()
        self.log = tempfile.NamedTemporaryFile("w+", delete=False)
        self.process = subprocess.Popen([binary, "counter", "serve", "--site", site, "--port", str(self.port),
                                         "--rate-limit", "0", "--trust-proxy", *store_args, *extra],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if request(self.port, "GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the counter did not start: " + open(self.log.name).read())

    def text(self):
        return open(self.log.name).read()


def request(port, method, path, visitor=None, timeout=10):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Origin": ORIGIN, "User-Agent": f"Mozilla/5.0 (X11; Linux) Firefox/130.0 v{visitor}"}
    if visitor is not None:
        headers["X-Forwarded-For"] = f"10.{visitor // 65536 % 256}.{visitor // 256 % 256}.{visitor % 256}"
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def build_site(binary, folder):
    site = os.path.join(folder, "site")
    shutil.copytree("content", os.path.join(site, "content"))
    with open("portfolio.yml") as f:
        config = f.read()
    config = "\n".join(l for l in config.splitlines() if not l.startswith("base_url"))
    with open(os.path.join(site, "portfolio.yml"), "w") as f:
        f.write(f"base_url: \"{ORIGIN}/\"\n" + config + "\n")
    subprocess.run([binary, "build", "--source", site], check=True, stdout=subprocess.DEVNULL)
    public = os.path.join(site, "public")
    manifest = json.load(open(os.path.join(public, "counter.json")))
    return site, public, [a["id"] for a in manifest["articles"]]


def stored_total(binary, store_args):
    out = subprocess.run([binary, "counter", "export", *store_args], check=True, capture_output=True, text=True).stdout
    return {row["id"]: int(row["recorded"] or 0) for row in csv.DictReader(io.StringIO(out))}


def crash_loop(binary, public, ids, folder):
    db = ["--db", os.path.join(folder, "crash.sqlite")]
    answered, sent, visitor = [0], [0], [0]
    lock = threading.Lock()
    for round in range(5):
        service = Service(binary, public, db)
        stop = threading.Event()

        def send():
            while not stop.is_set():
                with lock:
                    visitor[0] += 1
                    me = visitor[0]
                    sent[0] += 1
                try:
                    status, _ = request(service.port, "POST", "/views/" + urllib.parse.quote(ids[me % len(ids)]), visitor=me, timeout=5)
                    if status == 200:
                        with lock:
                            answered[0] += 1
                except OSError:
                    pass

        threads = [threading.Thread(target=send) for _ in range(16)]
        for t in threads:
            t.start()
        time.sleep(random.uniform(0.5, 2.0))
        service.process.send_signal(signal.SIGKILL)
        service.process.wait()
        stop.set()
        for t in threads:
            t.join()
    stored = sum(stored_total(binary, db).values())
    print(f"     kill -9 five times: {sent[0]} sent, {answered[0]} answered, {stored} stored", flush=True)
    check("kill -9 loses no answered view", stored >= answered[0], f"{answered[0]} answered, {stored} stored")
    check("kill -9 stores no view that was not sent", stored <= sent[0], f"{sent[0]} sent")


def graceful_and_reload(binary, site, public, ids, folder):
    db = ["--db", os.path.join(folder, "term.sqlite")]
    service = Service(binary, public, db)
    # SIGHUP: an article added to the site after the service started.
    new_post = os.path.join(site, "content", "posts", "added-later.md")
    with open(new_post, "w") as f:
        f.write("---\ntitle: 後來加的文章\ndate: 2024-01-01\nslug: added-later\nviews: 5\n---\n\n內容。\n")
    status_before, _ = request(service.port, "POST", "/views/added-later", visitor=1)
    subprocess.run([binary, "build", "--source", site], check=True, stdout=subprocess.DEVNULL)
    service.process.send_signal(signal.SIGHUP)
    deadline, status_after, body = time.time() + 10, 0, b""
    while time.time() < deadline and status_after != 200:
        time.sleep(0.1)
        status_after, body = request(service.port, "POST", "/views/added-later", visitor=2)
    check("an unknown id is refused, then counted after SIGHUP loads the new manifest",
          status_before == 404 and status_after == 200 and json.loads(body)["views"] == 6, f"{status_before} then {status_after} {body!r}")
    # SIGTERM while views are in flight: each one sent before is answered and stored.
    answered, errors = [0], [0]

    def send(n):
        for i in range(50):
            try:
                if request(service.port, "POST", "/views/" + urllib.parse.quote(ids[i % len(ids)]), visitor=1000 + n * 100 + i)[0] == 200:
                    answered[0] += 1
            except OSError:
                errors[0] += 1
                return

    threads = [threading.Thread(target=send, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    time.sleep(0.3)
    service.process.send_signal(signal.SIGTERM)
    code = service.process.wait(timeout=30)
    for t in threads:
        t.join()
    stored = sum(v for k, v in stored_total(binary, db).items() if k != "added-later")
    check("SIGTERM exits cleanly and every answered view is stored", code == 0 and stored == answered[0],
          f"exit {code}, {answered[0]} answered, {stored} stored")
    os.remove(new_post)


def postgres_pair(binary, public, ids):
    url = os.environ.get("PORTFOLIO_TEST_POSTGRES")
    if not url:
        check("PostgreSQL is available for the shared-store test", False, "PORTFOLIO_TEST_POSTGRES is not set")
        return
    subprocess.run(["psql", url, "-q", "-c", "CREATE DATABASE hosttest"], check=True)
    parts = urllib.parse.urlsplit(url)
    shared = ["--postgres", urllib.parse.urlunsplit(parts._replace(path="/hosttest"))]
    services = [Service(binary, public, shared), Service(binary, public, shared)]
    answered, repeats = {}, [0]
    lock = threading.Lock()

    def send(n):
        for i in range(60):
            visitor = n * 1000 + i
            article = ids[visitor % len(ids)]
            status, body = request(services[i % 2].port, "POST", "/views/" + urllib.parse.quote(article), visitor=visitor)
            again, body2 = request(services[(i + 1) % 2].port, "POST", "/views/" + urllib.parse.quote(article), visitor=visitor)
            with lock:
                if status == 200:
                    answered[article] = answered.get(article, 0) + 1
                if again == 200:
                    repeats[0] += 1

    started = time.time()
    threads = [threading.Thread(target=send, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.time() - started
    stored = stored_total(binary, shared)
    for s in services:
        s.process.send_signal(signal.SIGTERM)
        s.process.wait(timeout=30)
    total = sum(answered.values())
    print(f"     two instances on PostgreSQL: {total * 2} requests in {seconds:.2f} s", flush=True)
    check("two instances on one PostgreSQL end with exact counts", stored == answered and total == 480, f"{total} counted")
    check("a repeat view sent to the other instance is answered but not counted again",
          repeats[0] == total and sum(stored.values()) == total, f"{repeats[0]} repeats answered, {sum(stored.values())} stored")


def commands(binary, public, ids, folder):
    db = ["--db", os.path.join(folder, "admin.sqlite")]
    legacy = os.path.join(folder, "legacy.csv")
    with open(legacy, "w") as f:
        f.write("url,count\n" + "".join(f"https://old.example.com/posts/{urllib.parse.quote(i)}/,{n + 100}\n" for n, i in enumerate(ids[:3])))
        f.write("no-such-article,5\n")
    first = subprocess.run([binary, "counter", "import", legacy, "--site", public, *db], capture_output=True, text=True)
    second = subprocess.run([binary, "counter", "import", legacy, "--site", public, *db], capture_output=True, text=True)
    check("import reports what changed and skips unknown ids", first.returncode == 0 and "3 changed" in first.stdout
          and "no-such-article" in first.stdout, first.stdout.strip())
    check("importing the same file twice changes nothing", second.returncode == 0 and "0 changed" in second.stdout, second.stdout.strip())
    service = Service(binary, public, db)
    status, body = request(service.port, "POST", "/views/" + urllib.parse.quote(ids[0]), visitor=7)
    check("an imported count is the baseline views are added to", status == 200 and json.loads(body)["views"] == 101, body.decode())
    service.process.send_signal(signal.SIGTERM)
    service.process.wait(timeout=30)
    top = subprocess.run([binary, "counter", "top", "--days", "7", *db], capture_output=True, text=True).stdout
    stats = subprocess.run([binary, "counter", "stats", *db], capture_output=True, text=True).stdout
    check("top lists today's views", top.split() == ["1", ids[0]], top.strip())
    check("stats gives the totals", "views recorded:    1" in stats and "imported counts:   303" in stats, stats.strip().replace("\n", "; "))
    bad = subprocess.run([binary, "counter", "serve", "--site", folder, *db], capture_output=True, text=True)
    check("a missing manifest is an error that names the file", bad.returncode != 0 and "counter.json" in bad.stderr, bad.stderr.strip())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/portfolio")
    binary = os.path.abspath(parser.parse_args().binary)
    folder = tempfile.mkdtemp(prefix="portfolio-counter-")
    try:
        site, public, ids = build_site(binary, folder)
        crash_loop(binary, public, ids, folder)
        graceful_and_reload(binary, site, public, ids, folder)
        postgres_pair(binary, public, ids)
        commands(binary, public, ids, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
