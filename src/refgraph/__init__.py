"""refgraph: a citation graph of Vietnamese Party and State documents.

Library API (the CLI is a thin layer over these):

    from refgraph import extract
    mentions = extract(text, source="chi-thi-38.txt")
"""

from __future__ import annotations

from .extract import extract
from .models import Diagnostic, Document, Edge, Mention

__all__ = ["extract", "Mention", "Document", "Edge", "Diagnostic"]
__version__ = "0.1.0"
