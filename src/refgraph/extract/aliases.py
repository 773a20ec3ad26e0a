"""Aliases within one document: "Chỉ thị số 07/CT-BCA-V28 … (sau đây gọi tắt là Chỉ thị 07)" makes every
"Chỉ thị 07" of that document a mention of 07/CT-BCA-V28."""

from __future__ import annotations

from .model import Found
from .named import year_of_key


def _short_key(f: Found) -> tuple[str, str | None]:
    return f.doc_type.lower(), f.number


def bind(found: list[Found]) -> None:
    """Give short forms the key their alias names; flag uses before the definition."""
    table: dict[tuple[str, str | None], tuple[int, Found]] = {}
    last_keyed: Found | None = None  # the citation an alias definition names (kept as we go: linear)
    for i, f in enumerate(found):
        if f.alias_definition and f.key is None:
            if last_keyed is not None:
                table.setdefault(_short_key(f), (i, last_keyed))
        elif f.key and not f.alias_definition:
            last_keyed = f
    if table:
        _from_table(found, table)
    _from_full_citations(found)


def _from_full_citations(found: list[Found]) -> None:
    """ "Chỉ thị số 45-CT/TW … sau khi tổng kết việc thực hiện Chỉ thị số 45": a short form whose type and
    number belong to exactly one numbered citation of the same text is that document."""
    keys: dict[tuple[str, str | None], set[str]] = {}
    targets: dict[str, Found] = {}
    for f in found:
        if f.key and "short_form" not in f.flags and "named" not in f.flags:
            keys.setdefault(_short_key(f), set()).add(f.key)
            targets.setdefault(f.key, f)
    for f in found:
        if f.key is not None or "short_form" not in f.flags:
            continue
        matches = keys.get(_short_key(f), set())
        if f.year is not None:  # "Thông tư liên tịch 13/2025": the year given must be the number's too
            matches = {k for k in matches if year_of_key(k, None) == f.year}
        if len(matches) != 1:
            continue
        target = targets[next(iter(matches))]
        f.key = target.key
        f.family, f.type_code, f.issuer_code = target.family, target.type_code, target.issuer_code
        f.flags.append("short_form_of_cited")


def _from_table(found: list[Found], table: dict[tuple[str, str | None], tuple[int, Found]]) -> None:
    for i, f in enumerate(found):
        if f.key is not None or "short_form" not in f.flags:
            continue
        entry = table.get(_short_key(f))
        if entry is None:
            continue
        defined_at, target = entry
        f.key = target.key
        f.family, f.type_code, f.issuer_code = target.family, target.type_code, target.issuer_code
        f.flags.append("alias")
        if i < defined_at:
            f.flags.append("alias_before_definition")
        if f.alias_definition:
            f.flags.append("alias_definition")
            f.relation, f.subject = target.relation, target.subject
