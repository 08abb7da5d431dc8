"""`briefs build|check|serve` as a user runs them: exit codes, one line per
problem, the build report, a person's edit reaching the page, live preview."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.test_pipeline import (
    article, brief_of, briefs_cli, build_report, make_project, needs_site, skipped, summary_counts, write_seed,
)


@pytest.fixture(scope="module")
def site_project(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("cli") / "proj", {f"{i:02d}.txt": article(i) for i in range(3)})
    briefs_cli(root, "build", check=0)
    return root


# --- check -----------------------------------------------------------------------

def test_check_clean_project(site_project):
    proc = briefs_cli(site_project, "check", check=0)
    assert proc.stdout == ""
    assert "checked 3 seed(s) and 3 fact file(s): no problem(s)" in proc.stderr


def test_check_one_line_per_problem_and_builds_nothing(site_project, tmp_path):
    root = tmp_path / "proj"
    shutil.copytree(site_project, root)
    shutil.rmtree(root / "site")
    write_seed(root, "empty.txt", b"")
    write_seed(root, "binary.txt", bytes(range(256)) * 8)
    write_seed(root, "fresh.txt", article(5))
    path, data = brief_of(root, "01.txt")
    data["metrics"][0]["value"] = "many"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (root / "briefs").glob("*.yaml")}
    proc = briefs_cli(root, "check", check=1)
    lines = proc.stdout.splitlines()
    assert lines == [
        f"seeds/01.txt: not updated: its fact file briefs/{path.name} is invalid",
        "seeds/binary.txt: binary file (NUL bytes)",
        "seeds/empty.txt: empty file",
        f"briefs/{path.name}: metrics.0.value: Input should be a valid number, unable to parse string as a number",
    ], proc.stdout
    assert all(l.count(": ") >= 1 and l.split(": ")[0] for l in lines)
    assert "4 problem(s)" in proc.stderr
    assert not (root / "site").exists(), "check builds no site"
    assert {p.name: p.read_bytes() for p in (root / "briefs").glob("*.yaml")} == before, "nor writes fact files"


def test_check_reports_a_broken_config(site_project, tmp_path):
    root = tmp_path / "proj"
    shutil.copytree(site_project, root)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "\ntheme: [oops\n", encoding="utf-8")
    proc = briefs_cli(root, "check", check=1)
    assert len(proc.stdout.splitlines()) == 1 and proc.stdout.startswith("mkdocs.yml: "), proc.stdout
    briefs_cli(root, "check", "--no-config", check=0)


# --- build exit codes and report ------------------------------------------------------

def test_skipped_files_exit_zero_unless_strict(tmp_path):
    root = make_project(tmp_path / "proj", {"good.txt": article(1), "empty.txt": b""})
    proc = briefs_cli(root, "build", "--no-site", check=0)
    assert "  seeds/empty.txt: empty file" in proc.stderr.splitlines()
    assert "1 file(s) skipped, the rest published; see .briefs-cache/build-report.json" in proc.stderr
    report = build_report(root)
    assert report["skipped"] == [{"path": "seeds/empty.txt", "problem": "empty file"}]
    assert len(report["briefs"]) == 1 and report["site_built"] is False
    proc = briefs_cli(root, "build", "--no-site", "--strict", check=1)
    assert "briefs: error: --strict: 1 file(s) skipped" in proc.stderr


def test_nothing_to_build_is_an_error(tmp_path):
    root = make_project(tmp_path / "proj", {"empty.txt": b"", "bin.txt": b"\x00" * 10})
    proc = briefs_cli(root, "build", check=1)
    assert "briefs: error: nothing to publish" in proc.stderr
    assert not (root / "site").exists()
    assert build_report(root)["site_error"].startswith("nothing to publish")


def test_existing_fact_files_still_publish_when_every_seed_is_bad(site_project, tmp_path):
    root = tmp_path / "proj"
    shutil.copytree(site_project, root)
    for p in (root / "seeds").iterdir():
        p.write_bytes(b"")
    proc = briefs_cli(root, "build", "--no-site", check=0)
    assert summary_counts(proc.stderr)["seeds"] == 3 and len(skipped(root)) == 3
    assert len(list((root / "briefs").glob("*.yaml"))) == 3


@pytest.mark.parametrize("target", ["seeds", ".", "briefs", "docs", ".."])
def test_refuses_to_build_over_the_project(site_project, target):
    before = sorted(p.name for p in site_project.iterdir())
    proc = briefs_cli(site_project, "build", "-d", target, check=2)
    assert proc.stderr.startswith(f"briefs: error: refusing to build into {target}/"), proc.stderr
    assert sorted(p.name for p in site_project.iterdir()) == before


def test_site_dir_of_the_config_is_the_default(site_project, tmp_path):
    root = tmp_path / "proj"
    shutil.copytree(site_project, root)
    shutil.rmtree(root / "site")
    cfg = root / "mkdocs.yml"
    text = cfg.read_text(encoding="utf-8")
    lines = [l for l in text.splitlines() if not l.startswith("site_dir:")]
    cfg.write_text("\n".join(lines) + "\nsite_dir: public\n", encoding="utf-8")
    proc = briefs_cli(root, "build", check=0)
    assert (root / "public" / "index.html").is_file() and not (root / "site").exists(), proc.stderr


def test_github_annotations(tmp_path):
    root = make_project(tmp_path / "proj", {"good.txt": article(1), "empty.txt": b""})
    proc = briefs_cli(root, "build", "--no-site", env={"GITHUB_ACTIONS": "true"}, check=0)
    assert "::warning file=seeds/empty.txt::skipped: empty file" in proc.stdout.splitlines()
    proc = briefs_cli(root, "check", "--no-config", env={"GITHUB_ACTIONS": "true"}, check=1)
    assert "::error file=seeds/empty.txt::empty file" in proc.stdout.splitlines()


def test_summary_line(tmp_path):
    root = make_project(tmp_path / "proj", {"a.txt": article(1), "b.txt": article(2)})
    proc = briefs_cli(root, "build", "--no-site", check=0)
    assert summary_counts(proc.stderr) == {"seeds": 2, "extracted": 2, "cached": 0, "briefs": 2, "written": 2}
    assert "Traceback" not in proc.stderr


# --- a person's edit reaches the page -----------------------------------------------------

@needs_site
def test_fact_file_edit_survives_re_extraction_and_shows_on_the_page(site_project, tmp_path):
    bs4 = pytest.importorskip("bs4")
    root = tmp_path / "proj"
    shutil.copytree(site_project, root)
    path, data = brief_of(root, "02.txt")
    metric = data["metrics"][0]
    old_value = metric["value"]
    metric["value"] = 987654321
    data["headline"] = "Headline written by an editor"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    # the seed changes too (re-extraction), and the cache is gone (clean rebuild)
    seed = root / "seeds" / "02.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("early trading", "morning trading"), encoding="utf-8")
    shutil.rmtree(root / ".briefs-cache")
    proc = briefs_cli(root, "build", check=0)
    assert summary_counts(proc.stderr)["extracted"] == 3
    _, after = brief_of(root, "02.txt")
    assert {m["id"]: m for m in after["metrics"]}[metric["id"]]["value"] == 987654321
    page = (root / "site" / "briefs" / data["id"] / "index.html").read_text(encoding="utf-8")
    text = " ".join(bs4.BeautifulSoup(page, "html.parser").get_text().split())
    assert "987,654,321" in text or "987654321" in text
    assert "Headline written by an editor" in text
    facts = json.loads((root / "site" / "briefs" / data["id"] / "facts.json").read_text(encoding="utf-8"))
    assert "987654321" in json.dumps(facts)
    # a second build keeps it
    briefs_cli(root, "build", check=0)
    assert "987,654,321" in (root / "site" / "briefs" / data["id"] / "index.html").read_text(encoding="utf-8") \
        or "987654321" in (root / "site" / "briefs" / data["id"] / "index.html").read_text(encoding="utf-8")
    assert old_value != 987654321


# --- serve and the other commands -------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@needs_site
def test_serve_previews_the_site(site_project, tmp_path):
    root = tmp_path / "proj"
    shutil.copytree(site_project, root)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}"], cwd=root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline, body = time.monotonic() + 90, None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    body = resp.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.3)
        assert body is not None, f"serve never answered (exit {proc.poll()})"
        assert "<html" in body.lower()
    finally:
        proc.terminate()  # serve *is* mkdocs serve by now (exec): no child left behind
        try:
            _, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # its own session: nothing else is in this group
            _, err = proc.communicate(timeout=20)
    assert "seeds: 3" in err


def test_extract_and_cite_still_work(site_project):
    proc = briefs_cli(site_project, "extract", "seeds/00.txt", check=0)
    data = json.loads(proc.stdout)
    assert data["metrics"] and data["body"]
    _, brief = brief_of(site_project, "00.txt")
    briefs_cli(site_project, "cite", brief["id"], check=0)
    proc = briefs_cli(site_project, "extract", "seeds/missing.txt", check=1)
    assert proc.stderr.startswith("briefs: error: seeds/missing.txt: ") and len(proc.stderr.splitlines()) == 1
