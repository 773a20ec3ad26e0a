"""Relations, issuers and spans as a careful reader gives them (issue 12): each rule stated on sentences of
our own wording that reproduce a form seen in real documents."""

from __future__ import annotations

from refgraph.extract import extract


def _rel(text: str, **kw) -> list[tuple[str | None, str]]:
    return [(m.key, m.relation) for m in extract(text, **kw) if m.key]


FILLER = "Người dân trong tỉnh hưởng ứng tích cực các phong trào thi đua trong năm qua. " * 25


def test_on_a_page_this_plan_points_back_at_the_plan_it_reports():
    page = (
        "Ngày 3/12/2025, UBND tỉnh Bình Phước đã ban hành Kế hoạch số 221/KH-UBND về phát triển nhà ở.\n\n"
        "Theo đó, Kế hoạch này yêu cầu các sở triển khai thực hiện Chỉ thị số 34-CT/TW của Ban Bí thư.\n\n"
    ) + FILLER
    assert {r for _, r in _rel(page, reported=True)} == {"cites"}
    # with no plan named before it, "Kế hoạch này" is the text speaking of itself: a document
    own = (
        "Kế hoạch này nhằm triển khai thực hiện Chỉ thị số 34-CT/TW của Ban Bí thư.\n\n" + FILLER
    )
    assert ("34-CT/TW", "implements") in _rel(own, reported=True)
