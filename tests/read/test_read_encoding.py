"""Decoding: BOMs, UTF-16 without BOM, legacy encodings, line endings, bad input."""
import pytest

from generator.read import ReadError, read
from generator.read import encoding

TEXT = "Acme Widgets said on Tuesday its quarterly profit rose 12% to €4.5 million.\n\nIt was the firm’s best quarter."


def _doc(tmp_path, data: bytes, name="a.txt"):
    p = tmp_path / name
    p.write_bytes(data)
    return read(p)


@pytest.mark.parametrize(
    "data, enc",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16-le"),  # Python writes a BOM, little-endian here
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM: found from the NUL-byte pattern
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path, data, enc):
    doc = _doc(tmp_path, data)
    assert doc.raw == TEXT
    assert doc.encoding == enc
    assert not doc.raw.startswith("\ufeff")


def test_gb18030(tmp_path):
    text = "华为公司今年第一季度的收入增长了百分之十二，达到一千亿元人民币。\n\n分析师表示，这一结果超出了市场预期。"
    doc = _doc(tmp_path, text.encode("gb18030"))
    assert doc.encoding == "gb18030"
    assert doc.raw == text


def test_latin_text_is_not_taken_for_gb18030(tmp_path):
    text = "Le café coûte 3 €. À bientôt, dit-elle à l’équipe de Zürich."
    doc = _doc(tmp_path, text.encode("cp1252"))
    assert doc.encoding == "cp1252"
    assert doc.raw == text


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"])
def test_line_endings_are_normalised(tmp_path, newline):
    doc = _doc(tmp_path, newline.join([b"one", b"two", b"", b"three"]))
    assert doc.raw == "one\ntwo\n\nthree"
    assert doc.lines == ["one", "two", "", "three"]


def test_empty_file(tmp_path):
    with pytest.raises(ReadError, match="empty"):
        _doc(tmp_path, b"")


def test_whitespace_only_file(tmp_path):
    with pytest.raises(ReadError, match="empty"):
        _doc(tmp_path, b"  \n\n\t \n")


def test_binary_file_with_nul_bytes(tmp_path):
    data = bytes(range(256)) * 20
    with pytest.raises(ReadError, match="binary"):
        _doc(tmp_path, data)


def test_binary_file_of_control_characters(tmp_path):
    data = b"\x01\x02\x03\x04\x05\x06abc\x07\x08" * 200
    with pytest.raises(ReadError, match="binary"):
        _doc(tmp_path, data)


def test_too_large_file_is_refused_before_reading(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    with open(p, "wb") as fh:  # sparse: 11 MB without writing them
        fh.truncate(11 * 1024 * 1024)
    with pytest.raises(ReadError, match="too large"):
        read(p)


def test_undecodable_bytes(tmp_path):
    # 0x81 and 0x8d are unassigned in cp1252, and the sequence is neither UTF-8 nor Chinese.
    with pytest.raises(ReadError, match="undecodable"):
        _doc(tmp_path, b"Price \x81\x8d rose " * 10 + b"\xff")


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="cannot open"):
        read(tmp_path / "nope.txt")


def test_decode_reports_encoding_names():
    assert encoding.decode("abc".encode("utf-8")) == ("abc", "utf-8")


def test_latin_bytes_that_happen_to_be_valid_gb18030_stay_cp1252(tmp_path):
    text = "Résumé: Pokémon café"  # every accented byte is followed by a letter
    doc = _doc(tmp_path, text.encode("cp1252"))
    assert doc.encoding == "cp1252"
    assert doc.raw == text


def test_html_declared_charset_is_used(tmp_path):
    page = '<html><head><meta charset="shift_jis"><title>t</title></head><body><p>日本の経済ニュース</p></body></html>'
    doc = _doc(tmp_path, page.encode("shift_jis"), name="page.html")
    assert doc.encoding == "shift_jis"
    assert "日本の経済ニュース" in doc.raw


KOREAN = ("현대자동차는 수요일 전기차 판매가 크게 늘면서 지난 분기 매출이 사상 최대를 기록했다고 발표했다.\n\n"
          "회사는 미국과 유럽 시장에서 새 모델이 좋은 반응을 얻고 있다며 올해 목표를 높여 잡았다.")
JAPANESE = ("ソニーグループは水曜日、ゲーム事業の売上高が過去最高になったと発表した。\n\n"
            "新しいゲーム機の販売が伸びたことに加え、音楽や映画の事業も好調だったという。")
CHINESE = "阿里巴巴周三表示，由于国内消费回升，上一季度的营业收入比去年同期增长了百分之八。\n\n公司预计今年的利润将继续增加。"


@pytest.mark.parametrize("text, codec, enc", [
    (KOREAN, "euc_kr", "euc-kr"),
    (KOREAN, "cp949", "euc-kr"),
    (JAPANESE, "shift_jis", "shift-jis"),
    (JAPANESE, "euc_jp", "euc-jp"),
    (CHINESE, "gb18030", "gb18030"),
])
def test_east_asian_text_without_declaration(tmp_path, text, codec, enc):
    doc = _doc(tmp_path, text.encode(codec))
    assert doc.raw == text
    assert doc.encoding == enc


def test_cp949_only_syllables_use_the_superset(tmp_path):
    text = KOREAN + " 똠방각하"  # '똠' is outside EUC-KR's 2,350 syllables
    doc = _doc(tmp_path, text.encode("cp949"))
    assert doc.raw == text
    assert doc.encoding == "cp949"
