#!/usr/bin/env python3
"""Requests/s and p99 of the public status page and its summary.json at 64 connections while public
updates are being posted, beside nginx serving the same bytes as static files in the same run.
See bench/README.md ("Status page").

Usage: bench/statuspage.sh (builds the jar, then runs this). Environment:
  CONNECTIONS=64   wrk connections      DURATION=20   seconds per measurement
  WARMUP=20        seconds of load on Firebreak before measuring (the JIT settles)
  UPDATE_EVERY=1   seconds between public updates posted during Firebreak's runs
  JAR=target/firebreak.jar
Prints one result table on stdout; progress on stderr.
"""
import json, os, re, shutil, socket, subprocess, sys, tempfile, threading, time, urllib.request

CONNECTIONS = int(os.environ.get("CONNECTIONS", "64"))
DURATION = int(os.environ.get("DURATION", "20"))
WARMUP = int(os.environ.get("WARMUP", "20"))
UPDATE_EVERY = float(os.environ.get("UPDATE_EVERY", "1"))
JAR = os.environ.get("JAR", "target/firebreak.jar")
ADMIN, PASSWORD = "bench@firebreak.local", "bench-password-1234"


def say(*words):
    print("==", *words, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base, method, path, token=None, body=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


def fetch(url, gzip=False):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def wrk(url, duration, gzip=False):
    headers = ["-H", "Accept-Encoding: gzip"] if gzip else []
    out = subprocess.run(["wrk", "-t2", "-c%d" % CONNECTIONS, "-d%ds" % duration, "--timeout", "10s", "--latency"]
                         + headers + [url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))
    p99 = re.search(r"\s99%\s+([0-9.]+)(us|ms|s)", out)
    p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return rate, p99_ms, int(errors.group(1)) if errors else 0, socket_errors.group(1) if socket_errors else ""


class Updater(threading.Thread):
    """Posts a public update every UPDATE_EVERY seconds: each one changes the page, which is rendered again."""

    def __init__(self, base, token, incident, component):
        super().__init__(daemon=True)
        self.base, self.token, self.incident, self.component = base, token, incident, component
        self.running, self.posted = True, 0

    def run(self):
        while self.running:
            self.post()
            time.sleep(UPDATE_EVERY)

    def post(self):
        self.posted += 1
        phase = ["investigating", "identified", "monitoring"][self.posted % 3]
        call(self.base, "POST", "/api/v1/incidents/%s/status-updates" % self.incident, self.token,
             {"audience": "public", "phase": phase, "components": [self.component],
              "text": "Update %d: some card payments fail and we are working on it. Next update within 30 minutes."
                      % self.posted})


def main():
    for tool in ("wrk", "nginx", "java"):
        if not shutil.which(tool) and not os.path.exists("/usr/sbin/" + tool):
            sys.exit("statuspage.py needs %s (Debian package %s)" % (tool, "nginx-light" if tool == "nginx" else tool))
    tmp = tempfile.mkdtemp(prefix="firebreak-statuspage.")
    os.chmod(tmp, 0o755)  # nginx workers read the files as another user
    fb_port, nginx_port = free_port(), free_port()
    env = dict(os.environ, FIREBREAK_DATA_DIR=tmp + "/data", FIREBREAK_ADMIN_EMAIL=ADMIN,
               FIREBREAK_ADMIN_PASSWORD=PASSWORD, PORT=str(fb_port))
    log = open(tmp + "/firebreak.log", "w")
    server = subprocess.Popen(["java", "-jar", JAR], env=env, stdout=log, stderr=subprocess.STDOUT)
    nginx = None
    base = "http://127.0.0.1:%d" % fb_port
    try:
        for _ in range(120):
            try:
                if "UP" in urllib.request.urlopen(base + "/actuator/health", timeout=2).read().decode():
                    break
            except OSError:
                time.sleep(1)
        else:
            sys.exit("Firebreak did not start; see " + tmp + "/firebreak.log")
        admin = call(base, "POST", "/api/v1/auth/token", body={"email": ADMIN, "password": PASSWORD})["token"]

        say("a page of 4 groups with 3 components each, an incident with a public update")
        names = []
        for g in range(4):
            group = call(base, "POST", "/api/v1/status-page/groups", admin, {"name": "Product %d" % g})["id"]
            for c in range(3):
                name = "Part %d.%d" % (g, c)
                call(base, "POST", "/api/v1/status-page/components", admin, {"name": name, "group_id": group})
                names.append(name)
        incident = call(base, "POST", "/api/v1/incidents", admin,
                        {"title": "bench incident", "severity": "SEV2", "customer_impact": "Card payments fail."})["id"]
        Updater(base, admin, incident, names[0]).post()
        time.sleep(3)  # the update reaches the page after its commit

        say("nginx serving the same bytes as static files")
        root = tmp + "/www"
        os.makedirs(root + "/status/api/v2")
        for path, file in (("/status", "/status/index.html"), ("/status/api/v2/summary.json", "/status/api/v2/summary.json")):
            with open(root + file, "wb") as f:
                f.write(fetch(base + path))
            with open(root + file + ".gz", "wb") as f:
                f.write(fetch(base + path, gzip=True))
        conf = tmp + "/nginx.conf"
        with open(conf, "w") as f:
            f.write("""worker_processes auto; daemon off; pid %(tmp)s/nginx.pid; error_log %(tmp)s/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000; gzip_static on; types { text/html html; application/json json; }
  server { listen 127.0.0.1:%(port)d; root %(root)s; location = /status { default_type text/html; try_files /status/index.html =404; } } }
""" % {"tmp": tmp, "port": nginx_port, "root": root})
        nginx = subprocess.Popen([shutil.which("nginx") or "/usr/sbin/nginx", "-c", conf, "-p", tmp],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)
        ng = "http://127.0.0.1:%d" % nginx_port
        for path in ("/status", "/status/api/v2/summary.json"):
            for gzip in (False, True):
                if fetch(ng + path, gzip) != fetch(base + path, gzip):
                    sys.exit("nginx does not serve the bytes Firebreak serves at %s (gzip: %s)" % (path, gzip))

        say("warming Firebreak up for %d s" % WARMUP)
        wrk(base + "/status", WARMUP // 2)
        wrk(base + "/status/api/v2/summary.json", WARMUP - WARMUP // 2)

        rows = []
        for gzip in (False, True):
            for label, path in (("/status", "/status"), ("summary.json", "/status/api/v2/summary.json")):
                encoding = "gzip" if gzip else "identity"
                say("nginx %s (%s) for %d s" % (label, encoding, DURATION))
                n_rate, n_p99, n_err, _ = wrk(ng + path, DURATION, gzip)
                say("Firebreak %s (%s) for %d s, a public update every %s s" % (label, encoding, DURATION, UPDATE_EVERY))
                updater = Updater(base, admin, incident, names[0])
                updater.start()
                f_rate, f_p99, f_err, _ = wrk(base + path, DURATION, gzip)
                updater.running = False
                updater.join()
                size = len(fetch(base + path, gzip))
                rows.append((label, encoding, size, f_rate, f_p99, f_err, updater.posted, n_rate, n_p99, n_err))
        print("| resource | encoding | bytes | Firebreak req/s | Firebreak p99 ms | non-2xx | updates posted | nginx req/s | nginx p99 ms | Firebreak / nginx |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for label, encoding, size, f_rate, f_p99, f_err, posted, n_rate, n_p99, n_err in rows:
            print("| %s | %s | %d | %.0f | %.2f | %d | %d | %.0f | %.2f | %.2f |"
                  % (label, encoding, size, f_rate, f_p99, f_err, posted, n_rate, n_p99, f_rate / n_rate))
    finally:
        if nginx:
            nginx.terminate()
        server.terminate()
        server.wait(30)
        say("logs in " + tmp)


if __name__ == "__main__":
    main()
