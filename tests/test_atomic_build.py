"""The site is built beside the old one and swapped in only when complete; a
killed or failed build leaves the previous site as it was; two builds of the
same inputs are byte-identical."""
from __future__ import annotations

import gzip
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from generator import publish
from tests.test_pipeline import REPO, article, brief_of, briefs_cli, make_project, tree_bytes, write_seed

SEEDS = {f"{i:02d}.txt": article(i) for i in range(6)}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("atomic") / "proj", SEEDS)
    briefs_cli(root, "build", check=0)
    assert (root / "site" / "index.html").is_file()
    return root


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, symlinks=True)
    return dst


def _popen_build(root: Path, *args: str) -> subprocess.Popen:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.Popen([sys.executable, "-m", "generator.cli", "build", *args], cwd=root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


# --- killed half-way -----------------------------------------------------------

def test_killed_build_leaves_the_old_site_intact(built, tmp_path):
    root = _copy(built, tmp_path / "proj")
    old_site = tree_bytes(root / "site")
    write_seed(root, "new-one.txt", article(20))  # a finished build would change the site
    proc = _popen_build(root)
    new = root / ".site.new"
    deadline = time.monotonic() + 120
    while not new.exists():
        if proc.poll() is not None:
            pytest.fail(f"the build ended (exit {proc.returncode}) before .site.new appeared: "
                        f"{proc.stderr.read().decode()}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(".site.new never appeared")
        time.sleep(0.002)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL
    proc.stderr.close()

    assert tree_bytes(root / "site") == old_site, "a killed build changed the published site"
    assert not (root / ".site.old").exists()

    # the next build cleans up and publishes, the new brief included
    proc = briefs_cli(root, "build", check=0)
    assert not new.exists() and not (root / ".site.old").exists()
    _, data = brief_of(root, "new-one.txt")
    assert (root / "site" / "briefs" / data["id"] / "index.html").is_file() or not (REPO / "mkdocs.yml").exists()
    assert tree_bytes(root / "site") != old_site


# --- failed ----------------------------------------------------------------------

BREAKAGES = {
    "invalid-yaml": lambda text: text + "\ntheme: [unclosed\n",
    "unknown-plugin": lambda text: text.replace("plugins:", "plugins:\n  - no-such-plugin-xyz", 1)
    if "plugins:" in text else text + "\nplugins:\n  - no-such-plugin-xyz\n",
    "unknown-theme": lambda text: text + "\ntheme:\n  name: no-such-theme-xyz\n",
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_failed_build_keeps_the_old_site_and_says_why_in_one_line(built, tmp_path, breakage):
    root = _copy(built, tmp_path / "proj")
    old_site = tree_bytes(root / "site")
    config = root / "mkdocs.yml"
    config.write_text(BREAKAGES[breakage](config.read_text(encoding="utf-8")), encoding="utf-8")
    proc = briefs_cli(root, "build", check=1)
    errors = [l for l in proc.stderr.splitlines() if l.startswith("briefs: error:")]
    assert len(errors) == 1, proc.stderr
    assert "mkdocs.yml" in errors[0] and "previous site is kept" in errors[0], errors[0]
    assert "Traceback" not in proc.stderr
    assert tree_bytes(root / "site") == old_site
    assert not (root / ".site.new").exists() and not (root / ".site.old").exists()
    report = yaml.safe_load((root / ".briefs-cache" / "build-report.json").read_text(encoding="utf-8"))
    assert report["site_error"] and report["site_built"] is False
    # the fact files were still brought up to date
    assert len(report["briefs"]) == len(SEEDS)


def test_strict_mkdocs_warning_fails_the_build_and_keeps_the_site(built, tmp_path):
    root = _copy(built, tmp_path / "proj")
    old_site = tree_bytes(root / "site")
    (root / "docs" / "broken-link.md").write_text("# Broken\n\n[missing](no-such-page.md)\n", encoding="utf-8")
    briefs_cli(root, "build", check=0)  # a warning only
    assert tree_bytes(root / "site") != old_site
    old_site = tree_bytes(root / "site")
    (root / "docs" / "broken-link.md").write_text("# Broken\n\n[missing](other-missing.md)\n", encoding="utf-8")
    proc = briefs_cli(root, "build", "--strict", check=1)
    errors = [l for l in proc.stderr.splitlines() if l.startswith("briefs: error:")]
    assert len(errors) == 1 and "other-missing.md" in errors[0] and "strict" in errors[0], proc.stderr
    assert tree_bytes(root / "site") == old_site


def test_missing_config_is_one_line(tmp_path):
    root = make_project(tmp_path / "proj", {"a.txt": article(1)})
    (root / "mkdocs.yml").unlink()
    proc = briefs_cli(root, "build", check=1)
    errors = [l for l in proc.stderr.splitlines() if "error" in l]
    assert errors == ["briefs: error: mkdocs.yml: no such file (the MkDocs configuration)"], proc.stderr
    assert not (root / "site").exists()


# --- recover -------------------------------------------------------------------------

def _fake_site(folder: Path, marker: str) -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / "index.html").write_text(marker, encoding="utf-8")
    (folder / "sub" / "page.html").write_text(marker * 2, encoding="utf-8")
    return folder


def test_recover_after_kill_between_the_two_renames(tmp_path):
    site = tmp_path / "site"
    _fake_site(tmp_path / ".site.old", "old")
    _fake_site(tmp_path / ".site.new", "new")
    publish.recover(site)
    assert (site / "index.html").read_text() == "old"
    assert not (tmp_path / ".site.old").exists() and not (tmp_path / ".site.new").exists()


def test_recover_after_kill_after_the_second_rename(tmp_path):
    site = _fake_site(tmp_path / "site", "new")
    _fake_site(tmp_path / ".site.old", "old")
    publish.recover(site)
    assert (site / "index.html").read_text() == "new"
    assert not (tmp_path / ".site.old").exists()


def test_swap_without_atomic_exchange(tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    site = _fake_site(tmp_path / "site", "old")
    new = _fake_site(tmp_path / ".site.new", "new")
    publish.swap_in(new, site)
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.trash", "site"]
    assert (tmp_path / ".site.trash" / "index.html").read_text() == "old"


def test_swap_with_atomic_exchange(tmp_path):
    site = _fake_site(tmp_path / "site", "old")
    new = _fake_site(tmp_path / ".site.new", "new")
    publish.swap_in(new, site)
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.trash", "site"]


def test_the_replaced_site_is_deleted_while_the_next_build_runs(tmp_path):
    """swap_in leaves the previous site in .site.trash; the next build's
    Removal deletes it (and any leftover of an interrupted one) in a child
    process, and wait() returns once it is gone. The site is untouched."""
    site = _fake_site(tmp_path / "site", "current")
    _fake_site(tmp_path / ".site.trash", "previous")
    _fake_site(tmp_path / ".site.trash.12345", "left by a killed build")
    _fake_site(tmp_path / ".site.trashcan", "not ours")
    removal = publish.Removal(site)
    assert not (tmp_path / ".site.trash").exists()  # renamed at once: this build's swap may use the name
    removal.wait()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.trashcan", "site"]
    assert (site / "index.html").read_text() == "current"


def test_each_build_is_made_in_the_folder_of_the_site_before_last(built, tmp_path):
    """No site is deleted: a build writes over the files of the site its
    predecessor replaced (.site.trash), and the one it replaces becomes the
    next .site.trash."""
    root = _copy(built, tmp_path / "proj")
    first = (root / "site").stat().st_ino
    briefs_cli(root, "build", check=0)  # no .site.trash yet: a new folder; the fixture's site goes to .site.trash
    assert (root / ".site.trash").stat().st_ino == first
    second = (root / "site").stat().st_ino
    page = next((root / ".site.trash" / "briefs").rglob("index.html"))
    kept = page.stat().st_ino
    briefs_cli(root, "build", check=0)
    assert (root / "site").stat().st_ino == first and (root / ".site.trash").stat().st_ino == second
    rel = page.relative_to(root / ".site.trash")
    assert (root / "site" / rel).stat().st_ino == kept  # the page was written over, not made anew
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == [".site.trash"]


def _fresh_build(tmp_path: Path, like: Path) -> dict[str, bytes]:
    """The site of ``like``'s seeds and fact files built in a new project."""
    other = make_project(tmp_path / "fresh" / "proj")
    shutil.rmtree(other / "seeds")
    shutil.copytree(like / "seeds", other / "seeds")
    shutil.copytree(like / "briefs", other / "briefs")
    briefs_cli(other, "build", check=0)
    return tree_bytes(other / "site")


def test_a_build_in_the_old_folder_is_exactly_a_fresh_build(built, tmp_path):
    """Pages of a removed brief are gone (from the site and from the search
    index: Pagefind does not see them), and every file is what a build into
    an empty folder writes."""
    root = _copy(built, tmp_path / "proj")
    briefs_cli(root, "build", check=0)  # now .site.trash holds a full site
    gone, _ = brief_of(root, "00.txt")
    (root / "seeds" / "00.txt").unlink()
    gone.unlink()
    assert (root / ".site.trash" / "briefs" / gone.stem / "index.html").is_file()
    briefs_cli(root, "build", check=0)
    site = tree_bytes(root / "site")
    assert not [name for name in site if gone.stem in name]
    assert site == _fresh_build(tmp_path, root)


@pytest.mark.parametrize("files, attempts", [(True, 2), (False, 1)])
def test_only_a_file_system_failure_in_the_old_folder_is_tried_again_in_a_new_one(tmp_path, monkeypatch,
                                                                                   files, attempts):
    """A build that fails in the reused folder because of a file there is made
    again in an empty folder; one that fails because of the site (a warning in
    strict mode) is reported at once, not built twice."""
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    _fake_site(tmp_path / "site", "current")
    _fake_site(tmp_path / ".site.trash", "previous")
    calls = []

    def failing(config_file, site_dir, new, strict, epoch, reuse=None):
        calls.append(reuse is not None)
        failed = publish.BuildFailed("mkdocs.yml: mkdocs build failed: no")
        failed.files = files
        raise failed

    monkeypatch.setattr(publish, "_build_and_swap", failing)
    with pytest.raises(publish.BuildFailed):
        publish.build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert calls == [True, False][:attempts]
    assert (tmp_path / "site" / "index.html").read_text() == "current"


def test_sweep_deletes_what_the_build_did_not_touch_and_the_folders_left_empty(tmp_path):
    old = {"a/b/old.html": "1", "a/old.json": "2", "c/old.html": "3", "keep/old.csv": "4"}
    for rel, text in old.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    time.sleep(0.02)
    since = publish._now(tmp_path)
    (tmp_path / "keep" / "new.html").write_text("written by this build")
    (tmp_path / "c" / "old.html").write_text("rewritten")
    assert publish.sweep(tmp_path, since, ".html") == 1  # HTML only: a/b/old.html
    assert not (tmp_path / "a" / "b").exists() and (tmp_path / "a" / "old.json").exists()
    assert publish.sweep(tmp_path, since) == 2  # then the rest: a/old.json, keep/old.csv
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert left == ["c", "c/old.html", "keep", "keep/new.html"]


def test_sweep_deletes_nothing_when_no_file_changed_during_the_build(tmp_path):
    """A file system whose change times do not follow writes would look as if
    the build wrote nothing: then nothing is deleted, and the error makes the
    build start again in an empty folder."""
    (tmp_path / "index.html").write_text("old")
    with pytest.raises(OSError, match="change times"):
        publish.sweep(tmp_path, time.time_ns() + 10**12)
    assert (tmp_path / "index.html").exists()


def test_a_build_in_the_old_folder_never_writes_through_links(built, tmp_path):
    """A hard link or a symbolic link left in the old folder is removed, not
    written through: what it points to stays as it was."""
    root = _copy(built, tmp_path / "proj")
    briefs_cli(root, "build", check=0)
    trash = root / ".site.trash"
    outside = tmp_path / "outside.html"
    outside.write_text("not the site's", encoding="utf-8")
    (trash / "index.html").unlink()
    os.link(outside, trash / "index.html")  # as Pagefind's cached bundle is linked in
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(trash / "assets")
    (trash / "assets").symlink_to(elsewhere, target_is_directory=True)
    briefs_cli(root, "build", check=0)
    assert outside.read_text(encoding="utf-8") == "not the site's"
    assert not list(elsewhere.iterdir())
    assert tree_bytes(root / "site") == tree_bytes(built / "site")


def test_a_build_the_old_folder_gets_in_the_way_of_is_made_again_in_a_new_one(built, tmp_path):
    root = _copy(built, tmp_path / "proj")
    briefs_cli(root, "build", check=0)
    trash = root / ".site.trash"
    shutil.rmtree(trash / "briefs")
    (trash / "briefs").write_text("a file where the briefs' folder goes", encoding="utf-8")
    briefs_cli(root, "build", check=0)
    assert tree_bytes(root / "site") == tree_bytes(built / "site")
    assert not (root / ".site.new").exists()


KILL_BETWEEN_RENAMES = """
import os, signal, sys
from pathlib import Path
from generator import publish
publish._exchange = lambda a, b: False
real = Path.rename
def rename(self, target):
    out = real(self, target)
    if Path(target).name == ".site.old":
        os.kill(os.getpid(), signal.SIGKILL)   # killed between the two renames
    return out
Path.rename = rename
publish.swap_in(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_real_kill_between_renames_then_build_recovers(built, tmp_path):
    root = _copy(built, tmp_path / "proj")
    old_site = tree_bytes(root / "site")
    _fake_site(root / ".site.new", "half-swapped")
    proc = subprocess.run([sys.executable, "-c", KILL_BETWEEN_RENAMES, str(root / ".site.new"), str(root / "site")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert not (root / "site").exists() and (root / ".site.old").is_dir()
    publish.recover(root / "site")
    assert tree_bytes(root / "site") == old_site
    assert not (root / ".site.old").exists() and not (root / ".site.new").exists()
    # and a build started in that state recovers by itself
    _fake_site(root / ".site.new", "half-swapped")
    subprocess.run([sys.executable, "-c", KILL_BETWEEN_RENAMES, str(root / ".site.new"), str(root / "site")],
                   capture_output=True, timeout=60)
    assert not (root / "site").exists()
    briefs_cli(root, "build", check=0)
    assert tree_bytes(root / "site") == old_site


# --- deterministic -------------------------------------------------------------------

def test_two_builds_are_byte_identical(built, tmp_path):
    """Same inputs, another folder, a clean cache, another time: the same bytes in
    every file (HTML, JSON, feed, sitemap, sitemap.xml.gz, search index, charts)."""
    time.sleep(1.1)  # a timestamp that leaks would now differ
    other = make_project(tmp_path / "elsewhere" / "proj2", SEEDS)
    briefs_cli(other, "build", "-d", "public", check=0)
    a, b = tree_bytes(built / "site"), tree_bytes(other / "public")
    assert sorted(a) == sorted(b), set(a) ^ set(b)
    differ = [name for name in a if a[name] != b[name]]
    assert not differ, f"differ between two builds: {differ[:10]}"
    assert "sitemap.xml.gz" in a
    assert tree_bytes(built / "briefs") == tree_bytes(other / "briefs")
    for name, data in a.items():  # no absolute build path leaks into the output
        assert str(built).encode() not in data, name
        assert str(built.parent).encode() not in data, name


def test_rebuild_in_place_is_byte_identical(built, tmp_path):
    root = _copy(built, tmp_path / "proj")
    before = tree_bytes(root / "site")
    briefs_cli(root, "build", check=0)
    assert tree_bytes(root / "site") == before


def test_sitemap_gz_has_no_timestamp(built):
    data = (built / "site" / "sitemap.xml.gz").read_bytes()
    mtime = int.from_bytes(data[4:8], "little")
    assert mtime < time.time() - 86400, "gzip header carries the build time"
    assert gzip.decompress(data) == (built / "site" / "sitemap.xml").read_bytes()
