from __future__ import annotations

import hashlib

import factory

from jobs.models import Job


class JobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Job

    title = "Backend Engineer"
    company = factory.Sequence(lambda n: f"Company {n}")
    location = "Remote"
    url = factory.Sequence(lambda n: f"https://jobs.example.com/postings/{n}")
    description = "<p>Build and run our services.</p>"
    dedup_hash = factory.LazyAttribute(lambda job: hashlib.sha256(job.url.encode()).hexdigest())
