"""Typer without pydantic for plain values.

Typer 0.29 coerces every parameter through a pydantic TypeAdapter, built on first use: importing
pydantic and generating the schemas costs 0.1-0.2 s on every command, more than the query itself on a
100k-document graph (a `refgraph show` measured 0.26 s, 0.12 s of it pydantic). refgraph's parameters
are plain: strings, paths, integers with a lower bound, choices among literal strings and lists of
these. For those values this module does what Typer's adapters do, with Typer's own functions
(coerce_cli_choice, coerce_cli_path), and hands everything else to Typer's adapter: another type, a
parser, a value of another kind, and every value that fails (so each error message is Typer's own).

It replaces one name in typer.core, and only when Typer is the version it was written against (the
names it needs exist); with any other Typer, nothing changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

_UNSURE = object()
_INT = re.compile(r"-?(?:[1-9][0-9]{0,15}|0)")


def plain_value(annotation: Any, info: Any, value: Any, param: Any, ctx: Any) -> Any:
    """``value`` coerced as Typer's adapter would, or _UNSURE when that is not certain."""
    from typer._param_types import coerce_cli_choice, coerce_cli_path, routes_to_path
    from typer._typing import is_literal_type, literal_values

    if info.parser is not None:
        return _UNSURE
    if get_origin(annotation) is list:
        if not isinstance(value, (list, tuple)):
            return _UNSURE
        (item,) = get_args(annotation)
        out = [plain_value(item, info, v, param, ctx) for v in value]
        return _UNSURE if any(v is _UNSURE for v in out) else out
    if annotation is str:
        return value if type(value) is str else _UNSURE
    if annotation is int and not info.clamp:
        if type(value) is int:
            number = value
        elif type(value) is str and _INT.fullmatch(value):
            number = int(value)
        else:
            return _UNSURE
        if (info.min is not None and number < info.min) or (info.max is not None and number > info.max):
            return _UNSURE  # out of range: Typer says so
        return number
    if is_literal_type(annotation) and type(value) is str:
        return coerce_cli_choice(
            value, choices=literal_values(annotation), case_sensitive=info.case_sensitive, ctx=ctx
        )
    if annotation is Path and info.path_type is None and routes_to_path(annotation, info):
        if type(value) is not str or not value:
            return _UNSURE
        # Typer's adapter turns the string into a Path (through pydantic) and then calls this
        return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
    return _UNSURE


def lighter_coercion() -> bool:
    """Install the plain-value path into Typer; False (and nothing changed) on a Typer without it."""
    try:
        from typer import _coercion, core
        from typer._param_types import coerce_cli_choice, coerce_cli_path, routes_to_path  # noqa: F401
        from typer._typing import is_literal_type, literal_values  # noqa: F401
    except ImportError:
        return False
    full = getattr(core, "build_runtime_param", None)
    base = getattr(_coercion, "RuntimeParam", None)
    if full is None or base is None or getattr(full, "_refgraph", False):
        return full is not None and getattr(full, "_refgraph", False)

    @dataclass(frozen=True)
    class PlainRuntimeParam(base):  # type: ignore[misc, valid-type]
        descriptor: Any = None
        _full: list = field(default_factory=list)  # Typer's own coercion, built when first needed

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                out = plain_value(self.annotation, self.parameter_info, value, param, ctx)
            except Exception:
                out = _UNSURE  # Typer raises its own error for it
            if out is not _UNSURE:
                return out
            if not self._full:
                self._full.append(full(self.descriptor))  # type: ignore[misc]  # not None: checked above
            return self._full[0]._coerce_value(value, param=param, ctx=ctx)

    def build(descriptor: Any) -> Any:
        if descriptor.file_annotation is not None:
            return full(descriptor)
        return PlainRuntimeParam(
            parameter_info=descriptor.parameter_info, annotation=descriptor.annotation, descriptor=descriptor
        )

    build._refgraph = True  # type: ignore[attr-defined]
    core.build_runtime_param = build
    return True
