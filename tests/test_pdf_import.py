"""Importing newspaper PDFs: the pages, their pictures and boxes, and files that change nothing."""

import io
import json

import pypdfium2 as pdfium
import pytest
from django.core.management import CommandError, call_command
from PIL import Image
from shared_pages import REAL_PDF, needs_shared
from test_pdf_reading import BAD_PDFS
from typeset import Page, Story, typeset

from articles import importer
from articles.importer import CREATED, UNCHANGED
from articles.models import Article, Photo
from articles.models import Page as StoredPage
from articles.pdfimporter import PdfRefused, import_pdf

pytestmark = pytest.mark.django_db

BODY = ["枫城老字号搭上直播快车，一年的销售额突破了一亿元。" * 6, "老师傅们说，手艺要传下去，也要卖出去。" * 5]
FRONT = Page(
    [
        Story(
            "老字号触网年销售额破亿",
            BODY,
            kicker="枫城消费新气象",
            caption="枫城老字号的师傅在直播间展示传统糕点制作技艺。",
            credit="本报记者 林晓摄",
        ),
        Story("高新区新春第一会聚焦创新", BODY[::-1], columns=2),
    ]
)
SECOND = Page(FRONT.stories[1:], header="人民日报 2025年10月20日 星期一 第4版 要闻")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media):
    return sorted(path.relative_to(media) for path in media.rglob("*") if path.is_file()) if media.exists() else []


def pdf_of_pages(*pages: bytes) -> bytes:
    """One PDF holding the pages of each PDF given, in turn."""
    joined = pdfium.PdfDocument.new()
    for data in pages:
        joined.import_pages(pdfium.PdfDocument(data))
    buffer = io.BytesIO()
    joined.save(buffer)
    return buffer.getvalue()


def test_a_pdf_page_is_stored_with_its_picture_thumbnail_own_pdf_and_the_box_of_each_record():
    (result,) = import_pdf(typeset(FRONT), source_name="front.pdf")
    page = result.page
    assert result.status == CREATED
    assert (page.edition.paper.name, str(page.edition.date), page.number) == ("人民日报", "2025-10-20", "3")
    assert list(page.articles.values_list("title", flat=True)) == [s.title for s in FRONT.stories]

    scan, thumbnail = Image.open(page.scan.path), Image.open(page.thumbnail.path)
    assert scan.width > 2000 and thumbnail.width == 240
    assert len(pdfium.PdfDocument(page.pdf.path)) == 1
    for record in [*page.articles.all(), *Photo.objects.filter(page=page)]:
        box = (record.box_left, record.box_top, record.box_width, record.box_height)
        assert all(0 <= share <= 1 for share in box) and record.box_width > 0 and record.box_height > 0, record
    lead, second = page.articles.all()
    assert lead.box_top < second.box_top  # the lead story stands higher on the page


def test_a_photo_is_cut_out_of_the_page_with_its_caption_and_credit():
    (result,) = import_pdf(typeset(FRONT), source_name="front.pdf")
    (photo,) = Photo.objects.filter(page=result.page)
    assert (photo.caption, photo.credit) == ("枫城老字号的师傅在直播间展示传统糕点制作技艺。", "本报记者 林晓摄")
    picture = Image.open(photo.image.path)
    # The typeset picture is 240 × 150 points: at 150 dpi, 500 × 312 pixels of its grey-blue.
    assert abs(picture.width - 500) <= 2 and abs(picture.height - 312) <= 2
    red, green, blue = picture.convert("RGB").getpixel((picture.width // 2, picture.height // 2))
    assert blue > red + 40


def test_a_photo_embedded_in_a_higher_resolution_keeps_it():
    story = Story("老字号触网年销售额破亿", BODY, caption="枫城老字号的师傅展示糕点。", credit="本报记者 林晓摄")
    story.photo_pixels = (1200, 750)  # 375 dpi over its 240 × 150 points
    (result,) = import_pdf(typeset(Page([story, FRONT.stories[1]])), source_name="hires.pdf")
    assert Image.open(Photo.objects.get(page=result.page).image.path).size == (1200, 750)


def test_importing_the_same_pdf_again_changes_nothing(media):
    data = typeset(FRONT)
    import_pdf(data, source_name="front.pdf")
    files = stored_files(media)
    (again,) = import_pdf(data, source_name="front.pdf")
    assert again.status == UNCHANGED
    assert stored_files(media) == files
    assert StoredPage.objects.count() == 1


def test_a_pdf_of_several_pages_stores_each_as_a_page_of_its_edition():
    results = import_pdf(pdf_of_pages(typeset(FRONT), typeset(SECOND)), source_name="edition.pdf")
    assert [result.page.number for result in results] == ["3", "4"]
    assert {result.page.edition_id for result in results} == {results[0].page.edition_id}


def test_a_page_refused_halfway_through_a_pdf_leaves_no_page_and_no_file(media, monkeypatch):
    calls = []
    real_store = importer.store_records

    def fail_on_the_second_page(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return real_store(*args, **kwargs)

    monkeypatch.setattr(importer, "store_records", fail_on_the_second_page)
    with pytest.raises(RuntimeError):
        import_pdf(pdf_of_pages(typeset(FRONT), typeset(SECOND)), source_name="edition.pdf")
    assert len(calls) == 2
    assert StoredPage.objects.count() == 0 and Article.objects.count() == 0
    assert stored_files(media) == []


@needs_shared
def test_the_real_pdf_imports_one_page_per_ban_each_with_its_own_pdf():
    results = import_pdf(REAL_PDF.read_bytes(), source_name=REAL_PDF.name)
    assert [result.page.number for result in results] == ["2", "4", "5", "10", "19", "20"]
    pdf_pages = [len(pdfium.PdfDocument(result.page.pdf.path)) for result in results]
    assert sum(pdf_pages) == 56 and min(pdf_pages) >= 1


@pytest.mark.parametrize("case", BAD_PDFS, ids=str)
def test_the_command_refuses_a_bad_pdf_in_chinese_with_status_2_and_changes_nothing(tmp_path, media, capsys, case):
    make, words = BAD_PDFS[case]
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(make())
    with pytest.raises(CommandError, match="1 个文件未导入") as error:
        call_command("importpages", str(bad))
    assert error.value.returncode == 2
    message = capsys.readouterr().err
    assert f"{bad}：" in message and words in message
    assert StoredPage.objects.count() == 0
    assert stored_files(media) == []


def test_the_command_knows_a_pdf_by_its_content_whatever_its_name(tmp_path, capsys):
    misnamed = tmp_path / "front.txt"
    misnamed.write_bytes(typeset(FRONT))
    call_command("importpages", str(misnamed))
    assert StoredPage.objects.get().scan


def test_parsepage_prints_one_structure_for_a_page_and_a_list_for_several(tmp_path, capsys):
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    one.write_bytes(typeset(FRONT))
    two.write_bytes(pdf_of_pages(typeset(FRONT), typeset(FRONT)))
    call_command("parsepage", str(one), "--json")
    single = json.loads(capsys.readouterr().out)
    call_command("parsepage", str(two), "--json")
    several = json.loads(capsys.readouterr().out)
    assert [a["title"] for a in single["articles"]] == [s.title for s in FRONT.stories]
    assert several == [single, single]


def test_a_text_file_is_not_taken_for_a_pdf():
    with pytest.raises(PdfRefused, match="不是 PDF"):
        import_pdf("人民日报 2025年10月20日 第3版".encode(), source_name="page.pdf")


def test_the_command_shows_a_pdf_editions_progress_page_by_page(tmp_path, capsys):
    edition = tmp_path / "edition.pdf"
    edition.write_bytes(pdf_of_pages(typeset(FRONT), typeset(SECOND)))
    call_command("importpages", str(edition))
    out, err = capsys.readouterr()
    assert f"{edition}：已读 1/2 页" in err and f"{edition}：已读 2/2 页" in err
    assert out.count("created:") == 2
