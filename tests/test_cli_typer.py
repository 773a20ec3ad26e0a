"""The command line's plain-value coercion (refgraph.cli_typer) gives what Typer's own gives, and keeps
pydantic out of a query's start-up."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

typer_main = pytest.importorskip("typer.main")
_coercion = pytest.importorskip("typer._coercion")

from refgraph.cli import app  # noqa: E402
from refgraph.cli_typer import lighter_coercion  # noqa: E402

VALUES = [
    "46/CT-TW",
    "Chỉ thị 46",
    "",
    "3",
    "0",
    "-2",
    "007",
    "1_000",
    " 4",
    "json",
    "JSON",
    "never",
    "nope",
    "refgraph.db",
    "/no/such/folder/x.db",
    ".",
    ("a.md", "b"),
    ("RG101",),
    (),
    5,
]


def _params():
    seen = {}

    def walk(cmd):
        for p in cmd.params:
            seen.setdefault(repr(p.type_descriptor.annotation), p)
        for sub in getattr(cmd, "commands", {}).values():
            walk(sub)

    walk(typer_main.get_command(app))
    return list(seen.values())


def _outcome(runtime, value, param):
    try:
        return ("value", runtime._coerce_value(value, param=param, ctx=None))
    except Exception as e:  # the message a user would read
        return ("error", type(e).__name__, str(getattr(e, "message", e)))


@pytest.mark.skipif(not lighter_coercion(), reason="a Typer without the adapter layer")
@pytest.mark.parametrize("param", _params(), ids=lambda p: repr(p.type_descriptor.annotation))
def test_each_parameter_kind_coerces_as_typer_does(param):
    from typer import core

    desc = param.type_descriptor
    plain = core.build_runtime_param(desc)
    full = _coercion.build_runtime_param(desc)
    assert type(plain).__name__ == "PlainRuntimeParam"
    for value in VALUES:
        assert _outcome(plain, value, param) == _outcome(full, value, param), value


def test_a_query_does_not_load_pydantic(tmp_path):
    code = (
        "import sys\n"
        "from refgraph.cli import main\n"
        "sys.argv = ['refgraph', 'show', '46-CT/TW', '--db', sys.argv[1], '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('pydantic' in sys.modules, file=sys.stderr)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert "no store here" in r.stderr  # the command ran as far as the store
    assert r.stderr.strip().splitlines()[-1] == "False"


def test_a_bad_value_still_gets_typers_message(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "refgraph.cli", "stats", "--top", "0", "--db", str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert r.returncode == 2 and "--top" in r.stderr and "greater than or equal to 1" in r.stderr
