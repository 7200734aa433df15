"""The user's resume: check an upload is a PDF or a Word document, and read its text.

Files are judged by their content, never by their name: a browser reports whatever
extension the user's file has, and a renamed executable says ".pdf" as easily as a
real resume does.
"""

from __future__ import annotations

import io
import math
import re
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring, iterparse
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from pypdf import PdfReader
from pypdf.errors import DependencyError

MB = 1024 * 1024
MAX_RESUME_BYTES = 10 * MB

_HEADER = re.compile(r"word/header\d*\.xml")

# Word unpacks to far more than it weighs; a real resume's document.xml is well under
# 1 MB, so 20 MB leaves room for anything genuine and refuses zip bombs.
MAX_DOCUMENT_XML_BYTES = 20 * MB
MAX_CONTENT_TYPES_BYTES = 1 * MB

PDF_CONTENT_TYPE = "application/pdf"
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCX_MAIN_PART_TYPE = f"{DOCX_CONTENT_TYPE}.main+xml"

PDF_SIGNATURE = b"%PDF-"
# Readers accept the header anywhere in the first kilobyte, and some producers do
# put a byte-order mark or blank lines before it.
PDF_HEADER_WINDOW = 1024
PDF_LEADING_BYTES = b"\xef\xbb\xbf\x00\t\n\x0c\r "
ZIP_SIGNATURE = b"PK\x03\x04"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

NOT_A_RESUME = "This file is not a PDF or a Word document (.docx)."
OLD_WORD_DOCUMENT = (
    "This is an older Word document (.doc): save it as a Word document (.docx) or a PDF, "
    "then upload that."
)
OLD_OFFICE_DOCUMENT = (
    "This is an older Microsoft Office file: save it as a Word document (.docx) or a PDF, "
    "then upload that."
)
EMPTY_FILE = "The file is empty."
PASSWORD_PROTECTED_PDF = "This PDF is password-protected: upload one Hunter can read."
DAMAGED_PDF = "This PDF is damaged and cannot be read: export it again and upload the new file."
PDF_WITHOUT_PAGES = "This PDF has no pages."
DAMAGED_DOCX = (
    "This Word document is damaged and cannot be read: save it again and upload the new file."
)
OVERSIZED_DOCX = "This Word document is too large to read once unpacked."

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Word stores a text box twice, the modern shape and a VML fallback for old readers;
# only the first is read, or its text would appear twice.
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
CONTENT_TYPES_OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"

Kind = Literal["pdf", "docx"]

# What zipfile raises for a truncated or corrupt archive; RuntimeError covers an
# encrypted member and NotImplementedError, a compression method it lacks.
DAMAGED_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError)


if TYPE_CHECKING:
    from profiles.models import UserProfile


class ResumeError(ValueError):
    """An upload Hunter will not keep; the message is written for the user."""


@dataclass(frozen=True)
class CheckedResume:
    """What an accepted upload turned out to be, and the text it holds."""

    kind: Kind
    extension: str
    content_type: str
    text: str


def check_resume(upload: UploadedFile | IO[bytes], *, name: str = "") -> CheckedResume:
    """Check that `upload` is a PDF or a Word document of a sensible size, and read it.

    Raises ResumeError, with a message for the user, for anything else. `name` (by
    default the upload's own) only words a refusal; the content decides. The upload is
    left at position 0 so the caller can save it.
    """
    name = name or getattr(upload, "name", None) or ""
    # Django knows the size of an upload before anything is read.
    size = getattr(upload, "size", None)
    if size is not None:
        _check_size(size)
    upload.seek(0)
    try:
        data = upload.read(MAX_RESUME_BYTES + 1)
    finally:
        upload.seek(0)
    _check_size(len(data))

    kind = _kind_of(data, name=name)
    if kind == "pdf":
        return CheckedResume("pdf", ".pdf", PDF_CONTENT_TYPE, extract_text(data, "pdf"))
    return CheckedResume("docx", ".docx", DOCX_CONTENT_TYPE, extract_text(data, "docx"))


def extract_text(data: bytes, kind: str) -> str:
    """The text of a PDF or Word document, normalised; empty for a scanned PDF.

    Raises ResumeError when the document is password-protected, damaged, or unpacks
    to more than MAX_DOCUMENT_XML_BYTES.
    """
    if kind == "pdf":
        text = _pdf_text(data)
    elif kind == "docx":
        text = _docx_text(data)
    else:
        raise ValueError(f"Unknown resume kind: {kind!r}")
    return _normalise(text)


def _check_size(size: int) -> None:
    if size == 0:
        raise ResumeError(EMPTY_FILE)
    if size > MAX_RESUME_BYTES:
        # Rounded up, so a file just over the limit never reads as "10.0 MB".
        megabytes = math.ceil(size * 10 / MB) / 10
        raise ResumeError(
            f"The file is {megabytes:.1f} MB; the limit is {MAX_RESUME_BYTES // MB} MB."
        )


def _kind_of(data: bytes, *, name: str) -> Kind:
    if _pdf_header_offset(data) is not None:
        return "pdf"
    if data.startswith(ZIP_SIGNATURE) and _is_docx(data):
        return "docx"
    if data.startswith(OLE2_SIGNATURE):
        # Excel and Outlook files share this container, so only the name can say
        # whether it is really a Word file.
        if name.lower().endswith((".doc", ".dot")):
            raise ResumeError(OLD_WORD_DOCUMENT)
        raise ResumeError(OLD_OFFICE_DOCUMENT)
    raise ResumeError(NOT_A_RESUME)


def _pdf_header_offset(data: bytes) -> int | None:
    head = data[:PDF_HEADER_WINDOW]
    offset = len(head) - len(head.lstrip(PDF_LEADING_BYTES))
    return offset if data.startswith(PDF_SIGNATURE, offset) else None


def _is_docx(data: bytes) -> bool:
    """True for a ZIP holding a Word main document: not an .xlsx, .odt or plain ZIP."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                return False
            content_types = _read_member(archive, "[Content_Types].xml", MAX_CONTENT_TYPES_BYTES)
    except (ResumeError, *DAMAGED_ZIP_ERRORS):
        return False
    try:
        root = fromstring(content_types)
    except (ParseError, DefusedXmlException):
        return False
    return any(
        override.get("ContentType") == DOCX_MAIN_PART_TYPE
        for override in root.iter(CONTENT_TYPES_OVERRIDE)
    )


def _read_member(archive: zipfile.ZipFile, member: str, limit: int) -> bytes:
    """A ZIP member's bytes, refused when it unpacks to more than `limit`."""
    # zipfile stops at the size the archive declares, so checking that bounds the
    # memory an archive can make us use.
    if archive.getinfo(member).file_size > limit:
        raise ResumeError(OVERSIZED_DOCX)
    with archive.open(member) as stream:
        return stream.read(limit + 1)


def _pdf_text(data: bytes) -> str:
    # Offsets inside a PDF count from its header, so any leading bytes go.
    start = _pdf_header_offset(data) or 0
    # pypdf reports a damaged file through many exception types, from its own
    # PdfReadError to KeyError and RecursionError; all mean the same to the user.
    try:
        reader = PdfReader(io.BytesIO(data[start:]))
        if reader.is_encrypted and not _opens_without_password(reader):
            raise ResumeError(PASSWORD_PROTECTED_PDF)
        pages = list(reader.pages)
    except ResumeError:
        raise
    except Exception as error:
        raise ResumeError(DAMAGED_PDF) from error
    if not pages:
        raise ResumeError(PDF_WITHOUT_PAGES)

    texts = []
    for page in pages:
        # One bad page should not cost the user the text of the others.
        try:
            texts.append(page.extract_text())
        except Exception:
            continue
    return "\n\n".join(texts)


def _opens_without_password(reader: PdfReader) -> bool:
    """True for a PDF locked only against editing or printing, which anyone can read."""
    try:
        return bool(reader.decrypt(""))
    except DependencyError:
        # AES needs the `cryptography` package; without it, the PDF cannot be read here.
        return False


def _docx_text(data: bytes) -> str:
    # Resume templates often keep the name and contact details in the page header.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            headers = sorted(name for name in archive.namelist() if _HEADER.fullmatch(name))
            parts = [
                _read_member(archive, member, MAX_DOCUMENT_XML_BYTES)
                for member in [*headers, "word/document.xml"]
            ]
    except (KeyError, *DAMAGED_ZIP_ERRORS) as error:
        raise ResumeError(DAMAGED_DOCX) from error
    try:
        return "\n".join(line for part in parts for line in _docx_paragraphs(part))
    except (ParseError, DefusedXmlException) as error:
        raise ResumeError(DAMAGED_DOCX) from error


def _docx_paragraphs(document: bytes) -> list[str]:
    """Each paragraph's text, in document order, table cells and text boxes included."""
    paragraphs: list[str] = []
    # The paragraphs being read: a text box's paragraphs sit inside another's run.
    open_paragraphs: list[list[str]] = []
    # The tags from the root to the current element, to know a tab's parent.
    path: list[str] = []
    skipping_depth = 0
    for event, element in iterparse(io.BytesIO(document), events=("start", "end")):
        tag = element.tag
        if event == "start":
            path.append(tag)
            if skipping_depth or tag == MC_FALLBACK:
                skipping_depth += 1
            elif tag == f"{W}p":
                open_paragraphs.append([])
            # Tab stops in a paragraph's properties are also <w:tab>; only a run's
            # tab is a character of the text.
            elif tag == f"{W}tab" and path[-2:-1] == [f"{W}r"] and open_paragraphs:
                open_paragraphs[-1].append("\t")
            elif tag in (f"{W}br", f"{W}cr") and open_paragraphs:
                open_paragraphs[-1].append("\n")
            continue

        path.pop()
        if skipping_depth:
            skipping_depth -= 1
        elif tag == f"{W}t" and open_paragraphs:
            open_paragraphs[-1].append(element.text or "")
        elif tag == f"{W}p" and open_paragraphs:
            paragraphs.append("".join(open_paragraphs.pop()))
        # Nothing is looked at twice, so finished elements need not stay in memory.
        element.clear()
    return paragraphs


TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
BLANK_LINES = re.compile(r"\n{3,}")


def _normalise(text: str) -> str:
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    text = TRAILING_SPACE.sub("", text)
    return BLANK_LINES.sub("\n\n", text).strip()


def replace_resume(*, profile: UserProfile, upload: UploadedFile) -> None:
    """Check an upload and make it the profile's resume, with its text; the previous
    file is removed only once the new one is stored. Raises ResumeError, keeping the
    old resume, when the upload is refused."""
    checked = check_resume(upload, name=upload.name or "")
    previous = profile.resume.name if profile.resume else ""
    # A random name: the user's own file name stays in resume_name, not on the disk.
    profile.resume.save(f"{uuid.uuid4().hex}{checked.extension}", upload, save=False)
    profile.resume_name = Path(upload.name or f"resume{checked.extension}").name[:255]
    profile.resume_content_type = checked.content_type
    profile.resume_text = checked.text
    profile.resume_uploaded_at = timezone.now()
    profile.save(
        update_fields=[
            "resume", "resume_name", "resume_content_type", "resume_text",
            "resume_uploaded_at", "updated_at",
        ]
    )  # fmt: skip
    if previous and previous != profile.resume.name:
        profile.resume.storage.delete(previous)
