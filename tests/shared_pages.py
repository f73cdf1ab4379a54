"""The pages in ../shared: real text, typeset PDFs and the real PDF, with their gold.

They are other people's writing and stay outside the project: tests that use
them skip, saying why, where ../shared is absent (.ci/run has it).
"""

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
REAL = SHARED / "pages" / "real"
PDF = SHARED / "pdf"
REAL_PDF = PDF / "rmrb-20251020-dev.pdf"

needs_shared = pytest.mark.skipif(
    not (REAL.is_dir() and PDF.is_dir()), reason=f"the shared real pages are not at {SHARED} (.ci/run has them)"
)


def gold(path: Path) -> dict:
    return json.loads(path.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))


def real_pages() -> list[Path]:
    return sorted(REAL.glob("*.txt")) if REAL.is_dir() else []


def pdf_pages() -> list[Path]:
    return sorted(PDF.glob("page-*.pdf")) if PDF.is_dir() else []
