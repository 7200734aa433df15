from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from profiles.models import UserProfile
from profiles.tests.documents import RESUME_LINE, minimal_docx, minimal_pdf

pytestmark = pytest.mark.django_db

UPLOAD = reverse("profiles:upload_resume")
HTMX = {"HTTP_HX_REQUEST": "true"}


def _file(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _upload_pdf(client) -> UserProfile:
    client.post(UPLOAD, {"resume": _file("Jane Doe CV.pdf", minimal_pdf(RESUME_LINE))})
    return UserProfile.objects.get()


def test_pdf_upload_stores_the_file_and_its_text(logged_in_client, settings):
    profile = _upload_pdf(logged_in_client)
    assert profile.resume_name == "Jane Doe CV.pdf"
    assert RESUME_LINE in profile.resume_text
    assert profile.resume.path.startswith(str(settings.MEDIA_ROOT))
    assert profile.resume.path.endswith(".pdf")
    page = logged_in_client.get(reverse("profiles:edit"))
    assert RESUME_LINE in page.text  # the user sees what Hunter reads


def test_docx_upload_stores_the_file_and_its_text(logged_in_client):
    response = logged_in_client.post(UPLOAD, {"resume": _file("cv.docx", minimal_docx())}, **HTMX)
    assert response.text.lstrip().startswith('<section id="resume"')
    profile = UserProfile.objects.get()
    assert profile.resume.name.endswith(".docx")
    assert "Jane Doe" in profile.resume_text and "8 years" in profile.resume_text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("resume.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "not a PDF or a Word document"),
        ("resume.pdf", b"", "empty"),
        ("resume.pdf", b"%PDF-1.7\n" + b"0" * (11 * 1024 * 1024), "the limit is 10 MB"),
    ],
)
def test_refused_upload_keeps_the_old_resume(logged_in_client, name, content, message):
    before = _upload_pdf(logged_in_client)
    response = logged_in_client.post(UPLOAD, {"resume": _file(name, content)})
    assert response.status_code == 400
    assert message in response.text
    after = UserProfile.objects.get()
    assert (after.resume.name, after.resume_text) == (before.resume.name, before.resume_text)
    assert after.resume.storage.exists(after.resume.name)


def test_replacing_the_resume_removes_the_old_file(logged_in_client):
    old = _upload_pdf(logged_in_client).resume.name
    logged_in_client.post(UPLOAD, {"resume": _file("new.docx", minimal_docx())})
    profile = UserProfile.objects.get()
    assert profile.resume.name != old
    assert not profile.resume.storage.exists(old)


def test_owner_downloads_the_resume(logged_in_client):
    _upload_pdf(logged_in_client)
    response = logged_in_client.get(reverse("profiles:resume"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert 'filename="Jane Doe CV.pdf"' in response["Content-Disposition"]


def test_another_user_cannot_download_the_resume(logged_in_client, django_user_model):
    _upload_pdf(logged_in_client)
    other = Client()
    other.force_login(django_user_model.objects.create_user("bo", password="pw-long-enough-1"))
    assert other.get(reverse("profiles:resume")).status_code == 404


def test_anonymous_visitor_cannot_download_the_resume(logged_in_client):
    _upload_pdf(logged_in_client)
    assert Client().get(reverse("profiles:resume")).status_code == 302
