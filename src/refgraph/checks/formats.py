"""Findings rendered for people (text), scripts (json), GitHub Actions (github), code-scanning tools
(sarif, SARIF 2.1.0) and GitLab/Jenkins (junit)."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree as ET

from .. import __version__
from ..models import Diagnostic
from . import SEVERITY_RANK, relpath
from .rules import RULES

CONTEXT = 50  # characters of the offending line shown either side of the span


def summary(findings: list[Diagnostic], files: int | None = None) -> dict:
    c = Counter(d.severity for d in findings)
    return {
        "errors": c.get("error", 0),
        "warnings": c.get("warning", 0),
        "notes": c.get("note", 0),
        "findings": len(findings),
        "files_with_findings": len({d.file for d in findings}),
        **({"by_name_only": named} if (named := getattr(findings, "named", None)) else {}),
    }


_DIAGNOSTIC_FIELDS = tuple(Diagnostic.__dataclass_fields__)


def to_json(findings: list[Diagnostic], **_) -> str:
    rows = []
    for d in findings:
        # Diagnostic.to_dict without dataclasses.asdict's deep copy: every field is a plain value
        row = {name: getattr(d, name) for name in _DIAGNOSTIC_FIELDS}
        row["related"] = list(d.related)
        row["file"] = relpath(d.file)
        row["rule"] = RULES[d.code].name
        rows.append(row)
    return json.dumps({"findings": rows, "summary": summary(findings)}, ensure_ascii=False, indent=2)


def _gh_escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        s = s.replace(":", "%3A").replace(",", "%2C")
    return s


SEVERITY_ORDER = {"error": 0, "warning": 1, "note": 2}
GITHUB_PER_RULE = 10  # GitHub shows 10 errors and 10 warnings per step; the rest only in the log


def _one_line(s: str) -> str:
    return " ".join(s.split())


def to_github(findings: list[Diagnostic], per_rule: int = GITHUB_PER_RULE, **_) -> str:
    """Workflow commands: errors first, at most ``per_rule`` annotations per rule, then one summary
    notice that says how many were left out. A span over several lines carries no columns (the Checks
    API refuses columns on multi-line annotations)."""
    lines = []
    shown: Counter[str] = Counter()
    left_out: Counter[str] = Counter()
    for d in sorted(
        findings, key=lambda d: (SEVERITY_ORDER.get(d.severity, 3), d.code, d.file or "", d.start or 0)
    ):
        if shown[d.code] >= per_rule:
            left_out[d.code] += 1
            continue
        shown[d.code] += 1
        level = {"error": "error", "warning": "warning"}.get(d.severity, "notice")
        props = [f"file={_gh_escape(relpath(d.file) or '', True)}"]
        if d.line:
            props.append(f"line={d.line}")
        one_line = not d.end_line or d.end_line == d.line
        if d.end_line and not one_line:
            props.append(f"endLine={d.end_line}")
        if one_line and d.column:
            props.append(f"col={d.column}")
            if d.end_column:
                props.append(f"endColumn={d.end_column}")
        props.append(f"title={_gh_escape(f'{d.code} {RULES[d.code].name}', True)}")
        msg = _one_line(d.message) + (f" (fix: {d.fix})" if d.fix else "")
        lines.append(f"::{level} {','.join(props)}::{_gh_escape(msg)}")
    if findings:
        s = summary(findings)
        text = f"refgraph check: {s['errors']} error(s), {s['warnings']} warning(s) in {s['files_with_findings']} file(s)"
        if left_out:
            text += (
                f"; {sum(left_out.values())} more not annotated ("
                + ", ".join(f"{code} {n}" for code, n in sorted(left_out.items()))
                + "): run refgraph check for the full list"
            )
        lines.append(f"::notice title=refgraph check::{_gh_escape(text)}")
    return "\n".join(lines)


def find_root(start: Path | None = None) -> Path:
    """Where SARIF URIs start: the git work tree around ``start`` (the current folder), else itself."""
    import subprocess

    here = (start or Path.cwd()).resolve()
    try:
        r = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=here, capture_output=True, text=True, timeout=10
        )
        if r.returncode == 0 and r.stdout.strip():
            return Path(r.stdout.strip()).resolve()
    except (OSError, subprocess.SubprocessError):
        pass
    return here


def _artifact(path: str, root: Path) -> dict:
    """An artifactLocation: a percent-encoded URI relative to %SRCROOT% when under the root."""
    from urllib.parse import quote

    p = Path(path).resolve()
    try:
        rel = p.relative_to(root)
    except ValueError:
        return {"uri": p.as_uri()}
    return {"uri": quote(rel.as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}


def _fingerprints(findings: list[Diagnostic], root: Path) -> list[str]:
    """Per finding: rule, file (from the root), key and which occurrence of that key in the file it is.
    No line number, so an edit above leaves it as it was; the occurrence index keeps repeated findings
    apart, so code scanning does not fold them into one alert."""
    seen: Counter[tuple] = Counter()
    out = []
    for d in sorted(range(len(findings)), key=lambda i: (findings[i].file or "", findings[i].start or 0)):
        f = findings[d]
        try:
            rel = Path(f.file).resolve().relative_to(root).as_posix() if f.file else ""
        except ValueError:
            rel = Path(f.file or "").as_posix()
        ident = (f.code, rel, f.key or _one_line(f.text or f.message))
        n = seen[ident]
        seen[ident] += 1
        out.append((d, hashlib.sha256("|".join((*ident, str(n))).encode("utf-8")).hexdigest()[:32]))
    return [h for _, h in sorted(out)]


RULES_DOC = ("docs", "rules.md")  # one section per rule, written by rules_markdown()


def rule_anchor(code: str) -> str:
    """The rule's section in docs/rules.md as GitHub and GitLab name headings: ``rg101-date-conflict``."""
    return f"{code} {RULES[code].name}".lower().replace(" ", "-")


def rules_markdown() -> str:
    """docs/rules.md: a heading per rule (its anchor is the rule's helpUri fragment), what it finds,
    what to do, an example. tests/test_integrations.py keeps the file equal to this text."""
    out = [
        "# refgraph check: the rules",
        "",
        "Generated from `refgraph.checks.rules`; SARIF `helpUri`s point here.",
        "",
    ]
    for r in RULES.values():
        out += [f"## {r.code} {r.name}", "", f"{r.summary}.", "", r.hint, "", f"Example: `{r.example}`", ""]
        out += [
            f"Default severity: {r.severity}" + ("" if r.default else " (opt-in: `--select " + r.code + "`)"),
            "",
        ]
    return "\n".join(out)


def _docs_base() -> str | None:
    """Where docs/rules.md is read: $REFGRAPH_DOCS_URL, else the package's Documentation URL (a wheel
    published with ``[project.urls] Documentation``), else the copy this installation ships, as a file
    URI (a local SARIF viewer opens it; code scanning shows the markdown help instead)."""
    base = os.environ.get("REFGRAPH_DOCS_URL")
    if not base:
        try:
            from importlib.metadata import metadata

            for entry in metadata("refgraph").get_all("Project-URL") or []:
                label, _, url = entry.partition(",")
                if label.strip().lower() == "documentation":
                    base = url.strip()
                    break
        except Exception:  # not installed as a distribution (a checkout on PYTHONPATH)
            base = None
    if not base:
        from ..assets import find

        doc = find(*RULES_DOC)
        base = doc.resolve().as_uri() if doc else None
    return base.split("#")[0] if base else None


def headline(rule) -> str:
    """A rule's summary up to its first colon: short and the same for every finding of the rule."""
    return rule.summary.split(":")[0].strip()


def to_sarif(findings: list[Diagnostic], root: Path | None = None, exit_code: int | None = None, **_) -> str:
    """SARIF 2.1.0 as GitHub code scanning ingests it: URIs under %SRCROOT%, stable fingerprints per
    occurrence, short messages whose fixed part comes first, rules with help, and the invocation."""
    root = (root or find_root()).resolve()
    rules = list(RULES.values())
    index = {r.code: i for i, r in enumerate(rules)}
    prints = _fingerprints(findings, root)
    docs = _docs_base()
    results = []
    for d, fp in zip(findings, prints):
        rule = RULES[d.code]
        # the rule's fixed headline first, the finding's own words after it: readers that group results
        # by message (sarif summary, code scanning's list) keep one rule's findings together
        text = f"{headline(rule)}: {_one_line(d.message)}" + (f" (fix: {d.fix})" if d.fix else "")
        result: dict = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": {"error": "error", "warning": "warning"}.get(d.severity, "note"),
            "message": {"text": text},
            "partialFingerprints": {"refgraph/v2": fp},
            "properties": {k: v for k, v in (("key", d.key), ("fix", d.fix), ("hint", d.hint)) if v},
        }
        if d.file:
            region: dict = {}
            if d.line:
                region["startLine"] = d.line
            if d.column:
                region["startColumn"] = d.column
            if d.end_line:
                region["endLine"] = d.end_line
            if d.end_column:
                region["endColumn"] = d.end_column
            if d.text:
                region["snippet"] = {"text": d.text}
            loc: dict = {"physicalLocation": {"artifactLocation": _artifact(d.file, root)}}
            if region:
                loc["physicalLocation"]["region"] = region
            result["locations"] = [loc]
        if d.related:
            related = []
            for i, ref in enumerate(d.related):
                rpath, _sep, rline = ref.rpartition(":")
                if rpath and rline.isdigit():
                    related.append(
                        {
                            "id": i,
                            "physicalLocation": {
                                "artifactLocation": _artifact(rpath, root),
                                "region": {"startLine": int(rline)},
                            },
                        }
                    )
            if related:
                result["relatedLocations"] = related
        results.append(result)
    driver_rules = []
    for r in rules:
        entry: dict = {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": f"{r.summary}. Example: {r.example}."},
            "help": {
                "text": f"{r.summary}. {r.hint} Example: {r.example}.",
                "markdown": f"**{r.code} {r.name}**: {r.summary}.\n\n{r.hint}\n\nExample: `{r.example}`",
            },
            "defaultConfiguration": {"level": {"note": "note"}.get(r.severity, r.severity)},
        }
        if docs:
            entry["helpUri"] = f"{docs}#{rule_anchor(r.code)}"
        driver_rules.append(entry)
    invocation: dict = {"executionSuccessful": True}
    if exit_code is not None:
        invocation["exitCode"] = exit_code
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "refgraph", "version": __version__, "rules": driver_rules}},
                "automationDetails": {"id": "refgraph/check/"},
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri() + "/"}},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


# JUnit: one test case per file and family of rules, so a report has the same cases from run to run
# (a clean file passes them) and CI history can follow each one.
FAMILIES = {
    "dates": ("RG101", "RG102", "RG103", "RG104", "RG105", "RG106", "RG107"),
    "forms": ("RG108", "RG115"),
    "references": ("RG109", "RG110", "RG111", "RG112", "RG113"),
    "identity": ("RG114",),
}


def _family(code: str) -> str:
    return next((f for f, codes in FAMILIES.items() if code in codes), "other")


def to_junit(
    findings: list[Diagnostic], files: list[str] | None = None, warnings_fail: bool = False, **_
) -> str:
    """One suite per file, one case per rule family in it: failed by an error (or by a warning with
    ``warnings_fail``), passed otherwise, warnings shown as the case's output. Names carry no line
    numbers; totals sit on the root."""
    by_file: dict[str, list[Diagnostic]] = {relpath(f) or f: [] for f in files or []}
    for d in findings:
        by_file.setdefault(relpath(d.file) or "(corpus)", []).append(d)
    suites = ET.Element("testsuites", name="refgraph check")
    total = failed = 0
    failing = {"error", "warning"} if warnings_fail else {"error"}
    for path in sorted(by_file):
        ds = by_file[path]
        suite = ET.SubElement(suites, "testsuite", name=path)
        cases = fails = 0
        families = sorted({*FAMILIES, *(_family(d.code) for d in ds)})
        for fam in families:
            mine = [d for d in ds if _family(d.code) == fam]
            case = ET.SubElement(suite, "testcase", classname=path, name=f"refgraph {fam}", file=path)
            cases += 1
            bad = [d for d in mine if d.severity in failing]
            lines = "\n".join(
                f"{path}:{d.line}:{d.column}: {d.severity} {d.code} {_one_line(d.message)}"
                + (f" (fix: {d.fix})" if d.fix else "")
                for d in mine
            )
            if bad:
                fails += 1
                el = ET.SubElement(
                    case,
                    "failure",
                    message=f"{len(bad)} finding(s): {bad[0].code} {_one_line(bad[0].message)}"[:300],
                    type=bad[0].code,
                )
                el.text = lines
            elif mine:
                ET.SubElement(case, "system-out").text = lines
        suite.set("tests", str(cases))
        suite.set("failures", str(fails))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total += cases
        failed += fails
    if not by_file:  # nothing was read and nothing found: one passing case, so the report is not empty
        suite = ET.SubElement(suites, "testsuite", name="refgraph", tests="1", failures="0", errors="0")
        suite.set("skipped", "0")
        ET.SubElement(suite, "testcase", classname="refgraph", name="no broken references")
        total = 1
    suites.set("tests", str(total))
    suites.set("failures", str(failed))
    suites.set("errors", "0")
    suites.set("skipped", "0")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def to_text(findings: list[Diagnostic], **_) -> str:
    """One line per finding, as compilers print them (for a file or a pipe)."""
    return "\n".join(f"{d.file}:{d.line}:{d.column}: {d.severity} {d.code} {d.message}" for d in findings)


FORMATS = {"text": to_text, "json": to_json, "github": to_github, "sarif": to_sarif, "junit": to_junit}


def report_options(
    fmt: str,
    paths: Sequence[str | os.PathLike] | None,
    root: Path | None,
    exit_code: int,
    warnings_fail: bool,
) -> dict:
    """What the sarif and junit renderers need besides the findings."""
    if fmt == "sarif":
        return {"root": root, "exit_code": exit_code}
    if fmt == "junit":
        from ..sources import iter_paths

        files, _ = iter_paths(paths or ["."])
        return {"files": [str(f) for f in files], "warnings_fail": warnings_fail}
    return {}


def report(findings: list[Diagnostic], fmt: str, **options) -> str:
    """The findings in one of FORMATS; ``options`` are for the formats that take them (sarif: root,
    exit_code; junit: files, warnings_fail)."""
    return FORMATS[fmt](findings, **options)


SHOWN = 12  # findings printed in full by default; the rest are counted in the summary


def print_text(findings: list[Diagnostic], limit: int | None = SHOWN) -> None:
    """Findings for a person: the worst first (errors, then warnings; notes only in the summary when
    there are more than ``limit``), then a summary by rule and the top problems. ``limit=None`` prints
    every finding."""
    from rich.markup import escape

    from ..render.terminal import console

    out = console()
    colours = {"error": "red", "warning": "yellow", "note": "blue"}
    shown = findings
    if limit is not None and len(findings) > limit:
        ranked = sorted(
            (d for d in findings if d.severity != "note"),
            key=lambda d: (-SEVERITY_RANK[d.severity], d.code, d.file or "", d.start or 0),
        )
        picked: list[Diagnostic] = []
        per_rule: Counter[str] = Counter()
        for d in ranked:  # a few of each rule first, so one noisy rule does not hide the others
            if per_rule[d.code] < 2:
                picked.append(d)
                per_rule[d.code] += 1
        for d in ranked:
            if len(picked) >= limit:
                break
            if d not in picked:
                picked.append(d)
        shown = sorted(picked[:limit], key=lambda d: (d.file or "", d.start or 0, d.code))
    current = None
    for d in shown:
        path = relpath(d.file) or "(corpus)"
        if path != current:
            out.print(f"\n[bold]{escape(path)}[/bold]")
            current = path
        col = colours.get(d.severity, "white")
        out.print(
            f"  {d.line}:{d.column or 1}  [{col}]{d.severity:7}[/{col}] [bold]{d.code}[/bold] "
            f"{escape(RULES[d.code].name)}: {escape(d.message)}"
        )
        if d.source_line is not None and d.column:
            start = d.column - 1 - d.source_offset
            line = d.source_line
            if d.end_line and d.end_line != d.line and d.text:
                # a citation broken across lines ("Nghị định số⏎118/2025/NĐ-CP"): its first line alone
                # shows no number, so the citation is shown whole, on one line
                line = line[:start] + " ".join(d.text.split())
            end = start + len(d.text or " ") if d.end_line == d.line else len(line)
            lo = max(0, start - CONTEXT)
            hi = min(len(line), end + CONTEXT)
            prefix = "…" if lo > 0 else ""
            snippet = prefix + line[lo:hi].replace("\t", " ") + ("…" if hi < len(line) else "")
            caret = " " * (len(prefix) + start - lo) + "^" * max(1, min(end, hi) - start)
            out.print(f"      │ {escape(snippet)}", highlight=False)
            out.print(f"      │ [{col}]{caret}[/{col}]", highlight=False)
        extra = []
        if d.fix:
            extra.append(f"fix: {d.fix}")
        if d.hint:
            extra.append(d.hint)
        if extra:
            out.print(f"      [dim]= {escape(' · '.join(extra))}[/dim]")
    s = summary(findings)
    if not findings:
        out.print("no broken references")
        _named_line(out, s)
        return
    if len(shown) < len(findings):
        out.print(
            f"\n[dim]… {len(findings) - len(shown)} more finding(s) not shown: --all prints them, "
            "--format json keeps every one, --select RG1xx narrows.[/dim]"
        )
        for line in summary_lines(findings):
            out.print(escape(line), highlight=False)
    out.print(
        f"\n{s['errors']} error(s), {s['warnings']} warning(s), {s['notes']} note(s) "
        f"in {s['files_with_findings']} file(s)"
    )
    _named_line(out, s)


def _named_line(out, s: dict) -> None:
    if "by_name_only" in s:  # references by name only: counted here, not one finding each
        n = s["by_name_only"]
        out.print(
            f"references by name only: {n['two_documents']} name(s) stand for two documents or more, "
            f"{n['unplaced']} the catalog cannot place"
        )


def summary_lines(findings: list[Diagnostic], top: int = 5) -> list[str]:
    """The summary by rule and the top problems, as plain lines."""
    lines = ["", "By rule:"]
    by_rule = Counter(d.code for d in findings)
    files_by_rule: dict[str, set] = {}
    for d in findings:
        files_by_rule.setdefault(d.code, set()).add(d.file)
    for code in sorted(by_rule, key=lambda c: (-SEVERITY_RANK[_sev(findings, c)], c)):
        r = RULES[code]
        lines.append(
            f"  {code} {r.name:26} {_sev(findings, code):7} {by_rule[code]:6}  in {len(files_by_rule[code])} file(s)"
        )
    errors = Counter(d.key or d.text for d in findings if d.severity == "error")
    if errors:
        lines.append("Documents with the most errors:")
        lines += [f"  {k}: {n}" for k, n in errors.most_common(top)]
    unknown = [d for d in findings if d.code == "RG111"]
    if unknown:
        unknown.sort(key=lambda d: -_cited(d))
        lines.append("Most-cited unknown documents (add them to the corpus or the catalog):")
        lines += [f"  {d.key}: cited {_cited(d)} time(s)" for d in unknown[:top]]
    per_file = Counter(relpath(d.file) for d in findings if d.severity != "note")
    if per_file:
        lines.append("Files with the most errors and warnings:")
        lines += [f"  {f}: {n}" for f, n in per_file.most_common(top)]
    return lines


def _sev(findings: list[Diagnostic], code: str) -> str:
    return next(d.severity for d in findings if d.code == code)


def _cited(d: Diagnostic) -> int:
    import re

    m = re.search(r"cited (\d+) time", d.message)
    return int(m.group(1)) if m else 1


def deliver(
    findings: list[Diagnostic],
    fmt: str,
    output: Path | None = None,
    show_all: bool = False,
    paths: Sequence[str | os.PathLike] | None = None,
    root: Path | None = None,
    failed: bool = False,
    junit_warnings: str = "passed",
) -> None:
    """The report where it goes: to ``output``, or to standard output (text for people, the worst few
    unless ``show_all``; other formats whole). ``failed`` is what the exit code will say (SARIF and
    JUnit record it)."""
    from ..errors import EXIT_FOUND
    from ..render import write_text

    opts = report_options(fmt, paths, root, EXIT_FOUND if failed else 0, junit_warnings == "failure")
    if output is not None:
        write_text(output, report(findings, fmt, **opts) + "\n")
    elif fmt == "text":
        print_text(findings, None if show_all else SHOWN)
    elif text := report(findings, fmt, **opts):
        print(text)
