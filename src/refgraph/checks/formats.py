"""Findings rendered for people (text), scripts (json), GitHub Actions (github), code-scanning tools
(sarif, SARIF 2.1.0) and GitLab/Jenkins (junit)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
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
    }


def to_json(findings: list[Diagnostic]) -> str:
    rows = []
    for d in findings:
        row = d.to_dict()
        row["file"] = relpath(d.file)
        row["rule"] = RULES[d.code].name
        rows.append(row)
    return json.dumps({"findings": rows, "summary": summary(findings)}, ensure_ascii=False, indent=2)


def _gh_escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        s = s.replace(":", "%3A").replace(",", "%2C")
    return s


def to_github(findings: list[Diagnostic]) -> str:
    lines = []
    for d in findings:
        level = {"error": "error", "warning": "warning"}.get(d.severity, "notice")
        props = [f"file={_gh_escape(relpath(d.file) or '', True)}"]
        if d.line:
            props.append(f"line={d.line}")
        if d.column:
            props.append(f"col={d.column}")
        if d.end_line:
            props.append(f"endLine={d.end_line}")
        if d.end_column:
            props.append(f"endColumn={d.end_column}")
        props.append(f"title={_gh_escape(f'{d.code} {RULES[d.code].name}', True)}")
        msg = d.message + (f" (fix: {d.fix})" if d.fix else "")
        lines.append(f"::{level} {','.join(props)}::{_gh_escape(msg)}")
    return "\n".join(lines)


def _fingerprint(d: Diagnostic) -> str:
    ident = f"{d.code}|{relpath(d.file)}|{d.key or d.text}"
    return hashlib.sha256(ident.encode("utf-8")).hexdigest()[:32]


def to_sarif(findings: list[Diagnostic]) -> str:
    rules = list(RULES.values())
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    for d in findings:
        result: dict = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": {"error": "error", "warning": "warning"}.get(d.severity, "note"),
            "message": {"text": d.message + (f" (fix: {d.fix})" if d.fix else "")},
            "partialFingerprints": {"refgraph/v1": _fingerprint(d)},
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
            loc: dict = {"physicalLocation": {"artifactLocation": {"uri": relpath(d.file)}}}
            if region:
                loc["physicalLocation"]["region"] = region
            result["locations"] = [loc]
        if d.related:
            rel = []
            for i, r in enumerate(d.related):
                path, _, line = r.rpartition(":")
                if path and line.isdigit():
                    rel.append(
                        {
                            "id": i,
                            "physicalLocation": {
                                "artifactLocation": {"uri": relpath(path)},
                                "region": {"startLine": int(line)},
                            },
                        }
                    )
            if rel:
                result["relatedLocations"] = rel
        results.append(result)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "refgraph",
                        "version": __version__,
                        "rules": [
                            {
                                "id": r.code,
                                "name": r.name,
                                "shortDescription": {"text": r.summary},
                                "fullDescription": {"text": f"{r.summary}. Example: {r.example}."},
                                "help": {"text": r.hint},
                                "defaultConfiguration": {"level": r.severity},
                            }
                            for r in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def to_junit(findings: list[Diagnostic]) -> str:
    suites = ET.Element("testsuites", name="refgraph check")
    by_file: dict[str, list[Diagnostic]] = {}
    for d in findings:
        by_file.setdefault(relpath(d.file) or "(corpus)", []).append(d)
    if not by_file:
        suite = ET.SubElement(suites, "testsuite", name="refgraph", tests="1", failures="0", errors="0")
        ET.SubElement(suite, "testcase", name="no broken references", classname="refgraph")
    for path, ds in by_file.items():
        failing = [d for d in ds if d.severity == "error"]
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=path,
            tests=str(len(ds)),
            failures=str(len(failing)),
            errors="0",
            skipped=str(len(ds) - len(failing)),
        )
        for d in ds:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=path,
                name=f"{d.code} line {d.line}: {d.key or d.text}",
                file=path,
                line=str(d.line or 0),
            )
            tag = "failure" if d.severity == "error" else "skipped"
            el = ET.SubElement(case, tag, message=d.message, type=d.code)
            el.text = f"{path}:{d.line}:{d.column}: {d.severity} {d.code} {d.message}" + (
                f"\nfix: {d.fix}" if d.fix else ""
            )
    suites.set("tests", str(max(1, len(findings))))
    suites.set("failures", str(sum(1 for d in findings if d.severity == "error")))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def to_text(findings: list[Diagnostic]) -> str:
    """One line per finding, as compilers print them (for a file or a pipe)."""
    return "\n".join(f"{d.file}:{d.line}:{d.column}: {d.severity} {d.code} {d.message}" for d in findings)


FORMATS = {"text": to_text, "json": to_json, "github": to_github, "sarif": to_sarif, "junit": to_junit}


def report(findings: list[Diagnostic], fmt: str) -> str:
    """The findings in one of FORMATS."""
    return FORMATS[fmt](findings)


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
            end = start + len(d.text or " ") if d.end_line == d.line else len(d.source_line)
            lo = max(0, start - CONTEXT)
            hi = min(len(d.source_line), end + CONTEXT)
            prefix = "…" if lo > 0 else ""
            snippet = (
                prefix + d.source_line[lo:hi].replace("\t", " ") + ("…" if hi < len(d.source_line) else "")
            )
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
