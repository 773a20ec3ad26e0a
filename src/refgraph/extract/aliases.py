"""Aliases within one document: "Chỉ thị số 07/CT-BCA-V28 … (sau đây gọi tắt là Chỉ thị 07)" makes every
"Chỉ thị 07" of that document a mention of 07/CT-BCA-V28."""

from __future__ import annotations

from .model import Found


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
    if not table:
        return
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
