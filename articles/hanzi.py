"""Which characters are Han (汉字): the one definition that the parser, the PDF reader
and the search share.

Plain Python with no Django, as the parser imports it. Three Unicode blocks hold the
Han characters a Chinese page prints:

- CJK Unified Ideographs, U+4E00–U+9FFF: nearly every character of a page ("李争粉");
- Extension A, U+3400–U+4DBF: rare characters, mostly in names of people and places;
- Compatibility Ideographs, U+F900–U+FAFF: duplicates of unified ones that some fonts
  and old encodings produce; NFKC (which the search applies) maps them to the unified ones.

The Yijing hexagram symbols between Extension A and the unified block (U+4DC0–U+4DFF)
are not Han, and are left out.
"""

import re

# Each block's first and last character.
UNIFIED = ("\u4e00", "\u9fff")
EXTENSION_A = ("\u3400", "\u4dbf")
COMPATIBILITY = ("\uf900", "\ufaff")

# For a character class of a regular expression: rf"[{HAN}]".
HAN = "".join(f"{first}-{last}" for first, last in (EXTENSION_A, UNIFIED, COMPATIBILITY))

HAN_RUN = re.compile(f"[{HAN}]{{2,}}")


def is_han(char: str) -> bool:
    """True for one Han character ("李"), false for a mark, a digit or a letter ("，", "3").

    Compared by hand rather than by HAN's regular expression: the PDF reader asks
    this of every glyph, and bylines of every paragraph's last character."""
    return (
        UNIFIED[0] <= char <= UNIFIED[1]
        or EXTENSION_A[0] <= char <= EXTENSION_A[1]
        or COMPATIBILITY[0] <= char <= COMPATIBILITY[1]
    )


def all_han(text: str) -> bool:
    """Every character of the text is Han: "丁涛" but not "丁涛。" or "A股"."""
    return bool(text) and all(map(is_han, text))
