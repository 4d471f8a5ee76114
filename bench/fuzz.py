#!/usr/bin/env python3
"""Hostile-input fuzzer for a Newsdesk served on 127.0.0.1 (run by bench/fuzz.sh; standard library only).

    fuzz.py BASE_URL SLUG ADMIN_PASSWORD DB_NAME [COUNT=10000] [WORKERS=3] [MAX_SECONDS=1800] [SEED=1]

Sends COUNT hostile requests (each form submission preceded by a GET of a fresh form: cookies, view state,
form token and every hidden field) to the public pages and forms (comment form, sign-in, search, post, tag,
page and media paths) and, signed in as admin, to the desk's forms: very long values (up to 1 MB), invalid and
overlong UTF-8, NUL and control characters, RTL overrides, emoji, wrong types in number fields, missing and
duplicated fields, tampered view state, wrong Content-Type, broken multipart bodies, markup and script.
Counts answers per status class; every 5xx (and every request left without an answer) is a finding, the first
few printed with the request that caused them. Every comment the site acknowledged (a redirect naming its id)
carries a unique marker, and is looked up afterwards in the database with the mariadb client.
Talks to 127.0.0.1 only; bounded in count and in time. Exit status 0 only with no finding and nothing lost.
"""
import collections
import html.parser
import http.client
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

BASE, SLUG, ADMIN_PASSWORD, DB = sys.argv[1:5]
COUNT = min(int(sys.argv[5]) if len(sys.argv) > 5 else 10000, 200000)
WORKERS = min(int(sys.argv[6]) if len(sys.argv) > 6 else 3, 16)
MAX_SECONDS = min(int(sys.argv[7]) if len(sys.argv) > 7 else 1800, 7200)
SEED = int(sys.argv[8]) if len(sys.argv) > 8 else 1
URL = urllib.parse.urlsplit(BASE)
if URL.hostname != "127.0.0.1":
    sys.exit("fuzz.py only talks to 127.0.0.1")
HOST, PORT = URL.hostname, URL.port
RUN = format(int(time.time()), "x")
DEADLINE = time.monotonic() + MAX_SECONDS
TIMEOUT = 60

# ---------------------------------------------------------------- hostile values
MB = 1024 * 1024
HOSTILE = [
    "", " ", "\t", "a" * 101, "a" * 256, "x" * 5001, "y" * 65537, "z" * (MB - 100), "é" * (MB // 2 - 50),
    b"\xff\xfe\xfd", b"\xc3\x28", b"\xa0\xa1", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xf4\x90\x80\x80",
    b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf0\x80\x80\xaf", b"\xc0\x80", b"\xf8\x88\x80\x80\x80", b"\xfc\x84\x80\x80\x80\x80",
    b"abc\xe2\x82", b"\x80" * 300, "\x00", "a\x00b", "\x00" * 1000,
    "".join(chr(c) for c in range(1, 32)), "\x7f\x1b[31m\x08\x07", "\u0085\u2028\u2029", "\r\n\r\n", "\r",
    "\u202eevil\u202c.exe", "\u200b\u200c\u200d\ufeff", "\ufffe\uffff", "\U0001F600\U0001F468\u200d\U0001F469\u200d\U0001F467",
    "\U0010FFFF", "Z\u0337\u0322\u031b" * 2000, "\u0635\u0644\u0627\u0629 \u05e9\u05dc\u05d5\u05dd",
    "-1", "0", "-0", "2147483648", "99999999999999999999999", "1e309", "NaN", "Infinity", "1.5", "0x10", " 7 ", "+3",
    "\u0661\u0662\u0663", "2024-02-30", "1970-01-01T00:00:00Z", "31/12/9999", "00000000-0000-0000-0000-000000000000",
    "true", "null", "[]", "{}", "a[]=1",
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg/onload=alert(1)>",
    "#{7*7}", "${7*7}", "#{facesContext.externalContext.sessionMap}", "{{7*7}}", "<%= 7*7 %>",
    "' OR '1'='1", "1' AND SLEEP(5)-- -", "'; DROP TABLE comment;-- ", "\\", "\\'", "%", "%%", "%s%n%x%d",
    "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "/etc/passwd\x00.jpg", "http://evil.example/",
    "//evil.example", "\r\nSet-Cookie: fuzz=1", "mailto:a@b", "a@b", "@", "a" * 64 + "@" + "b" * 250 + ".org",
    "<!--", "]]>", "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
]
NUMBER_HOSTILE = ["-1", "0", "2147483648", "-2147483649", "99999999999999999999", "1e3", "1.0", "abc", "", " ",
                  "0x1F", "\u0661", "2024-13-01", b"\xff", "1,000", "1 000", "NaN", "+0", "00000000001", "%00"]
RAW_ENCODED = [b"%", b"%z", b"%zz", b"%c0%af", b"%00", b"%ff%fe", b"%u0041", b"+%2B+", b"%%%", b"%e2%82"]
VIEW_STATE_TAMPER = ["", "x", "0", "-1", "1:1", "j_id1:jakarta.faces.ViewState:0", "A" * 5000, "-999999999:-1",
                     "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==", "H4sIAAAAAAAAAAMAAAAAAAAAAAA=", "\x00", b"\xff\xfe",
                     "../../WEB-INF/web.xml", "<script>alert(1)</script>", "#{7*7}", "%00", "1e9999"]


def to_bytes(v):
    return v if isinstance(v, bytes) else v.encode("utf-8", "surrogatepass")


def short(v, n=60):
    s = repr(v)
    return s if len(s) <= n else s[:n] + "...(%d bytes)" % len(to_bytes(v))


# ---------------------------------------------------------------- HTTP and forms
class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.sent = 0
        self.helper = 0
        self.classes = collections.Counter()
        self.codes = collections.Counter()
        self.failures = []  # (status, description)
        self.no_answer = []
        self.acknowledged = {}  # comment id -> marker
        self.relogins = 0
        self.lost_roles = []  # desk sessions answered 403 "Not for your role": what that session sent last

    def record(self, status, what, hostile=True):
        with self.lock:
            if not hostile:
                self.helper += 1
                if status is not None and status < 500:
                    return
            else:
                self.sent += 1
                self.classes["no answer" if status is None else "%dxx" % (status // 100)] += 1
                if status is not None:
                    self.codes[status] += 1
            if status is None:
                self.no_answer.append(what)
            elif status >= 500:
                self.failures.append((status, what))


STATS = Stats()


class Session:
    """One reader or editor: a cookie jar, and a fresh connection per request."""

    def __init__(self):
        self.cookies = {}
        self.why = ""
        self.last = "(nothing yet)"

    def request(self, method, path, body=None, headers=None):
        """Returns (status, headers dict lower-cased, body bytes) or (None, error, b'')."""
        h = {"Host": "%s:%d" % (HOST, PORT), "User-Agent": "newsdesk-fuzz", "Connection": "close"}
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        h.update(headers or {})
        conn = http.client.HTTPConnection(HOST, PORT, timeout=TIMEOUT)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for k, v in h.items():
                if v is not None:
                    conn.putheader(k, v)
            if body is not None and "Content-Length" not in h:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            r = conn.getresponse()
            data = r.read()
            for k, v in r.getheaders():
                if k.lower() == "set-cookie":
                    name, _, rest = v.partition("=")
                    value = rest.split(";", 1)[0]
                    if "max-age=0" in v.lower() or "expires=thu, 01 jan 1970" in v.lower():
                        self.cookies.pop(name.strip(), None)
                    else:
                        self.cookies[name.strip()] = value
            return r.status, {k.lower(): v for k, v in r.getheaders()}, data
        except (OSError, http.client.HTTPException) as e:
            return None, "%s: %s" % (type(e).__name__, e), b""
        finally:
            conn.close()


class FormParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = {}
        self.form = None
        self.textarea = None
        self.select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.form = {"id": a.get("id") or a.get("name") or "", "action": a.get("action") or "",
                         "form_url": a.get("data-form-url") or "",
                         "method": (a.get("method") or "get").lower(), "enctype": a.get("enctype") or "",
                         "fields": [], "buttons": [], "kinds": {}}
            self.forms[self.form["id"]] = self.form
        elif self.form is None or not a.get("name"):
            return
        elif tag == "input":
            kind = (a.get("type") or "text").lower()
            name = a["name"]
            if kind in ("submit", "button", "image"):
                self.form["buttons"].append((name, a.get("value") or ""))
            elif kind in ("checkbox", "radio"):
                self.form["kinds"][name] = kind
                if "checked" in a:
                    self.form["fields"].append([name, a.get("value") or "on"])
            else:
                self.form["kinds"][name] = kind
                self.form["fields"].append([name, a.get("value") or ""])
        elif tag == "textarea":
            self.form["kinds"][a["name"]] = "textarea"
            self.textarea = [a["name"], ""]
            self.form["fields"].append(self.textarea)
        elif tag == "select":
            self.form["kinds"][a["name"]] = "select"
            self.select = [a["name"], None]
            self.form["fields"].append(self.select)
        elif tag == "option" and self.select is not None:
            if self.select[1] is None or "selected" in a:
                self.select[1] = a.get("value") or ""

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            if self.select is not None and self.select[1] is None:
                self.select[1] = ""
            self.select = None


def forms_of(page):
    p = FormParser()
    p.feed(page.decode("utf-8", "replace"))
    return p.forms


def location_path(headers):
    loc = headers.get("location", "")
    u = urllib.parse.urlsplit(loc)
    return u.path + ("?" + u.query if u.query else "")


def urlencode(pairs, raw_tail=b""):
    out = b"&".join(urllib.parse.quote_from_bytes(to_bytes(k), safe="").encode() + b"=" +
                    urllib.parse.quote_from_bytes(to_bytes(v), safe="").encode() for k, v in pairs)
    return out + raw_tail


def multipart(pairs, boundary="fuzzBoundary7MA4YWxkTrZu0gW", files=()):
    out = []
    for k, v in pairs:
        out.append(b"--" + boundary.encode() + b"\r\nContent-Disposition: form-data; name=\"" + to_bytes(k) +
                   b"\"\r\n\r\n" + to_bytes(v) + b"\r\n")
    for k, filename, ctype, data in files:
        out.append(b"--" + boundary.encode() + b"\r\nContent-Disposition: form-data; name=\"" + to_bytes(k) +
                   b"\"; filename=\"" + to_bytes(filename) + b"\"\r\nContent-Type: " + to_bytes(ctype) +
                   b"\r\n\r\n" + data + b"\r\n")
    out.append(b"--" + boundary.encode() + b"--\r\n")
    return b"".join(out), "multipart/form-data; boundary=" + boundary


# ---------------------------------------------------------------- targets
class Target:
    """A form on a page: how to fetch it fresh, which button submits it, which fields to leave alone."""

    def __init__(self, name, path, form_id, button, desk=False, comment=False, files=(), keep=()):
        self.name, self.path, self.form_id, self.button = name, path, form_id, button
        self.desk, self.comment, self.files, self.keep = desk, comment, files, set(keep)


def sign_in(session, stats_hostile=False):
    status, headers, page = session.request("GET", "/login")
    form = forms_of(page).get("login") if status == 200 else None
    if form is None:
        return False
    pairs = [(k, v) for k, v in form["fields"]]
    pairs = [(k, "admin" if k == "login:username" else ADMIN_PASSWORD if k == "login:password" else v) for k, v in pairs]
    pairs.append(("login:submit", "Sign in"))
    status, headers, _ = session.request("POST", urllib.parse.urlsplit(form["action"]).path or "/login", urlencode(pairs),
                                         {"Content-Type": "application/x-www-form-urlencoded"})
    STATS.record(status, "sign in", hostile=False)
    return status in (302, 303) and "/login" not in location_path(headers)


def fresh_form(session, target):
    """GETs the target's page; returns (action path, fields [name, value], kinds), or None with the reason
    in session.why."""
    for attempt in range(2):
        status, headers, page = session.request("GET", target.path)
        STATS.record(status, "GET %s (fresh form)" % target.path, hostile=False)
        if target.desk and (status in (302, 303) and "/login" in location_path(headers)
                            or status == 200 and b"id=\"login\"" in page):
            with STATS.lock:
                STATS.relogins += 1
            sign_in(session)
            continue
        if target.desk and status == 403 and attempt == 0:
            # The admin has every role: a 403 means the signed-in session lost them. Noted, then a new session.
            with STATS.lock:
                STATS.lost_roles.append("GET %s answered 403 %r after this session's %s" % (
                    target.path, (re.search(rb"<title>([^<]*)", page) or [b"", b""])[1].decode("utf-8", "replace"),
                    session.last[:300]))
            session.cookies.clear()
            sign_in(session)
            continue
        form = forms_of(page).get(target.form_id) if status == 200 else None
        if form is None:
            session.why = "answer %s %s, forms %s %r" % (status, headers.get("location", "") if status else headers,
                                                      sorted(forms_of(page)) if status == 200 else "", page[:300])
            return None
        action = urllib.parse.urlsplit(form["action"])
        path = (action.path or target.path) + ("?" + action.query if action.query else "")
        if form["form_url"]:
            # The shared page has no token in it: ask for one, as comments.js does when a reader starts writing.
            status, _, issued = session.request("GET", form["form_url"])
            STATS.record(status, "GET %s (form token)" % form["form_url"], hostile=False)
            found = re.search(rb'"token":"([^"]+)"', issued or b"")
            for field in form["fields"]:
                if field[0] == "token" and not field[1] and found:
                    field[1] = found.group(1).decode()
        return path, form["fields"], form["kinds"]
    return None


class Case:
    """One hostile submission: a function of the fresh form returning (body, content type, description)."""

    def __init__(self, target, build, what):
        self.target, self.build, self.what = target, build, what


def valid_defaults(target, fields, n):
    """A plausible value for each field, the marker in the comment text."""
    marker = "FZ%sx%d" % (RUN, n)
    out = []
    for k, v in fields:
        if target.comment:
            short_name = k.split(":")[-1]
            v = {"name": "Fuzz Reader %d" % n, "email": "fuzz-%d@example.org" % n,
                 "body": "Fuzz comment %s about the round-up." % marker}.get(short_name, v)
        out.append([k, v])
    return out, marker


def run_case(session, case, n):
    t = case.target
    if time.monotonic() > DEADLINE:
        return
    fresh = fresh_form(session, t)
    if fresh is None:
        STATS.record(None, "could not fetch form %s on %s: %s" % (t.form_id, t.path, session.why), hostile=False)
        return
    path, fields, kinds = fresh
    fields, marker = valid_defaults(t, fields, n)
    body, ctype, what, marker_kept = case.build(fields, kinds, marker)
    headers = {"Content-Type": ctype} if ctype else {}
    status, rh, answer = session.request("POST", path, body, headers)
    desc = "POST %s [%s] %s" % (path, t.name, what)
    session.last = "%s -> %s" % (desc, status)
    STATS.record(status, desc)
    if t.comment and status in (302, 303):
        m = re.search(r"[?&]comment=(\d+)", rh.get("location", ""))
        if m:  # acknowledged; the marker is checked too when the comment text certainly carries it
            with STATS.lock:
                STATS.acknowledged[int(m.group(1))] = marker if marker_kept else None
    if t.desk and status in (302, 303) and "/login" in location_path(rh):
        sign_in(session)


def editable(fields, kinds, target):
    skip = {"jakarta.faces.ViewState", "jakarta.faces.ClientWindow", target.form_id, "token", "report-token"} | target.keep
    names = [k for k, _ in fields] + [k for k in kinds if k not in dict(fields)]
    return [k for k in dict.fromkeys(names) if k not in skip]


def with_button(pairs, target):
    return pairs + ([(target.button[0], target.button[1])] if target.button else [])


def make_cases(target, rnd, budget, field_names):
    """Builds about `budget` cases for one target."""
    cases = []

    def one_field(name, value, label):
        def build(fields, kinds, marker):
            pairs, kept = [], True
            for k, v in fields:
                if k == name:
                    if target.comment and k.endswith(":body"):
                        v = to_bytes(value) + b" " + marker.encode()
                    else:
                        v = value
                pairs.append((k, v))
            if name not in [k for k, _ in fields]:
                pairs.append((name, value))
            pairs = with_button(pairs, target)
            if target.files:
                body, ctype = multipart(pairs, files=target.files)
            else:
                body, ctype = urlencode(pairs), "application/x-www-form-urlencoded; charset=UTF-8"
            return body, ctype, "%s=%s" % (name, short(value)), kept
        return build

    # Every hostile value in every field.
    for name in field_names:
        values = HOSTILE + (NUMBER_HOSTILE if re.search(r"(?i)days|seconds|count|links|threshold|words|id$|parent|page",
                                                        name) else [])
        for v in values:
            cases.append(Case(target, one_field(name, v, ""), ""))

    def all_fields(fields, kinds, marker):
        vals = {k: rnd.choice(HOSTILE[:9] + HOSTILE[9:40] + HOSTILE[52:]) for k in editable(fields, kinds, target)}
        pairs = with_button([(k, vals.get(k, v)) for k, v in fields], target)
        body = urlencode(pairs) if not target.files else multipart(pairs, files=target.files)[0]
        ctype = "application/x-www-form-urlencoded" if not target.files else multipart([], files=())[1]
        return body, ctype, "every field hostile: " + ", ".join("%s=%s" % (k, short(v, 20)) for k, v in vals.items()), False

    def missing(fields, kinds, marker):
        names = [k for k, _ in fields] + ([target.button[0]] if target.button else [])
        drop = set(rnd.sample(names, rnd.randint(1, len(names))))
        pairs = [(k, v) for k, v in with_button(fields, target) if k not in drop]
        body = urlencode(pairs) if not target.files else multipart(pairs, files=target.files)[0]
        ctype = "application/x-www-form-urlencoded" if not target.files else multipart([], files=())[1]
        return body, ctype, "without " + ", ".join(sorted(drop)), False

    def duplicated(fields, kinds, marker):
        pairs = []
        for k, v in with_button(fields, target):
            pairs.append((k, v))
            if rnd.random() < 0.6:
                pairs.append((k, rnd.choice(HOSTILE[:5] + HOSTILE[40:60] + [v])))
        body = urlencode(pairs) if not target.files else multipart(pairs, files=target.files)[0]
        ctype = "application/x-www-form-urlencoded" if not target.files else multipart([], files=())[1]
        return body, ctype, "duplicated fields", False

    def tampered_view_state(fields, kinds, marker):
        tamper = rnd.choice(VIEW_STATE_TAMPER)
        pairs = with_button([(k, tamper if k == "jakarta.faces.ViewState" else v) for k, v in fields], target)
        return urlencode(pairs), "application/x-www-form-urlencoded", "view state %s" % short(tamper), False

    def wrong_type(fields, kinds, marker):
        pairs = with_button(fields, target)
        ctype = rnd.choice(["text/plain", "application/json", "application/xml", "multipart/form-data",
                            "multipart/form-data; boundary=", "application/x-www-form-urlencoded; charset=bogus-9",
                            "application/x-www-form-urlencoded; charset=ISO-8859-1", "application/octet-stream",
                            "image/png", "*/*", "\x01", None, "application/x-www-form-urlencoded; charset=UTF-16"])
        body = rnd.choice([urlencode(pairs), b'{"a":1}', b"<x/>", b"\x89PNG\r\n\x1a\n" + os.urandom(200)])
        return body, ctype, "Content-Type %r" % (ctype,), False

    def raw_encoding(fields, kinds, marker):
        name = rnd.choice(editable(fields, kinds, target) or [k for k, _ in fields])
        junk = rnd.choice(RAW_ENCODED + [b"\xff\xfe", b"\xc0\xaf", b"a\x00b", b"%C0%80", b"\xed\xa0\x80"])
        pairs = with_button([(k, v) for k, v in fields if k != name], target)
        body = urlencode(pairs) + b"&" + urllib.parse.quote_from_bytes(to_bytes(name), safe="").encode() + b"=" + junk
        return body, "application/x-www-form-urlencoded", "raw %s=%r" % (name, junk), False

    def broken_multipart(fields, kinds, marker):
        pairs = with_button(fields, target)
        body, ctype = multipart(pairs, files=target.files)
        kind = rnd.choice(["truncated", "bad boundary", "no final boundary", "huge part header", "no disposition",
                           "boundary mismatch", "empty", "nested", "long boundary", "lf only"])
        if kind == "truncated":
            body = body[:rnd.randint(1, max(1, len(body) - 1))]
        elif kind == "bad boundary":
            ctype = "multipart/form-data; boundary=\"\x00\xff"
        elif kind == "no final boundary":
            body = body[:body.rfind(b"--fuzz")]
        elif kind == "huge part header":
            body = (b"--fuzzBoundary7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name=\"x\"\r\nX-Junk: " +
                    b"h" * 200000 + b"\r\n\r\nv\r\n") + body
        elif kind == "no disposition":
            body = body.replace(b"Content-Disposition: form-data; ", b"", 3)
        elif kind == "boundary mismatch":
            ctype = "multipart/form-data; boundary=somethingElse"
        elif kind == "empty":
            body = b""
        elif kind == "nested":
            inner, _ = multipart(pairs, boundary="inner")
            body = (b"--fuzzBoundary7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name=\"x\"\r\n"
                    b"Content-Type: multipart/mixed; boundary=inner\r\n\r\n" + inner + b"\r\n--fuzzBoundary7MA4YWxkTrZu0gW--\r\n")
        elif kind == "long boundary":
            ctype = "multipart/form-data; boundary=" + "b" * 5000
        elif kind == "lf only":
            body = body.replace(b"\r\n", b"\n")
        return body, ctype, "broken multipart: " + kind, False

    def junk_file(fields, kinds, marker):
        pairs = with_button(fields, target)
        fname = rnd.choice(["../../x.jpg", "a\x00.jpg", "\u202egpj.exe", "x" * 1000 + ".png", "", ".htaccess", "c:\\boot.ini"])
        ctype = rnd.choice(["image/jpeg", "image/png", "text/html", "application/x-php", "", "image/svg+xml"])
        data = rnd.choice([b"", b"\xff\xd8\xff\xe0" + os.urandom(3000), b"\x89PNG\r\n\x1a\n" + os.urandom(500),
                           b"<svg onload=alert(1)/>", b"GIF89a" + b"\x00" * 100, os.urandom(rnd.randint(1, 200000))])
        file_field = target.files[0][0]
        body, ct = multipart(pairs, files=[(file_field, fname, ctype, data)])
        return body, ct, "file %r %r %d bytes" % (fname, ctype, len(data)), False

    extra = [all_fields, missing, duplicated, tampered_view_state, wrong_type, raw_encoding, broken_multipart]
    if target.files:
        extra.append(junk_file)
    while len(cases) < budget:
        f = rnd.choice(extra)
        cases.append(Case(target, (lambda f: lambda a, b, c: f(a, b, c))(f), f.__name__))
    rnd.shuffle(cases)
    return cases[:budget]


def get_cases(rnd, budget, desk_ids):
    """Hostile GETs: search, post, tag, section, page numbers, media paths and desk lists."""
    def enc(v):
        return urllib.parse.quote_from_bytes(to_bytes(v), safe="")
    values = HOSTILE + NUMBER_HOSTILE + [b"%", b"..", b".", b"%2e%2e", b"a/b", b";jsessionid=1", b"WEB-INF", b"META-INF/MANIFEST.MF"]
    templates = [
        ("public", lambda v: "/search?q=" + enc(v)), ("public", lambda v: "/search?q=a&page=" + enc(v)),
        ("public", lambda v: "/post/" + enc(v)), ("public", lambda v: "/tag/" + enc(v)),
        ("public", lambda v: "/?page=" + enc(v)), ("public", lambda v: "/section/" + enc(v)),
        ("public", lambda v: "/media/" + enc(v) + "/" + enc(v)), ("public", lambda v: "/media/%s/x.jpg" % enc(v)),
        ("public", lambda v: "/media/1/" + enc(v)), ("public", lambda v: "/post/%s?replyto=%s" % (SLUG, enc(v))),
        ("public", lambda v: "/post/%s?report=%s" % (SLUG, enc(v))), ("public", lambda v: "/post/%s?comment=%s" % (SLUG, enc(v))),
        ("public", lambda v: "/login?continue=" + enc(v)),
        ("desk", lambda v: "/admin/posts/edit?id=" + enc(v)), ("desk", lambda v: "/admin/posts/index?q=%s&author=%s&section=%s&status=%s" % ((enc(v),) * 4)),
        ("desk", lambda v: "/admin/posts/history?id=%s&from=%s&to=%s" % ((enc(v),) * 3)),
        ("desk", lambda v: "/admin/comments/edit?id=" + enc(v)), ("desk", lambda v: "/admin/comments/index?queue=%s&page=%s" % ((enc(v),) * 2)),
        ("desk", lambda v: "/admin/media/library?q=%s&page=%s" % ((enc(v),) * 2)), ("desk", lambda v: "/admin/media/edit?id=" + enc(v)),
        ("desk", lambda v: "/admin/users/edit?id=" + enc(v)), ("desk", lambda v: "/admin/posts/preview?id=" + enc(v)),
    ]
    cases = []
    while len(cases) < budget:
        for kind, t in templates:
            v = rnd.choice(values)
            if len(to_bytes(v)) > 60000:  # a URL that long is refused by the container before the application
                v = to_bytes(v)[:6000]
            cases.append((kind, t(v)))
    rnd.shuffle(cases)
    return cases[:budget]


def run_get(session, kind, path):
    if time.monotonic() > DEADLINE:
        return
    status, headers, _ = session.request("GET", path)
    session.last = "GET %s -> %s" % (path[:300], status)
    STATS.record(status, "GET " + path[:300])
    if kind == "desk" and status in (302, 303) and "/login" in location_path(headers):
        sign_in(session)


def kind_of(status, what):
    """A 5xx's request without its values: the field or the mutation, or a GET's path and parameter names."""
    if what.startswith("GET "):
        path, _, query = what[4:].partition("?")
        head = path if path.startswith("/admin/") else "/".join(path.split("/")[:2])
        return "%d GET %s%s" % (status, head, "?" + re.sub(r"=[^&]*", "=", query) if query else "")
    m = re.match(r"(POST \S+ \[[^\]]+\] )(broken multipart: [a-z ]+|Content-Type|view state|raw [^=]+|file|"
                 r"every field hostile|without|duplicated fields|[^=]+=)", what)
    return "%d %s" % (status, m.group(1) + m.group(2) if m else what[:120])


def verify_in_database():
    """Acknowledged comments whose id and marker are in the comment table."""
    ids = sorted(STATS.acknowledged)
    found = set()
    env = dict(os.environ, MYSQL_PWD="newsdesk_test")
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        sql = ("SELECT id, REGEXP_SUBSTR(body, 'FZ[0-9a-f]+x[0-9]+') FROM comment WHERE id IN (%s)"
               % ",".join(str(x) for x in chunk))
        out = subprocess.run(["mariadb", "-h", "127.0.0.1", "-P", "3306", "-u", "newsdesk_test", "-N", "-B", DB, "-e", sql],
                             env=env, capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            cid, _, marker = line.partition("\t")
            if STATS.acknowledged.get(int(cid)) in (marker, None):
                found.add(int(cid))
    return len(ids), len(found), [i for i in ids if i not in found]


def approved_comment(desk_session):
    """Posts one ordinary comment and approves it in the desk: a comment to report and to open in the desk."""
    reader = Session()
    t = Target("comment", "/post/" + SLUG, "comment-form", ("comment-form:submit", "Post Comment"), comment=True)
    fresh = fresh_form(reader, t)
    if fresh is None:
        return None
    fields, _ = valid_defaults(t, fresh[1], 0)
    status, headers, _ = reader.request("POST", fresh[0], urlencode(with_button(fields, t)),
                                        {"Content-Type": "application/x-www-form-urlencoded"})
    m = re.search(r"[?&]comment=(\d+)", headers.get("location", "") if status else "")
    if not m:
        return None
    cid = m.group(1)
    status, headers, page = desk_session.request("GET", "/admin/comments/")
    form = forms_of(page).get("queue") if status == 200 else None
    button = [b for b in (form or {}).get("buttons", []) if b[0].endswith(":approve")]
    if button:
        desk_session.request("POST", urllib.parse.urlsplit(form["action"]).path, urlencode(form["fields"] + button[:1]),
                             {"Content-Type": "application/x-www-form-urlencoded"})
    return cid


def main():
    rnd = random.Random(SEED)
    started = time.monotonic()
    probe = Session()
    if not sign_in(probe):
        sys.exit("cannot sign in as admin")
    comment_id = approved_comment(probe)

    public = [
        Target("comment", "/post/" + SLUG, "comment-form", ("comment-form:submit", "Post Comment"), comment=True),
        Target("sign-in", "/login", "login", ("login:submit", "Sign in")),
    ]
    desk = [
        Target("new post", "/admin/posts/edit", "edit", ("edit:saveDraft", "Save draft"), desk=True,
               files=[("edit:excerpts:0:photoFile", "x.jpg", "image/jpeg", b"\xff\xd8\xff\xe0junk")]),
        Target("outlet", "/admin/outlets/", "outlet", ("outlet:save", "Save"), desk=True),
        Target("new user", "/admin/users/edit", "user", ("user:save", "Save"), desk=True),
        Target("password", "/admin/account/password", "password", ("password:save", "Save"), desk=True,
               keep={"password:currentPassword"}),
        Target("upload", "/admin/media/library", "upload", ("upload:send", "Upload"), desk=True,
               files=[("upload:file", "x.jpg", "image/jpeg", b"\xff\xd8\xff\xe0junk")]),
        Target("comment settings", "/admin/comments/settings", "settings", ("settings:save", "Save"), desk=True),
    ]
    if comment_id:
        desk += [Target("comment edit", "/admin/comments/edit?id=" + comment_id, "edit", ("edit:save", "Save"), desk=True),
                 Target("staff reply", "/admin/comments/edit?id=" + comment_id, "reply-form", ("reply-form:send", "Send"), desk=True),
                 Target("report", "/post/%s?report=%s" % (SLUG, comment_id), "report-form", ("report-form:send", "Send report"))]

    # Field names of each form, from one fresh fetch.
    targets = []
    reader = Session()
    for t in public + desk:
        fresh = fresh_form(probe if t.desk else reader, t)
        if fresh is None:
            print("note: form %s not found on %s (%s); left out" % (t.form_id, t.path, (probe if t.desk else reader).why))
            continue
        t.fields = editable(fresh[1], fresh[2], t)
        targets.append(t)
    # The file field of the post form is named after the excerpt's row; take it from the page.
    for t in targets:
        if t.name == "new post":
            _, _, page = probe.request("GET", t.path)
            m = re.search(rb'name="(edit:[^"]*photoFile)"', page)
            t.files = [(m.group(1).decode(), "x.jpg", "image/jpeg", b"\xff\xd8\xff\xe0junk")] if m else []
            t.fields = [f for f in t.fields if not f.endswith("photoFile")]

    get_budget = COUNT * 22 // 100
    form_budget = COUNT - get_budget
    comment_share = form_budget * 30 // 100
    rest = form_budget - comment_share
    others = [t for t in targets if t.name != "comment"]
    public_cases, desk_cases = [], []
    for t in targets:
        budget = comment_share if t.name == "comment" else rest // len(others)
        (desk_cases if t.desk else public_cases).extend(make_cases(t, rnd, budget, t.fields))
    gets = get_cases(rnd, get_budget, comment_id)
    rnd.shuffle(public_cases)
    rnd.shuffle(desk_cases)
    print("fuzzing %s with %d hostile requests (%d forms, %d GETs), %d workers, at most %d s"
          % (BASE, len(public_cases) + len(desk_cases) + len(gets), len(public_cases) + len(desk_cases), len(gets),
             WORKERS, MAX_SECONDS), flush=True)

    local = threading.local()

    def session_for(desk_session):
        attr = "desk" if desk_session else "public"
        s = getattr(local, attr, None)
        if s is None:
            s = Session()
            if desk_session:
                sign_in(s)
            setattr(local, attr, s)
        return s

    counter = iter(range(10 ** 9))
    counter_lock = threading.Lock()

    def job_form(case):
        with counter_lock:
            n = next(counter)
        run_case(session_for(case.target.desk), case, n)

    def job_get(kind, path):
        run_get(session_for(kind == "desk"), kind, path)

    # Public forms and GETs first, the desk afterwards (its comment settings and bans change what the public
    # comment form accepts, which would only blur the public half).
    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(job_form, public_cases))
        list(pool.map(lambda g: job_get(*g), gets))
        list(pool.map(job_form, desk_cases))
    elapsed = time.monotonic() - started

    acknowledged, found, lost = verify_in_database()
    print()
    print("hostile requests sent: %d in %.0f s (plus %d helper requests: fresh forms, sign-ins)%s"
          % (STATS.sent, elapsed, STATS.helper, "; stopped at the time limit" if elapsed >= MAX_SECONDS else ""))
    print("answers per status class: " + ", ".join("%s %d" % kv for kv in sorted(STATS.classes.items())))
    print("answers per status code: " + ", ".join("%s %d" % kv for kv in sorted(STATS.codes.items())))
    print("5xx answers: %d" % len(STATS.failures))
    for status, what in STATS.failures[:10]:
        print("  %d  %s" % (status, what[:400]))
    if STATS.failures:
        kinds = collections.Counter(kind_of(*f) for f in STATS.failures)
        print("5xx answers by kind of request:")
        for kind, n in kinds.most_common(20):
            print("  %5d  %s" % (n, kind))
    print("requests without an answer: %d" % len(STATS.no_answer))
    for what in STATS.no_answer[:10]:
        print("  %s" % what[:400])
    print("desk sessions signed in again: %d" % STATS.relogins)
    print("signed-in desk sessions answered 403 (roles lost): %d" % len(STATS.lost_roles))
    for what in STATS.lost_roles[:10]:
        print("  " + what[:600])
    print("acknowledged comments: %d, found in the database: %d, lost: %d" % (acknowledged, found, len(lost)))
    for i in lost[:10]:
        print("  lost: comment %d (marker %s)" % (i, STATS.acknowledged[i]))
    sys.exit(0 if not STATS.failures and not STATS.no_answer and not lost and not STATS.lost_roles else 1)


if __name__ == "__main__":
    main()
