from __future__ import annotations

import pytest
from django.db import IntegrityError

from jobs.models import Job
from jobs.tests.factories import JobFactory

pytestmark = pytest.mark.django_db


def test_search_vector_is_filled_on_insert():
    job = JobFactory(title="Platform Engineer", description="<p>Kubernetes and Terraform.</p>")
    assert list(Job.objects.search("kubernetes")) == [job]


def test_search_vector_follows_an_update():
    job = JobFactory(title="Data Analyst")
    job.title = "Compiler Engineer"
    job.save(update_fields=["title"])
    assert list(Job.objects.search("compiler")) == [job]
    assert not Job.objects.search("analyst").exists()


def test_search_vector_follows_a_bulk_update():
    job = JobFactory(description="<p>Ruby on Rails.</p>")
    Job.objects.filter(pk=job.pk).update(description="<p>Elixir and Phoenix.</p>")
    assert list(Job.objects.search("elixir")) == [job]
    assert not Job.objects.search("rails").exists()


def test_updating_other_fields_keeps_the_search_vector():
    job = JobFactory(title="Elixir Engineer")
    Job.objects.filter(pk=job.pk).update(match_score=90, is_hidden=True)
    assert Job.objects.search("elixir").get() == job


def test_html_tags_in_descriptions_are_not_indexed():
    JobFactory(description='<div class="strong">Plain words</div>')
    assert not Job.objects.search("strong").exists()
    assert Job.objects.search("plain words").exists()


def test_title_match_ranks_above_description_match():
    in_description = JobFactory(title="Backend Engineer", description="<p>We use Rust daily.</p>")
    in_title = JobFactory(title="Rust Engineer", description="<p>Systems work.</p>")
    assert list(Job.objects.search("rust")) == [in_title, in_description]


def test_company_match_ranks_between_title_and_description():
    in_description = JobFactory(title="Engineer", description="<p>Stripe integration.</p>")
    in_company = JobFactory(title="Engineer", company="Stripe")
    in_title = JobFactory(title="Stripe Payments Engineer")
    assert list(Job.objects.search("stripe")) == [in_title, in_company, in_description]


def test_duplicate_dedup_hash_is_refused():
    first = JobFactory()
    with pytest.raises(IntegrityError):
        JobFactory(url="https://elsewhere.example.com/1", dedup_hash=first.dedup_hash)


def test_visible_leaves_out_hidden_jobs():
    shown = JobFactory()
    JobFactory(is_hidden=True)
    assert list(Job.objects.visible()) == [shown]
