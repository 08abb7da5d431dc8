"""Fixtures for the browser tests: the real site, built once, served over HTTP,
and one headless Chromium for the whole session.

- ``site``: copies the repo's mkdocs.yml, docs/, overrides/, seeds/ and briefs/
  into a temporary project, runs ``python -m generator.cli build`` there (the
  same as ``briefs build``) and serves the built ``site/`` on 127.0.0.1 with a
  free port (Material's search needs http, not file://).
- ``browser``: Debian's Chromium through Playwright. Missing Chromium or
  Playwright skips the tests, unless BRIEFS_REQUIRE_BROWSER=1 (CI), which
  makes it a failure.
- ``page``: a fresh context and page whose every request is recorded; a
  request to any host but the test server is aborted and recorded. Console
  errors, uncaught page errors, failed and 4xx/5xx local requests are
  recorded too; a test ends with ``page.guard.assert_clean()`` and the fixture
  checks it again at teardown.

Set BRIEFS_SHOTS=/some/dir to keep screenshots of the pages the tests look at,
BRIEFS_CHROMIUM=/path/to/chromium to use another Chromium build.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "tests" / "assets" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1"}
VIEWPORT = {"width": 1280, "height": 800}


def _require_browser() -> bool:
    return os.environ.get("BRIEFS_REQUIRE_BROWSER", "") == "1"


def _unavailable(reason: str):
    if _require_browser():
        pytest.fail(f"{reason} (BRIEFS_REQUIRE_BROWSER=1: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


def _chromium_path() -> str | None:
    """BRIEFS_CHROMIUM if set (and only it), else Debian's Chromium."""
    env = os.environ.get("BRIEFS_CHROMIUM")
    cands = [env] if env else ["/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")]
    for cand in cands:
        if cand and os.path.isfile(cand) and os.access(cand, os.X_OK):
            return cand
    return None


# --------------------------------------------------------------------------- site


@dataclass
class Site:
    project: Path          # the temporary project the site was built in
    dir: Path              # its built site/
    base_url: str          # http://127.0.0.1:PORT/
    briefs: dict[str, dict]  # brief id -> fact file (as loaded YAML)
    build_log: str = ""

    def url(self, path: str = "") -> str:
        return urljoin(self.base_url, path.lstrip("/"))

    @property
    def seed_brief(self) -> dict:
        """The fact file made from the repo's seed (the Seres / Aito / Huawei story)."""
        for b in self.briefs.values():
            text = yaml.safe_dump(b, allow_unicode=True)
            if "Seres" in text and "Huawei" in text:
                return b
        raise AssertionError(f"no brief made from the Seres/Huawei seed; briefs: {sorted(self.briefs)}")

    def brief_path(self, brief_id: str) -> str:
        return f"/briefs/{brief_id}/"

    def html_pages(self) -> list[str]:
        """Site paths of every built HTML page, as a person's URLs (``/x/y/``)."""
        out = []
        for p in sorted(self.dir.rglob("*.html")):
            rel = p.relative_to(self.dir).as_posix()
            if rel == "404.html":
                continue
            out.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
        return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


def _build(project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "build"], cwd=project, env=env,
        capture_output=True, text=True, timeout=600,
    )


def build_repo_site(project: Path, search: str) -> tuple[dict, str]:
    """The repo's mkdocs.yml, docs/, overrides/, seeds/ and briefs/ copied into
    ``project`` with the plugin's ``search:`` set, built by ``briefs build``:
    (the fact files by id, the build's log)."""
    from tests.render.test_pagefind import use_search

    for name in ("mkdocs.yml", "docs", "overrides", "seeds", "briefs"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, project / name)
        elif src.is_file():
            shutil.copy2(src, project / name)
    (project / "briefs").mkdir(exist_ok=True)
    use_search(project / "mkdocs.yml", search)
    res = _build(project)
    log = f"$ python -m generator.cli build  (exit {res.returncode})\n{res.stdout}\n{res.stderr}"
    if res.returncode != 0 or not (project / "site" / "index.html").is_file():
        pytest.fail(f"the site (search: {search}) did not build:\n{log}", pytrace=False)
    briefs = {}
    for f in sorted((project / "briefs").glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        briefs[data["id"]] = data
    return briefs, log


@contextlib.contextmanager
def serve(folder: Path):
    """``folder`` over HTTP on 127.0.0.1 (a free port): yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"site-server {folder.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """Material's own search here (its search UI is tested on this site); the
    repo's default, Pagefind, has its site in test_pagefind_search.py."""
    project = tmp_path_factory.mktemp("briefs-site")
    briefs, log = build_repo_site(project, "material")
    with serve(project / "site") as base_url:
        yield Site(project, project / "site", base_url, briefs, log)


@pytest.fixture(scope="session")
def brief(site) -> dict:
    return site.seed_brief


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the Python package playwright is not installed")
    exe = _chromium_path()
    if exe is None:
        _unavailable("Chromium is not installed (apt-get install chromium)")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
    except Exception as exc:  # launching is the availability check
        pw.stop()
        _unavailable(f"Chromium at {exe} did not start: {exc}")
    try:
        yield b
    finally:
        b.close()
        pw.stop()


@dataclass
class Guard:
    """What a page did that a person would not want: requests leaving the site,
    console errors, uncaught exceptions, broken local requests."""

    base_url: str
    requests: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    checked: bool = False
    inflight: set = field(default_factory=set)

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about", "javascript"):
            return True
        return parts.hostname in LOCAL_HOSTS

    def route(self, route):
        url = route.request.url
        if self.is_local(url):
            route.continue_()
        else:
            self.external.append(f"{route.request.method} {url}")
            route.abort("blockedbyclient")

    def on_request(self, request):
        self.requests.append(request.url)
        self.inflight.add(request)

    def on_finished(self, request):
        self.inflight.discard(request)

    def on_response(self, response):
        if response.status >= 400 and self.is_local(response.url):
            self.bad_responses.append(f"{response.status} {response.url}")

    def on_failed(self, request):
        self.inflight.discard(request)
        # ERR_ABORTED: cancelled by the browser itself, e.g. by leaving the page
        if self.is_local(request.url) and "ERR_ABORTED" not in (request.failure or ""):
            self.failed.append(f"{request.url}: {request.failure}")

    def on_console(self, msg):
        if msg.type == "error":
            loc = msg.location or {}
            where = f" ({loc.get('url')}:{loc.get('lineNumber')})" if loc.get("url") else ""
            self.console_errors.append(f"{msg.text}{where}")

    def on_pageerror(self, exc):
        self.page_errors.append(str(exc))

    def problems(self) -> list[str]:
        out = []
        for label, items in (
            ("request left the site (blocked)", self.external),
            ("uncaught page error", self.page_errors),
            ("console error", self.console_errors),
            ("local request answered with an error", self.bad_responses),
            ("local request failed", self.failed),
        ):
            out += [f"{label}: {i}" for i in dict.fromkeys(items)]
        return out

    def assert_clean(self):
        self.checked = True
        probs = self.problems()
        assert not probs, "the page misbehaved:\n  " + "\n  ".join(probs)


def settle(page, quiet_ms: int = 150, timeout_ms: int = 5_000) -> None:
    """Wait until the page has had no request in flight for ``quiet_ms``
    (a quicker "networkidle", which always waits 500 ms)."""
    quiet = waited = 0
    while waited < timeout_ms:
        page.wait_for_timeout(50)
        waited += 50
        quiet = quiet + 50 if not page.guard.inflight else 0
        if quiet >= quiet_ms:
            return


def new_context(browser, site: Site, **kwargs):
    opts = dict(
        base_url=site.base_url, viewport=VIEWPORT, locale="en-US", timezone_id="UTC",
        reduced_motion="reduce",
    )
    opts.update(kwargs)
    ctx = browser.new_context(**opts)
    ctx.set_default_timeout(15_000)
    return ctx


def guard_page(ctx, site: Site):
    guard = Guard(site.base_url)
    ctx.route("**/*", guard.route)
    page = ctx.new_page()
    page.on("request", guard.on_request)
    page.on("response", guard.on_response)
    page.on("requestfinished", guard.on_finished)
    page.on("requestfailed", guard.on_failed)
    page.on("console", guard.on_console)
    page.on("pageerror", guard.on_pageerror)
    page.guard = guard
    return page


@pytest.fixture
def context(browser, site):
    ctx = new_context(browser, site)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base_url.rstrip("/"))
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    rep = yield
    if rep.when == "call":
        item.briefs_call_failed = rep.failed
    return rep


@pytest.fixture
def page(request, context, site):
    p = guard_page(context, site)
    yield p
    # Checked at teardown too, so that no test forgets it (unless the test
    # already failed: one report per test is enough).
    if not p.guard.checked and not getattr(request.node, "briefs_call_failed", False):
        p.guard.assert_clean()


def shot(page, name: str) -> None:
    """Keep a full-page screenshot when BRIEFS_SHOTS names a folder."""
    folder = os.environ.get("BRIEFS_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def run_axe(page) -> list[dict]:
    """axe-core's violations on the current page (axe.min.js vendored from npm)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary,
                                          html: n.html.slice(0, 200)})),
            }));
        }"""
    )
