"""Read a page's text file, refusing anything that is not the text of a page.

Plain Python, no Django. Every way a page comes in (the parsepage command, an
import, an upload) goes through here, so a wrong file gets the same one-line
message everywhere, and the parser only ever sees decoded text with LF lines.
"""

import re
import unicodedata

MAX_PAGE_BYTES = 5 * 1024 * 1024

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# An opening or closing tag, or a doctype/comment/processing instruction.
# It must start like a tag, so "a<b" in a sentence does not open one.
MARKUP = re.compile(r"<[!/?]?[A-Za-z][^<>]*>")

# Control characters a text file may hold: pdftotext ends each page with "\f".
ALLOWED_CONTROLS = "\n\t\f"
MAX_CONTROL_SHARE = 0.01


class PageFileError(ValueError):
    """The file is not a page's text. str() is a one-line message for a person."""


def read_page_file(path) -> str:
    """The decoded text of the page file at path, or PageFileError."""
    try:
        with open(path, "rb") as file:
            # One byte past the limit is enough to know the file is too large,
            # without reading all of a huge file (or /dev/zero) into memory.
            data = file.read(MAX_PAGE_BYTES + 1)
    except OSError as error:
        raise PageFileError(f"{path}：无法读取（{error.strerror or error}）。") from None
    return decode_page_bytes(data, name=str(path))


def decode_page_bytes(data: bytes, name: str = "page") -> str:
    """The text of a page file's bytes, or PageFileError naming it as name."""
    if len(data) > MAX_PAGE_BYTES:
        raise PageFileError(f"{name}：文件超过一版 {MAX_PAGE_BYTES // (1024 * 1024)} MB 的上限。")
    data = data.removeprefix(UTF8_BOM)
    if data.startswith(b"%PDF"):
        raise PageFileError(f"{name}：这是 PDF 文件，不是文本；请按 PDF 导入。")
    # Notepad's "Unicode" is UTF-16: every other byte of ASCII is NUL, which
    # would otherwise be reported as binary data.
    if data.startswith(UTF16_BOMS):
        raise PageFileError(f"{name}：这是 UTF-16 编码的文本，请另存为 UTF-8。")
    if b"\0" in data:
        raise PageFileError(f"{name}：这是二进制数据（含 NUL 字节），不是文本。")
    text = _decode(data, name).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise PageFileError(f"{name}：文件是空的。")
    if _is_html(text):
        raise PageFileError(f"{name}：这是 HTML 网页，不是版面文字。")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS)
    if controls > MAX_CONTROL_SHARE * len(text):
        raise PageFileError(f"{name}：这是二进制数据（含控制字符），不是文本。")
    if not any(ch.isalpha() for ch in text):  # Han characters count as letters
        raise PageFileError(f"{name}：看起来不是版面文字（没有汉字或字母）。")
    return text


def normalise_page_text(text: str) -> str:
    """A page's text as it is compared and fingerprinted: LF lines, without the blank
    space before and after it. A browser's text box sends CRLF and a form may trim
    the ends; the same file must still be the same page (importer.page_checksum)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _decode(data: bytes, name: str) -> str:
    # Strict UTF-8 first: a GBK byte pair is almost never valid UTF-8, so a
    # success means UTF-8. GB18030 is a superset of GBK and GB2312, the other
    # encodings Chinese page text arrives in, and maps all of Unicode, so a
    # GB18030 page decodes to exactly the text of its UTF-8 twin.
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    raise PageFileError(f"{name}：既不是 UTF-8 也不是 GB18030 编码的文本。")


def _is_html(text: str) -> bool:
    # A page's text may hold a stray "<script>" in a sentence; that is still a
    # page (escaped on output). A document that opens as HTML, or whose
    # non-space characters are mostly tags, is a saved web page instead.
    if text.lstrip()[:9].lower().startswith(("<!doctype", "<html")):
        return True
    markup = sum(len(tag) for tag in MARKUP.findall(text))
    return markup > len("".join(text.split())) / 2
