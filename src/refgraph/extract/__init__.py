"""Extraction: candidate scan -> Lark parse -> canonical keys -> relations and aliases."""


def extract(text: str, source: str | None = None):
    """All citations in ``text``, in order, as :class:`refgraph.models.Mention` records."""
    from .pipeline import extract_mentions

    return extract_mentions(text, source)
