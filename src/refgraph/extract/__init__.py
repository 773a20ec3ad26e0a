"""Extraction: candidate scan -> Lark parse -> canonical keys -> relations and aliases."""


def extract(text: str, source: str | None = None, reported: bool = False, own: str | None = None):
    """All citations in ``text``, in order, as :class:`refgraph.models.Mention` records. ``reported``:
    the text is a page that reports on documents (a news item), so it does not act on any of them.
    ``own``: the document's own key, where its header or portal block gives it (its own title, repeated
    in the text, states its own acts)."""
    from .pipeline import extract_mentions

    return extract_mentions(text, source, reported, own)
