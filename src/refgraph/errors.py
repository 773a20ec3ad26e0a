"""One family of errors. Everything refgraph raises on purpose is a :class:`RefgraphError`; its kind says
which exit code the command line gives (``exit_code``), and ``str()`` is one line a user can act on.

- :class:`InputError` (exit 2): the input cannot be used — an unreadable file, a store that is not a
  refgraph store, an unknown document, an option that makes no sense, a page too large to draw.
- :class:`InternalError` (exit 3): refgraph itself went wrong (a bug, or a broken installation).

Library callers catch ``RefgraphError`` (or a kind); the CLI catches the base class once.
"""

from __future__ import annotations

EXIT_FOUND = 1  # a check found problems, a path does not exist: an answer, not an error
EXIT_INPUT = 2
EXIT_INTERNAL = 3


class RefgraphError(Exception):
    """Base class; ``exit_code`` is what the command line exits with."""

    exit_code = EXIT_INTERNAL

    def report(self) -> str:
        """The message for a terminal (may add lines, e.g. the candidates of an ambiguous key)."""
        return str(self)


class InputError(RefgraphError):
    """Input that cannot be used: the message names the file, document or option and what is wrong."""

    exit_code = EXIT_INPUT


class UsageError(InputError):
    """Options that contradict each other or name nothing known (``--up`` with ``--down``, a rule code)."""


class StoreError(InputError):
    """A store that is missing, damaged, or from another version."""


class QueryError(InputError, LookupError):
    """An unknown or ambiguous document: the message says which, with suggestions or candidates."""

    def __init__(self, message: str, candidates: list[dict] | None = None, ambiguous: bool = False) -> None:
        super().__init__(message)
        self.candidates = candidates or []
        self.ambiguous = ambiguous

    def report(self) -> str:
        if not self.ambiguous:
            return str(self)
        return str(self) + "".join(
            f"\n  {c['id']}  {c.get('date') or 'undated'}  {c.get('province') or ''}".rstrip()
            for c in self.candidates
        )


class TooLarge(InputError, ValueError):
    """An answer too large for the requested view (an HTML page that would freeze the browser)."""


class InternalError(RefgraphError):
    """refgraph went wrong, not the input (for instance the grammar is missing from the installation)."""

    exit_code = EXIT_INTERNAL


__all__ = [
    "EXIT_FOUND",
    "EXIT_INPUT",
    "EXIT_INTERNAL",
    "RefgraphError",
    "InputError",
    "UsageError",
    "StoreError",
    "QueryError",
    "TooLarge",
    "InternalError",
]
