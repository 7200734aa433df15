from __future__ import annotations

import factory

from boards.models import JobBoard


class JobBoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobBoard

    name = factory.Sequence(lambda n: f"Board {n}")
    url = factory.Sequence(lambda n: f"https://boards.greenhouse.io/company{n}")
    scraper_config = {"type": "greenhouse"}
