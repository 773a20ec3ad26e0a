"""Write the sample corpus's documents in other formats (.docx, .pdf, .html) from the texts below.

Run once by a developer (needs fpdf2 and a DejaVu font for the PDF); the outputs are committed, so
neither is needed to build or test. The texts are our own.
"""

from __future__ import annotations

import html
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "corpus" / "nghe-an"

KH_105 = [
    "TỈNH ỦY NGHỆ AN",
    "Số: 105-KH/TU",
    "Nghệ An, ngày 12 tháng 01 năm 2022",
    "KẾ HOẠCH",
    "Về thực hiện Kết luận số 15-KL/TW của Ban Bí thư",
    "Thực hiện Kết luận số 15-KL/TW, ngày 30/9/2021 của Ban Bí thư về tiếp tục đẩy mạnh thực hiện Chỉ thị số "
    "46-CT/TW của Bộ Chính trị khóa XI về tăng cường sự lãnh đạo của Đảng đối với công tác bảo đảm an ninh, "
    "trật tự trong tình hình mới, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch như sau:",
    "1. Các cấp ủy quán triệt Kết luận đến chi bộ trong quý I năm 2022.",
    "2. Đảng ủy Công an tỉnh tham mưu sơ kết việc thực hiện Chỉ thị số 46-CT/TW, ngày 22/6/2015 của Bộ Chính trị.",
    "T/M BAN THƯỜNG VỤ",
    "PHÓ BÍ THƯ THƯỜNG TRỰC",
    "Nguyễn Văn Minh",
]
QD_210 = [
    "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
    "Số: 210/QĐ-UBND",
    "Nghệ An, ngày 20 tháng 02 năm 2024",
    "QUYẾT ĐỊNH",
    "Về việc ban hành Quy chế phối hợp bảo đảm an toàn thông tin mạng",
    "Căn cứ Luật An ninh mạng số 24/2018/QH14;",
    "Căn cứ Nghị định số 13/2023/NĐ-CP, ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân;",
    "Thực hiện Kế hoạch số 105-KH/TU, ngày 12/01/2022 của Ban Thường vụ Tỉnh ủy;",
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp bảo đảm an toàn thông tin mạng trên địa bàn tỉnh.",
    "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Lê Hồng Vinh",
]
NEWS_PAGE = [
    "Nghệ An sơ kết hai năm thực hiện Kết luận 15-KL/TW",
    "Ngày 15/3/2024, Ban Thường vụ Tỉnh ủy Nghệ An sơ kết hai năm thực hiện Kế hoạch số 105-KH/TU về thực "
    "hiện Kết luận số 15-KL/TW của Ban Bí thư.",
    "Báo cáo cho biết các địa phương đã triển khai Quyết định số 210/QĐ-UBND của Ủy ban nhân dân tỉnh về quy chế "
    "phối hợp bảo đảm an toàn thông tin mạng.",
]


def docx(path: Path, paragraphs: list[str], inserted: str) -> None:
    """A minimal Word document; the last paragraph is a tracked insertion (it must read as text)."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def para(t: str) -> str:
        return f'<w:p><w:r><w:t xml:space="preserve">{html.escape(t)}</w:t></w:r></w:p>'

    body = "".join(para(p) for p in paragraphs)
    body += (
        '<w:p><w:ins w:id="1" w:author="refgraph" w:date="2024-02-21T00:00:00Z"><w:r>'
        f'<w:t xml:space="preserve">{html.escape(inserted)}</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="refgraph" w:date="2024-02-21T00:00:00Z"><w:r>'
        "<w:delText>Chỉ thị số 99-CT/TW bị xóa</w:delText></w:r></w:del></w:p>"
    )
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {w}><w:body>{body}</w:body></w:document>'
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", doc)):
            info = zipfile.ZipInfo(name, date_time=(2024, 2, 21, 0, 0, 0))
            z.writestr(info, data, zipfile.ZIP_DEFLATED)


def pdf(path: Path, paragraphs: list[str]) -> None:
    from fpdf import FPDF

    p = FPDF()
    p.set_creation_date(__import__("datetime").datetime(2024, 2, 21))
    p.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    p.set_font("DejaVu", size=11)
    p.add_page()
    for t in paragraphs:
        p.multi_cell(0, 6, t)
        p.ln(2)
    p.output(str(path))


def page(path: Path, paragraphs: list[str]) -> None:
    body = "\n".join(f"<p>{html.escape(t)}</p>" for t in paragraphs[1:])
    path.write_text(
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức</title>'
        "<style>p{margin:1em}</style><script>var tracking = 'Chỉ thị số 98-CT/TW';</script></head><body>"
        '<nav><a href="/">Trang chủ</a> | <a href="/thoi-su">Thời sự</a> | Nghị quyết số 97-NQ/TW</nav>'
        f"<article><h1>{html.escape(paragraphs[0])}</h1>\n{body}</article>"
        "<footer>Bản quyền thuộc về báo điện tử. Quyết định số 96/QĐ-TTg</footer></body></html>\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    docx(OUT / "kh-105-kh-tu.docx", KH_105[:-1], KH_105[-1])
    pdf(OUT / "qd-210-qd-ubnd.pdf", QD_210)
    page(OUT / "tin-so-ket-kl-15.html", NEWS_PAGE)
    print("wrote", *sorted(p.name for p in OUT.iterdir()))
