"""A seeded generator of directive-like documents for benchmarks.

Each document has a header (number, province, date), a title, and paragraphs of prose in the style of
provincial directives with about one citation per kilobyte: Party and State forms, a power law over the
cited documents (a few are cited everywhere, most rarely), repeated citations, local documents of many
provinces citing each other in chains (and the occasional cycle), nested "về tiếp tục thực hiện" titles.
"""

from __future__ import annotations

import random
from pathlib import Path

PROVINCES = [
    "Hà Tĩnh",
    "Quảng Bình",
    "Nghệ An",
    "Thanh Hóa",
    "Hưng Yên",
    "Lào Cai",
    "Cà Mau",
    "Đồng Nai",
    "Bắc Ninh",
    "Gia Lai",
    "Kon Tum",
    "Sơn La",
    "Phú Thọ",
    "Long An",
    "Bến Tre",
    "Quảng Ninh",
]
CENTRAL = [
    ("Nghị quyết", "NQ", "TW", "Bộ Chính trị"),
    ("Chỉ thị", "CT", "TW", "Ban Bí thư"),
    ("Kết luận", "KL", "TW", "Bộ Chính trị"),
    ("Quy định", "QĐ", "TW", "Bộ Chính trị"),
]
STATE = [
    ("Nghị định", "NĐ", "CP", "Chính phủ"),
    ("Thông tư", "TT", "BCA", "Bộ Công an"),
    ("Quyết định", "QĐ", "TTg", "Thủ tướng Chính phủ"),
]
LOCAL = [
    ("Chỉ thị", "CT", "TU", "Ban Thường vụ Tỉnh ủy"),
    ("Kế hoạch", "KH", "TU", "Ban Thường vụ Tỉnh ủy"),
    ("Kế hoạch", "KH", "UBND", "Ủy ban nhân dân tỉnh"),
    ("Nghị quyết", "NQ", "TU", "Tỉnh ủy"),
]
TOPICS = [
    "bảo đảm an ninh, trật tự",
    "phòng, chống tội phạm",
    "chuyển đổi số",
    "cải cách hành chính",
    "phòng cháy, chữa cháy",
    "an toàn giao thông",
    "bảo vệ môi trường",
    "xây dựng Đảng",
    "phát triển kinh tế số",
    "bảo vệ dữ liệu cá nhân",
    "phòng, chống tham nhũng",
    "an ninh mạng",
]
PROSE = [
    "Các cấp ủy, chính quyền tiếp tục quán triệt sâu sắc nhiệm vụ được giao, phân công rõ người, rõ việc",
    "Năm qua, tình hình trên địa bàn cơ bản ổn định, song vẫn còn những hạn chế cần khắc phục",
    "Người đứng đầu cơ quan, đơn vị chịu trách nhiệm trước cấp ủy về kết quả thực hiện",
    "Tăng cường kiểm tra, giám sát, kịp thời phát hiện và xử lý nghiêm các vi phạm",
    "Đẩy mạnh tuyên truyền, nâng cao nhận thức của cán bộ, đảng viên và Nhân dân",
    "Bố trí đủ kinh phí, nhân lực và phương tiện cho lực lượng làm nhiệm vụ ở cơ sở",
    "Định kỳ sơ kết, rút kinh nghiệm, báo cáo kết quả về Ban Thường vụ trước ngày 15 tháng 12 hằng năm",
    "Phát huy vai trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong giám sát",
]
RELATIONS = [
    "Tiếp tục thực hiện",
    "Triển khai thực hiện có hiệu quả",
    "Quán triệt và thực hiện nghiêm",
    "Căn cứ",
    "Thực hiện",
    "Theo",
]


def _date(rng: random.Random, year: int) -> tuple[int, int, int]:
    return rng.randint(1, 28), rng.randint(1, 12), year


class Pool:
    """The documents that may be cited, with a power law over how often."""

    def __init__(self, rng: random.Random, n_central: int = 400) -> None:
        self.rng = rng
        self.docs = []
        for i in range(n_central):
            if rng.random() < 0.6:
                t, code, iss, body = rng.choice(CENTRAL)
                year = rng.randint(2005, 2024)
                self.docs.append((t, f"{i % 190 + 1:02d}-{code}/{iss}", _date(rng, year), body))
            else:
                t, code, iss, body = rng.choice(STATE)
                year = rng.randint(2010, 2024)
                self.docs.append((t, f"{i % 300 + 1:02d}/{year}/{code}-{iss}", _date(rng, year), body))
        self.weights = [1.0 / (r + 1) ** 1.1 for r in range(len(self.docs))]

    def pick(self):
        return self.rng.choices(self.docs, self.weights)[0]


def citation(rng: random.Random, doc, with_title: bool = True) -> str:
    t, key, (d, m, y), body = doc
    date = f"ngày {d}/{m}/{y}" if rng.random() < 0.8 else f"ngày {d} tháng {m} năm {y}"
    s = f"{t} số {key}, {date} của {body}"
    if with_title:
        s += f" về {rng.choice(TOPICS)}"
    return s


def document(rng: random.Random, pool: Pool, idx: int, local_docs: list, size_kb: int = 4) -> tuple[str, str]:
    province = PROVINCES[idx % len(PROVINCES)]
    t, code, iss, body = rng.choice(LOCAL)
    year = rng.randint(2016, 2025)
    number = idx // len(PROVINCES) + 1
    key = f"{number:02d}-{code}/{iss}" if iss == "TU" else f"{number:02d}/{code}-{iss}"
    d, m, _ = _date(rng, year)
    parts = [
        f"Số: {key}",
        f"{province}, ngày {d} tháng {m} năm {year}",
        t.upper(),
        f"Về {rng.choice(TOPICS)} năm {year}",
        "",
    ]
    target = size_kb * 1024
    length = sum(len(p) for p in parts)
    n = 0
    while length < target:
        n += 1
        sentences = [rng.choice(PROSE) + "." for _ in range(rng.randint(3, 7))]
        r = rng.random()
        if r < 0.45:
            cited = pool.pick()
            if rng.random() < 0.15:  # nested: a conclusion continuing a directive
                inner = pool.pick()
                s = f"{rng.choice(RELATIONS)} {citation(rng, cited, False)} về tiếp tục thực hiện {citation(rng, inner)}."
            elif rng.random() < 0.2:  # a list sharing a relation phrase
                s = f"{rng.choice(RELATIONS)} {citation(rng, cited)}; {citation(rng, pool.pick())}."
            else:
                s = f"{rng.choice(RELATIONS)} {citation(rng, cited)}."
            sentences.insert(rng.randint(0, len(sentences)), s)
        elif r < 0.55 and local_docs:
            lt, lkey, lbody = rng.choice(local_docs[-50:])
            sentences.insert(0, f"Thực hiện {lt} số {lkey} của {lbody}.")
        para = f"{n}. " + " ".join(sentences)
        parts.append(para)
        length += len(para) + 2
    local_docs.append((t, key, body))
    return f"{province}-{idx:06d}.txt".replace(" ", "_"), "\n\n".join(parts) + "\n"


def generate(out: Path, n_docs: int, seed: int = 1, size_kb: int = 4) -> list[Path]:
    rng = random.Random(seed)
    pool = Pool(rng)
    out.mkdir(parents=True, exist_ok=True)
    local_docs: list = []
    paths = []
    for i in range(n_docs):
        name, text = document(rng, pool, i, local_docs, size_kb)
        sub = out / f"{i // 1000:04d}"
        sub.mkdir(exist_ok=True)
        p = sub / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def text_of_size(n_bytes: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    pool = Pool(rng)
    local: list = []
    chunks, total, i = [], 0, 0
    while total < n_bytes:
        _, t = document(rng, pool, i, local)
        chunks.append(t)
        total += len(t.encode("utf-8"))
        i += 1
    return "\n\n".join(chunks)
