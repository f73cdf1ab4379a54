"""Reading a page's text file: what is accepted, and the message for what is not."""

import random

import pytest
from paths import SEED_FIXTURE

from articles.pagefile import MAX_PAGE_BYTES, PageFileError, decode_page_bytes, read_page_file

SEED_TEXT = SEED_FIXTURE.read_text(encoding="utf-8")


def write(tmp_path, data, name="page.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_it_reads_the_seed_page():
    assert read_page_file(SEED_FIXTURE) == SEED_TEXT


def test_it_reads_a_gb18030_page_as_the_same_text_as_its_utf8_twin(tmp_path):
    assert read_page_file(write(tmp_path, SEED_TEXT.encode("gb18030"))) == SEED_TEXT


def test_it_drops_a_utf8_bom_and_turns_crlf_into_lf(tmp_path):
    data = b"\xef\xbb\xbf" + SEED_TEXT.replace("\n", "\r\n").encode("utf-8")
    assert read_page_file(write(tmp_path, data)) == SEED_TEXT


def test_it_turns_a_lone_cr_into_lf():
    assert decode_page_bytes("标题\r正文。\r".encode()) == "标题\n正文。\n"


def test_it_keeps_a_stray_script_tag_in_page_text(tmp_path):
    text = SEED_TEXT.replace("专家", "专家<script>alert(1)</script>", 1)
    assert read_page_file(write(tmp_path, text.encode("utf-8"))) == text


def test_it_accepts_a_page_of_exactly_the_size_limit():
    text = "新" * (MAX_PAGE_BYTES // 3) + "a" * (MAX_PAGE_BYTES % 3)  # "新" is three bytes in UTF-8
    assert len(text.encode("utf-8")) == MAX_PAGE_BYTES
    assert decode_page_bytes(text.encode("utf-8")) == text


BAD_FILES = {
    "an empty file": (b"", "文件是空的"),
    "a whitespace-only file": (b" \n\r\n\t \n", "文件是空的"),
    "a file over 5 MB": (b"a" * (MAX_PAGE_BYTES + 1), "超过一版 5 MB 的上限"),
    "an HTML document": (b"<!DOCTYPE html>\n<html><body><p>\xe6\x96\xb0\xe9\x97\xbb</p></body></html>", "HTML 网页"),
    "a saved web page without a doctype": (b'<div class="a"><span>x</span></div>\n<div><b>y</b></div>', "HTML"),
    "a PDF": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "这是 PDF 文件"),
    "random binary data": (random.Random(0).randbytes(4096), "二进制数据"),
    "text full of control characters": ("新闻\x01\x02\x03\x1b".encode() * 100, "控制字符"),
    "UTF-16 text": ("新闻".encode("utf-16"), "UTF-16"),
    "neither UTF-8 nor GB18030": ("新闻".encode() + b"\xff\xfe\xff", "既不是 UTF-8 也不是 GB18030"),
    "digits and punctuation only": (b"12 34\n--- 56 ...\n", "不是版面文字"),
}


@pytest.mark.parametrize(("data", "message"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_it_rejects_a_file_that_is_not_page_text_with_a_one_line_message_naming_it(tmp_path, data, message):
    path = write(tmp_path, data)
    with pytest.raises(PageFileError) as error:
        read_page_file(path)
    assert str(error.value).startswith(f"{path}：")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_it_rejects_a_missing_path(tmp_path):
    with pytest.raises(PageFileError, match="no-such-page.txt：无法读取（No such file"):
        read_page_file(tmp_path / "no-such-page.txt")


def test_it_rejects_a_directory(tmp_path):
    with pytest.raises(PageFileError, match="无法读取（Is a directory"):
        read_page_file(tmp_path)


def test_its_error_is_a_value_error():
    with pytest.raises(ValueError):
        decode_page_bytes(b"")
