from __future__ import annotations

import io
import zipfile

import pytest

from profiles.resume import (
    MAX_RESUME_BYTES,
    CheckedResume,
    ResumeError,
    check_resume,
    extract_text,
)
from profiles.tests.documents import (
    CONTENT_TYPES,
    RESUME_LINE,
    docx_document,
    encrypted_pdf,
    minimal_docx,
    minimal_pdf,
    upload,
)


@pytest.fixture(scope="module")
def eleven_megabytes() -> bytes:
    pdf = minimal_pdf(RESUME_LINE)
    return pdf + b"\n" * (11 * 1024 * 1024 - len(pdf))


# --- Accepted files ---------------------------------------------------------------------------


def test_pdf_text_is_extracted():
    resume = check_resume(upload("cv.pdf", minimal_pdf(RESUME_LINE)))

    assert resume == CheckedResume("pdf", ".pdf", "application/pdf", RESUME_LINE)


def test_pdf_lines_are_extracted_in_order():
    text = extract_text(minimal_pdf("Jane Doe", "Senior Python Engineer"), "pdf")

    assert text.splitlines() == ["Jane Doe", "Senior Python Engineer"]


def test_docx_paragraphs_are_on_separate_lines():
    resume = check_resume(upload("cv.docx", minimal_docx()))

    assert resume.kind == "docx"
    assert resume.extension == ".docx"
    assert resume.content_type == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert resume.text.splitlines()[:2] == [
        "Jane Doe\tjane@example.com",
        "Senior Python Engineer",
    ]


def test_docx_table_cells_are_extracted():
    text = extract_text(minimal_docx(), "docx")

    assert text.splitlines()[2:] == ["Python", "8 years"]


def test_docx_line_break_starts_a_new_line():
    body = "<w:p><w:r><w:t>London</w:t><w:br/><w:t>United Kingdom</w:t></w:r></w:p>"

    assert extract_text(minimal_docx(body), "docx") == "London\nUnited Kingdom"


def test_docx_text_box_is_read_once_not_again_from_its_fallback():
    text_box = "<w:txbxContent><w:p><w:r><w:t>Skills</w:t></w:r></w:p></w:txbxContent>"
    body = (
        "<w:p><w:r><mc:AlternateContent>"
        f"<mc:Choice Requires='wps'>{text_box}</mc:Choice>"
        f"<mc:Fallback>{text_box}</mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )

    assert extract_text(minimal_docx(body), "docx") == "Skills"


def test_extracted_text_loses_trailing_spaces_and_runs_of_blank_lines():
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Jane Doe   </w:t></w:r></w:p>'
        + "<w:p/>" * 5
        + "<w:p><w:r><w:t>Experience</w:t></w:r></w:p>"
    )

    assert extract_text(minimal_docx(body), "docx") == "Jane Doe\n\nExperience"


def test_pdf_named_docx_is_accepted_as_pdf():
    resume = check_resume(upload("cv.docx", minimal_pdf(RESUME_LINE)))

    assert (resume.kind, resume.extension) == ("pdf", ".pdf")


def test_pdf_after_a_byte_order_mark_and_blank_lines_is_accepted():
    resume = check_resume(upload("cv.pdf", b"\xef\xbb\xbf\r\n\n" + minimal_pdf(RESUME_LINE)))

    assert resume.text == RESUME_LINE


def test_scanned_pdf_without_text_is_accepted_with_empty_text():
    resume = check_resume(upload("scan.pdf", minimal_pdf()))

    assert (resume.kind, resume.text) == ("pdf", "")


def test_pdf_locked_only_against_editing_is_read():
    locked = encrypted_pdf(user_password="", owner_password="owner-secret")

    assert check_resume(upload("cv.pdf", locked)).text == RESUME_LINE


def test_read_position_is_left_at_zero():
    file = upload("cv.pdf", minimal_pdf(RESUME_LINE))
    file.read(10)

    check_resume(file)

    assert file.tell() == 0


def test_plain_file_object_is_checked_by_its_content():
    resume = check_resume(io.BytesIO(minimal_docx()), name="cv.docx")

    assert resume.kind == "docx"


# --- Refused files ----------------------------------------------------------------------------


def test_executable_renamed_pdf_is_refused():
    elf = b"\x7fELF\x02\x01\x01\x00" + bytes(56) + b"%PDF-1.4 in the data section"

    with pytest.raises(ResumeError, match=r"not a PDF or a Word document \(\.docx\)"):
        check_resume(upload("cv.pdf", elf))


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"<!DOCTYPE html><html><body>Jane Doe</body></html>",
        b"Jane Doe, Senior Python Engineer\n",
    ],
    ids=["image", "html", "plain-text"],
)
def test_other_formats_are_refused(content: bytes):
    with pytest.raises(ResumeError, match=r"not a PDF or a Word document"):
        check_resume(upload("cv.pdf", content))


def test_word_97_document_is_refused_with_a_message_naming_docx():
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)

    with pytest.raises(ResumeError, match=r"\.docx") as refused:
        check_resume(upload("cv.doc", ole2))

    assert "older Word document (.doc)" in str(refused.value)


def test_zip_without_word_document_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("notes.txt", "Jane Doe")

    with pytest.raises(ResumeError, match=r"not a PDF or a Word document"):
        check_resume(upload("cv.docx", out.getvalue()))


def test_empty_file_is_refused():
    with pytest.raises(ResumeError, match=r"^The file is empty\.$"):
        check_resume(upload("cv.pdf", b""))


def test_upload_over_10_mb_is_refused(eleven_megabytes: bytes):
    with pytest.raises(ResumeError) as refused:
        check_resume(upload("cv.pdf", eleven_megabytes))

    assert str(refused.value) == "The file is 11.0 MB; the limit is 10 MB."


def test_file_object_over_10_mb_without_a_size_is_refused(eleven_megabytes: bytes):
    with pytest.raises(ResumeError, match=r"the limit is 10 MB"):
        check_resume(io.BytesIO(eleven_megabytes))


def test_file_just_over_the_limit_is_not_described_as_10_mb():
    class Declared(io.BytesIO):
        size = MAX_RESUME_BYTES + 1

    with pytest.raises(ResumeError) as refused:
        check_resume(Declared(b"%PDF-"))

    assert str(refused.value) == "The file is 10.1 MB; the limit is 10 MB."


def test_pdf_with_a_password_is_refused():
    locked = encrypted_pdf(user_password="user-secret", owner_password="owner-secret")

    with pytest.raises(ResumeError) as refused:
        check_resume(upload("cv.pdf", locked))

    assert str(refused.value) == "This PDF is password-protected: upload one Hunter can read."


def test_pdf_that_cannot_be_parsed_is_refused():
    with pytest.raises(ResumeError, match=r"This PDF is damaged"):
        check_resume(upload("cv.pdf", b"%PDF-1.7\nnothing of a PDF follows\n"))


def test_document_unpacking_to_over_20_mb_is_refused():
    # Twenty-one megabytes of one character deflate to about twenty kilobytes.
    bomb = minimal_docx(document=docx_document(" " * (21 * 1024 * 1024)))
    assert len(bomb) < MAX_RESUME_BYTES

    with pytest.raises(ResumeError, match=r"too large to read once unpacked"):
        check_resume(upload("cv.docx", bomb))
