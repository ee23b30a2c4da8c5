#!/usr/bin/env python3
"""Measures the time from an alert event being accepted to the first page about its incident being
handed to a channel, while a storm of events hits the same server. See bench/README.md ("Paging").

Usage: bench/paging.sh (builds the jar, then runs this). Environment:
  INCIDENTS=100      incidents opened during the storm (one service, policy and person each)
  RATE=5             of them per second
  STORM_CONNECTIONS=8  wrk connections of the storm (repeats of 1000 warning alerts: no incidents)
  WARMUP=40          seconds of storm before the first incident (the JIT settles in about a minute)
  JAR=target/firebreak.jar   DB_URL/DB_USER/DB_PASSWORD: run on PostgreSQL instead of H2
Prints one result table on stdout; progress on stderr.
"""
import http.server, json, os, re, shutil, socket, subprocess, sys, tempfile, threading, time, urllib.request

INCIDENTS = int(os.environ.get("INCIDENTS", "100"))
RATE = float(os.environ.get("RATE", "5"))
CONNECTIONS = int(os.environ.get("STORM_CONNECTIONS", "8"))
WARMUP = int(os.environ.get("WARMUP", "40"))
JAR = os.environ.get("JAR", "target/firebreak.jar")
ADMIN, PASSWORD = "bench@firebreak.local", "bench-password-1234"
CODE = re.compile(r"verification code is (\d{6})")
TOKEN = re.compile(r"bench-([0-9]+)-")


def say(*words):
    print("==", *words, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink(http.server.BaseHTTPRequestHandler):
    """The push webhook every bench person is paged at: records when each page arrived."""
    received = {}      # incident token -> arrival time (first)
    codes = {}         # path -> verification code
    lock = threading.Lock()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
        now = time.time()
        self.send_response(204)
        self.end_headers()
        with Sink.lock:
            code = CODE.search(body)
            if code:
                Sink.codes[self.path] = code.group(1)
            for token in TOKEN.findall(body):
                Sink.received.setdefault(token, now)

    def log_message(self, *args):
        pass


def call(base, method, path, token=None, body=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


def quantile_from_prometheus(text, name, q):
    buckets = []
    for line in text.splitlines():
        m = re.match(name + r'_bucket\{.*le="([^"]+)".*\} ([0-9.e+E]+)', line)
        if m:
            buckets.append((float("inf") if m.group(1) == "+Inf" else float(m.group(1)), float(m.group(2))))
    buckets.sort()
    if not buckets or buckets[-1][1] == 0:
        return None, 0
    total = buckets[-1][1]
    rank, previous_le, previous_count = q * total, 0.0, 0.0
    for le, count in buckets:
        if count >= rank:
            if le == float("inf"):
                return previous_le, int(total)
            share = (rank - previous_count) / (count - previous_count) if count > previous_count else 1
            return previous_le + (le - previous_le) * share, int(total)
        previous_le, previous_count = le, count
    return buckets[-1][0], int(total)


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main():
    tmp = tempfile.mkdtemp(prefix="firebreak-paging.")
    sink_port, fb_port = free_port(), free_port()
    sink = http.server.ThreadingHTTPServer(("127.0.0.1", sink_port), Sink)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    env = dict(os.environ, FIREBREAK_DATA_DIR=tmp + "/data", FIREBREAK_ADMIN_EMAIL=ADMIN,
               FIREBREAK_ADMIN_PASSWORD=PASSWORD, PORT=str(fb_port))
    if os.environ.get("DB_URL"):
        env.update(FIREBREAK_DB_URL=os.environ["DB_URL"], FIREBREAK_DB_USER=os.environ.get("DB_USER", ""),
                   FIREBREAK_DB_PASSWORD=os.environ.get("DB_PASSWORD", ""))
    log = open(tmp + "/firebreak.log", "w")
    server = subprocess.Popen(["java", "-jar", JAR, "--firebreak.ingest.default-rate-per-second=1000000",
                               "--management.endpoints.web.exposure.include=health,prometheus"],
                              env=env, stdout=log, stderr=subprocess.STDOUT)
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

        say("setting up %d services, each with a policy paging its own person by push webhook" % INCIDENTS)
        keys = []
        for i in range(INCIDENTS):
            email, password = "p%d@bench.local" % i, "password-%d-bench" % i
            person = call(base, "POST", "/api/v1/accounts", admin,
                          {"email": email, "display_name": "Person %d" % i, "role": "responder", "password": password})
            token = call(base, "POST", "/api/v1/auth/token", body={"email": email, "password": password})["token"]
            path = "/hook/%d" % i
            method = call(base, "POST", "/api/v1/accounts/me/contact-methods", token,
                          {"type": "webhook", "address": "http://127.0.0.1:%d%s" % (sink_port, path)})
            for _ in range(50):
                if path in Sink.codes:
                    break
                time.sleep(0.1)
            call(base, "POST", "/api/v1/accounts/me/contact-methods/%s/verify" % method["id"], token, {"code": Sink.codes[path]})
            call(base, "POST", "/api/v1/accounts/me/notification-rules", token,
                 {"urgency": "high", "contact_method_id": method["id"], "delay_minutes": 0})
            service = call(base, "POST", "/api/v1/services", admin, {"name": "bench-service-%d" % i})
            keys.append(call(base, "POST", "/api/v1/services/%s/integrations" % service["id"], admin, {"type": "events_v2"})["routing_key"])
            call(base, "POST", "/api/v1/escalation-policies", admin,
                 {"name": "bench-policy-%d" % i, "levels": [{"targets": [{"type": "person", "id": person["id"]}]}],
                  "service_ids": [service["id"]]})
        storm_service = call(base, "POST", "/api/v1/services", admin, {"name": "bench-storm"})
        storm_key = call(base, "POST", "/api/v1/services/%s/integrations" % storm_service["id"], admin, {"type": "events_v2"})["routing_key"]

        say("storm: wrk, %d connections, repeats of 1000 warning alerts (no incidents), for the whole run" % CONNECTIONS)
        duration = WARMUP + int(INCIDENTS / RATE) + 10
        wrk_env = dict(os.environ, TARGET="firebreak", LOAD="repeat", SEVERITY="warning", ROUTING_KEY=storm_key,
                       RUN_ID="storm", HOT_KEYS="1000")
        wrk = subprocess.Popen(["wrk", "-t2", "-c%d" % CONNECTIONS, "-d%ds" % duration, "--timeout", "10s", "--latency",
                                "-s", os.path.join(os.path.dirname(__file__), "ingest.lua"), base + "/v2/enqueue"],
                               env=wrk_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        time.sleep(WARMUP)

        say("opening %d incidents at %.1f/s during the storm" % (INCIDENTS, RATE))
        sent = {}
        for i, key in enumerate(keys):
            token = str(i)
            event = {"routing_key": key, "event_action": "trigger", "dedup_key": "bench-%s-page" % token,
                     "payload": {"summary": "bench-%s- checkout down" % token, "source": "bench", "severity": "critical"}}
            sent[token] = time.time()
            call(base, "POST", "/v2/enqueue", body=event)
            time.sleep(max(0.0, sent[token] + 1 / RATE - time.time()))
        deadline = time.time() + 60
        while len(Sink.received) < INCIDENTS and time.time() < deadline:
            time.sleep(0.2)
        storm = wrk.communicate()[0]
        rate = re.search(r"Requests/sec:\s+([0-9.]+)", storm)
        refused = re.search(r"Non-2xx or 3xx responses: ([0-9]+)", storm)
        if refused:
            say("the storm had %s answers other than 2xx" % refused.group(1))
        scrape = urllib.request.Request(base + "/actuator/prometheus", headers={"Authorization": "Bearer " + admin})
        metrics = urllib.request.urlopen(scrape).read().decode()
        p50, count = quantile_from_prometheus(metrics, "firebreak_paging_latency_seconds", 0.5)
        p99, _ = quantile_from_prometheus(metrics, "firebreak_paging_latency_seconds", 0.99)
        observed = [Sink.received[t] - sent[t] for t in sent if t in Sink.received]
        print("storm events/s  pages  missing  server p50 ms  server p99 ms  client p50 ms  client p99 ms  client max ms")
        print("%14.0f  %5d  %7d  %13.0f  %13.0f  %13.0f  %13.0f  %13.0f" % (
            float(rate.group(1)) if rate else float("nan"), count, INCIDENTS - len(observed),
            (p50 or float("nan")) * 1000, (p99 or float("nan")) * 1000,
            percentile(observed, 0.5) * 1000, percentile(observed, 0.99) * 1000, max(observed) * 1000))
    finally:
        server.terminate()
        server.wait(30)
        sink.shutdown()
        if not os.environ.get("KEEP_TMP"):
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            say("kept", tmp)


if __name__ == "__main__":
    main()
