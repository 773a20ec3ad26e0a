"""PDF with a text layer, through pypdf. Pages are separated by a form feed, so a mention's page is
one more than the form feeds before it; a PDF whose pages carry no text needs OCR first."""

from __future__ import annotations

from ..errors import InputError


class PdfError(InputError, ValueError):
    """A PDF that cannot be read (read_source adds the file name)."""


def pdf_to_text(data: bytes) -> str:
    import io

    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - a dependency of the package
        raise PdfError("reading PDF needs pypdf (pip install pypdf)") from None
    import logging

    # pypdf logs its repairs of damaged files ("EOF marker not found"); our one-line error says enough
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise PdfError("encrypted PDF; decrypt it first") from None
        pages = [(page.extract_text() or "") for page in reader.pages]
    except PdfError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError) as e:
        raise PdfError(f"damaged PDF ({type(e).__name__}: {e})") from None
    except Exception as e:  # pypdf raises many kinds on hostile files
        raise PdfError(f"unreadable PDF ({type(e).__name__})") from None
    if not pages:
        raise PdfError("PDF has no pages")
    if not any(p.strip() for p in pages):
        raise PdfError("no text layer (a scanned PDF?): OCR needed, e.g. ocrmypdf FILE OUT.pdf")
    return "\f".join(pages)


def page_of(text: str, offset: int) -> int:
    return text.count("\f", 0, offset) + 1
