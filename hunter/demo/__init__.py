"""The demo: a realistic installation to look around in, loaded offline, and taken away.

`load_demo` adds boards with their scan history, a few hundred jobs stored and
scored the way scans store them (`store_scraped_jobs`), applications in every status
with the audit trail a real run writes, and fills in the profile. Every row it adds at
the top (boards, jobs, the profile or its answers, schools and past jobs) gets a
DemoRecord; a profile that existed gets one holding the blanks it had.

`clear_demo` removes exactly those: a board takes its scans with it and the jobs found
on it (by the demo, or by scans of it since), a job its applications and their logs,
and a profile that existed gets its blanks back wherever the demo's value is still there.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.text import slugify
from django_countries.fields import Country, MultipleCountriesDescriptor

from applications.autofill.fields import detect_field_type
from applications.autofill.review import needs_human_review
from applications.autofill.values import propose_values
from applications.models import Application, ApplicationLog
from boards.models import JobBoard, Scan
from boards.scanning import compute_dedup_hash, filter_by_keywords, store_scraped_jobs
from boards.scrapers.base import ScrapedJob
from hunter.demo import sample
from hunter.models import DemoRecord
from jobs import corpus
from jobs.models import Job
from jobs.scoring import rescore_jobs
from profiles.models import Answer, Education, UserProfile, WorkExperience

SEED = 2026
JOB_DAYS = 60
SCAN_HISTORY = 8  # scans kept per board
BLANK: tuple[Any, ...] = ("", None, [])
# Deleted in this order, after the jobs; what each cascades to goes with it.
CLEAR_ORDER = (JobBoard, Answer, Education, WorkExperience, UserProfile)


class DemoAlreadyLoaded(Exception):
    pass


@dataclass
class DemoSummary:
    """What was loaded or removed, counted."""

    boards: int = 0
    scans: int = 0
    jobs: int = 0
    applications: int = 0
    answers: int = 0
    education: int = 0
    experience: int = 0
    # "created", "filled" (some blanks), "kept" (nothing blank), "deleted", "restored".
    profile: str = ""
    profile_fields: int = 0


def demo_user() -> AbstractBaseUser | None:
    """Whose profile the demo fills: the owner's, else the first administrator, else the
    first login; None when there is no login yet."""
    if profile := UserProfile.owner():
        return profile.user
    users = get_user_model().objects.order_by("-is_superuser", "pk")
    return users.first()


def is_loaded() -> bool:
    return DemoRecord.objects.exists()


def load_demo(*, user: AbstractBaseUser, now: datetime | None = None) -> DemoSummary:
    """Load the demo for `user`'s profile. The same every time (a fixed seed), dated
    relative to `now`. Raises DemoAlreadyLoaded when it is loaded already."""
    now = now or timezone.now()
    rng = random.Random(SEED)
    summary = DemoSummary()
    with transaction.atomic():
        if is_loaded():
            raise DemoAlreadyLoaded(
                "The demo is already loaded. `manage.py demo --clear` removes it; run "
                "`manage.py demo` again after that for a fresh copy."
            )
        records: list[DemoRecord] = []
        profile = _fill_profile(user=user, summary=summary, records=records)
        jobs: list[Job] = []
        for spec in sample.BOARDS:
            board, board_jobs = _add_board(spec, rng=rng, now=now, summary=summary)
            records.append(_record(board))
            records += [_record(job) for job in board_jobs]
            jobs += board_jobs
        _hide_some(jobs, rng=rng)
        _save_history(jobs)
        summary.jobs = len(jobs)
        summary.applications = _add_applications(jobs, profile=profile, rng=rng, now=now)
        DemoRecord.objects.bulk_create(records)
    return summary


def clear_demo() -> DemoSummary:
    """Remove what `load_demo` added, and give a profile it filled in its blanks back."""
    summary = DemoSummary()
    with transaction.atomic():
        records = list(
            DemoRecord.objects.select_for_update(of=("self",)).select_related("content_type")
        )
        ids: dict[type[Model], list[str]] = defaultdict(list)
        rescore = False
        for record in records:
            model = record.content_type.model_class()
            if record.previous is None:
                ids[model].append(record.object_id)
            elif profile := UserProfile.objects.filter(pk=record.object_id).first():
                restored = _restore_profile(profile, record.previous)
                summary.profile, summary.profile_fields = "restored", len(restored)
                rescore |= bool(restored & sample.PREFERENCE_FIELDS)
        # A board's jobs outlive it (applications refer to them); not the demo's.
        jobs = Job.objects.filter(Q(pk__in=ids[Job]) | Q(board__in=ids[JobBoard]))
        summary.applications = Application.objects.filter(job__in=jobs).count()
        summary.jobs = jobs.delete()[1].get(Job._meta.label, 0)
        summary.boards = JobBoard.objects.filter(pk__in=ids[JobBoard]).count()
        summary.scans = Scan.objects.filter(board__in=ids[JobBoard]).count()
        for model in CLEAR_ORDER:
            deleted = model.objects.filter(pk__in=ids[model]).delete()[1].get(model._meta.label, 0)
            if model is Answer:
                summary.answers = deleted
            elif model is Education:
                summary.education = deleted
            elif model is WorkExperience:
                summary.experience = deleted
            elif model is UserProfile and deleted:
                summary.profile, rescore = "deleted", True
        DemoRecord.objects.filter(pk__in=[record.pk for record in records]).delete()
        if rescore and Job.objects.exists():
            rescore_jobs()  # the user's own jobs, for the profile as it is again
    return summary


# --- The profile --------------------------------------------------------------------


def _fill_profile(
    *, user: AbstractBaseUser, summary: DemoSummary, records: list[DemoRecord]
) -> UserProfile:
    """The user's profile with the demo's answers: created, or, when it exists, only its
    blank fields and empty lists filled. Jobs stored before are scored again when the
    preferences changed."""
    profile = UserProfile.objects.filter(user=user).first()
    created = profile is None
    if profile is None:
        profile = UserProfile.objects.create(user=user, **sample.PROFILE, **sample.NEW_PROFILE_ONLY)
        records.append(_record(profile))
        summary.profile, summary.profile_fields = "created", len(sample.PROFILE)
        filled = set(sample.PROFILE)
    else:
        previous = {
            name: _value(profile, name) for name in sample.PROFILE if _value(profile, name) in BLANK
        }
        for name in previous:
            setattr(profile, name, sample.PROFILE[name])
        if previous:
            profile.save(update_fields=[*previous, "updated_at"])
            records.append(_record(profile, previous=previous))
        summary.profile = "filled" if previous else "kept"
        summary.profile_fields = len(previous)
        filled = set(previous)

    answers = [
        Answer(profile=profile, kind=kind, questions=questions, text=text, position=position)
        for position, (kind, questions, text) in enumerate(sample.ANSWERS)
    ]
    education = [
        Education(profile=profile, school=school, degree=degree, field_of_study=subject,
                  start_date=start, end_date=end, position=position)
        for position, (school, degree, subject, start, end) in enumerate(sample.EDUCATION)
    ]  # fmt: skip
    experience = [
        WorkExperience(profile=profile, company=company, title=title, location=location,
                       start_date=start, end_date=end, description=text, position=position)
        for position, (company, title, location, start, end, text) in enumerate(sample.EXPERIENCE)
    ]  # fmt: skip
    # A list the user started is theirs: the demo adds only to empty ones.
    for rows, name in ((answers, "answers"), (education, "education"), (experience, "experience")):
        model = type(rows[0])
        if model.objects.filter(profile=profile).exists():
            continue
        model.objects.bulk_create(rows)
        if not created:  # else they go with the profile
            records += [_record(row) for row in rows]
        setattr(summary, name, len(rows))

    if filled & sample.PREFERENCE_FIELDS and Job.objects.exists():
        rescore_jobs()
    return profile


def _value(profile: UserProfile, name: str) -> Any:
    """A profile field's value as JSON: countries as their codes."""
    value = getattr(profile, name)
    if isinstance(value, Country):
        return value.code
    if isinstance(value, MultipleCountriesDescriptor):
        return [country.code for country in value]
    return value


def _restore_profile(profile: UserProfile, previous: dict[str, Any]) -> set[str]:
    """Put back the values the demo filled in over, where the demo's value is still
    there (the user may have changed it since); the names of those put back."""
    restored = {
        name
        for name, value in previous.items()
        if name in sample.PROFILE and _value(profile, name) == sample.PROFILE[name]
    }
    for name in restored:
        setattr(profile, name, previous[name])
    if restored:
        profile.save(update_fields=[*restored, "updated_at"])
    return restored


def _record(row: Model, previous: dict[str, Any] | None = None) -> DemoRecord:
    return DemoRecord(
        content_type=ContentType.objects.get_for_model(row),
        object_id=str(row.pk),
        previous=previous,
    )


# --- Boards, scans and jobs ---------------------------------------------------------


@dataclass
class _Planned:
    """When a posting was first found, last seen and found gone, in its board's scans."""

    first_scan: int  # scans count back from the latest (0)
    closed_scan: int | None
    posted_at: datetime


def _add_board(
    spec: sample.SampleBoard, *, rng: random.Random, now: datetime, summary: DemoSummary
) -> tuple[JobBoard, list[Job]]:
    """The board, its jobs as its scans found them over JOB_DAYS, and its latest scans."""
    interval = timedelta(minutes=spec.scan_interval_minutes)
    latest = now - interval * rng.uniform(0.1, 0.8)
    scan_count = int(timedelta(days=JOB_DAYS) / interval)
    scan_times = [latest - interval * number for number in range(scan_count)]
    first_good = spec.failed_scans  # the latest scan that succeeded
    board = JobBoard.objects.create(
        name=spec.name,
        url=spec.url,
        scan_interval_minutes=spec.scan_interval_minutes,
        keyword_filters=list(spec.keyword_filters),
        scraper_config=spec.scraper_config,
        last_scanned_at=latest + timedelta(seconds=rng.uniform(2, 9)),
        last_scan_status=JobBoard.ScanStatus.FAILED if spec.error else JobBoard.ScanStatus.SUCCESS,
        last_scan_error=spec.error,
    )
    board.created_at = board.updated_at = scan_times[-1] - timedelta(minutes=3)
    JobBoard.objects.filter(pk=board.pk).update(
        created_at=board.created_at, updated_at=board.updated_at
    )

    scraped, extra_fetched = _postings(spec, rng=rng)
    plans: dict[str, _Planned] = {}
    for job in scraped:
        # Recent scans found more: the board's age weighs less than its last weeks.
        first = min(first_good + int(rng.random() ** 1.3 * scan_count), scan_count - 1)
        closed = None
        if first - first_good > scan_count // 6 and rng.random() < 0.15:
            closed = rng.randint(first_good, first - 1)
        posted = scan_times[first] - timedelta(hours=rng.uniform(0.2, 40))
        plans[compute_dedup_hash(url=job.url, title=job.title, company=job.company)] = _Planned(
            first, closed, posted
        )
    store_scraped_jobs(board=board, scraped=scraped, seen_at=now)
    jobs = list(Job.objects.filter(board=board, dedup_hash__in=plans))
    for job in jobs:
        plan = plans[job.dedup_hash]
        job.created_at = scan_times[plan.first_scan]
        job.posted_at = plan.posted_at
        if plan.closed_scan is None:
            job.last_seen_at = scan_times[first_good]
        else:
            job.last_seen_at = scan_times[plan.closed_scan + 1]
            job.closed_at = scan_times[plan.closed_scan] + timedelta(seconds=5)
        job.updated_at = job.closed_at or job.last_seen_at
        # The digest dealt with each in its time: none is e-mailed as new now.
        job.notified_at = job.created_at + timedelta(minutes=1)
        age = now - job.created_at
        job.is_new = job.closed_at is None and rng.random() < (0.85 if age.days < 4 else 0.05)

    scans = []
    for number in range(min(SCAN_HISTORY, scan_count)):
        started = scan_times[number]
        scan = Scan(board=board, started_at=started,
                    finished_at=started + timedelta(seconds=rng.uniform(1.5, 9)))  # fmt: skip
        if number < spec.failed_scans:
            scan.status, scan.error = Scan.Status.FAILED, spec.error
        else:
            found = [job for job in jobs if job.created_at <= started
                     and (job.closed_at is None or job.closed_at > started)]  # fmt: skip
            scan.status = Scan.Status.SUCCESS
            scan.kept = len(found)
            scan.fetched = scan.kept + int(scan.kept * extra_fetched)
            scan.new = sum(job.created_at == started for job in jobs)
        scans.append(scan)
    Scan.objects.bulk_create(scans)
    summary.boards += 1
    summary.scans += len(scans)
    return board, jobs


# The columns a job's history sets, with their Postgres types.
_HISTORY = {"created_at": "timestamptz", "updated_at": "timestamptz", "posted_at": "timestamptz",
            "last_seen_at": "timestamptz", "closed_at": "timestamptz",
            "notified_at": "timestamptz", "is_new": "boolean", "is_hidden": "boolean"}  # fmt: skip
_SAVE_HISTORY = f"""
    UPDATE {Job._meta.db_table} AS job
    SET {", ".join(f"{name} = history.{name}" for name in _HISTORY)}
    FROM unnest(%s::uuid[], {", ".join(f"%s::{kind}[]" for kind in _HISTORY.values())})
        AS history(id, {", ".join(_HISTORY)})
    WHERE job.id = history.id
"""


def _save_history(jobs: list[Job]) -> None:
    """Write when each job was found, seen, closed and read, in one statement."""
    columns = [[job.pk for job in jobs]]
    columns += [[getattr(job, name) for job in jobs] for name in _HISTORY]
    with connection.cursor() as cursor:
        cursor.execute(_SAVE_HISTORY, columns)


def _postings(spec: sample.SampleBoard, *, rng: random.Random) -> tuple[list[ScrapedJob], float]:
    """The board's postings as its scraper reads them, and, for a board with keyword
    filters, how many more postings its feed had for each one kept."""
    candidates: list[ScrapedJob] = []
    passing: list[ScrapedJob] = []
    urls: set[str] = set()
    while len(passing) < spec.jobs:
        batch = _candidates(spec, rng=rng, urls=urls, count=spec.jobs - len(passing))
        candidates += batch
        passing += filter_by_keywords(batch, spec.keyword_filters)
    extra = len(candidates) / len(passing) - 1
    kept = passing[: spec.jobs]
    # Never touch a posting the user has already: a scan would mark it seen again.
    hashes = {compute_dedup_hash(url=job.url, title=job.title, company=job.company): job
              for job in kept}  # fmt: skip
    known = set(Job.objects.filter(dedup_hash__in=hashes).values_list("dedup_hash", flat=True))
    return [job for dedup_hash, job in hashes.items() if dedup_hash not in known], extra


def _candidates(
    spec: sample.SampleBoard, *, rng: random.Random, urls: set[str], count: int
) -> list[ScrapedJob]:
    """`count` postings for the board, before its keyword filters, at URLs not in `urls`."""
    candidates: list[ScrapedJob] = []
    while len(candidates) < count:
        posting = corpus.posting(rng)
        company = spec.company or rng.choice(corpus.COMPANIES)
        location = rng.choice(spec.locations)
        url = spec.job_url.format(
            number=rng.randrange(4_000_000, 8_000_000),
            uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
            code=f"{rng.getrandbits(40):010X}",
            slug=slugify(f"{company} {posting.title}"),
        )
        if url in urls:
            continue
        urls.add(url)
        candidates.append(
            ScrapedJob(
                title=posting.title,
                url=url,
                company=company,
                location=location,
                description_html=posting.description,
                salary_text=_pay(location, rng=rng),
                remote="remote" in location.lower() or location == "Anywhere",
                external_id=url.rstrip("/").rsplit("/", 1)[-1],
            )
        )
    return candidates


def _pay(location: str, *, rng: random.Random) -> str:
    """The pay as the posting says it: often nothing, sometimes an hourly rate."""
    roll = rng.random()
    if roll < 0.4:
        return ""
    if roll < 0.45:
        return "Competitive"
    currency = next((money for place, money in sample.CURRENCY_OF_PLACE.items()
                     if place in location), "USD")  # fmt: skip
    if currency == "USD" and roll < 0.5:
        return rng.choice(sample.HOURLY_PAY).format(rate=rng.randrange(55, 115, 5))
    lowest, spread = sample.PAY_RANGES[currency]
    low = lowest + rng.randrange(0, spread, 5)
    high = low + rng.randrange(10, 35, 5)
    return rng.choice(sample.PAY_FORMATS[currency]).format(low=low, high=high)


def _hide_some(jobs: list[Job], *, rng: random.Random) -> None:
    """The user hid a few poor matches."""
    poor = [job for job in jobs if job.match_score < 25]
    for job in rng.sample(poor, min(len(poor), len(jobs) // 20)):
        job.is_hidden, job.is_new = True, False


# --- Applications -------------------------------------------------------------------


class _Trail:
    """An application's audit trail, written as its steps happen."""

    def __init__(self, application: Application, at: datetime) -> None:
        self.application = application
        self.at = at
        self.logs: list[ApplicationLog] = []

    def step(self, message: str, *, status: str = "", after: float = 0) -> datetime:
        self.at += timedelta(seconds=after)
        self.logs.append(ApplicationLog(application=self.application, created_at=self.at,
                                        status=status, message=message))  # fmt: skip
        if status:
            self.application.status = status
        return self.at

    def end_before(self, latest: datetime) -> None:
        """Move the whole trail back so that its last step is no later than `latest`."""
        shift = max(self.at - latest, timedelta(0))
        self.application.created_at -= shift
        for log in self.logs:
            log.created_at -= shift
        for name in ("approved_at", "submitted_at"):
            if when := getattr(self.application, name):
                setattr(self.application, name, when - shift)
        self.application.updated_at = self.logs[-1].created_at


def _add_applications(
    jobs: list[Job], *, profile: UserProfile, rng: random.Random, now: datetime
) -> int:
    """sample.APPLICATIONS, to the jobs that match best, each filled from the profile by
    Hunter's own autofill and reviewed by its own rules."""
    S = Application.Status
    open_jobs = sorted(
        (job for job in jobs if job.closed_at is None and not job.is_hidden),
        key=lambda job: (-job.match_score, job.created_at),
    )
    applications: list[Application] = []
    logs: list[ApplicationLog] = []
    applied: set[uuid.UUID] = set()
    last_failed: Job | None = None
    for status, days, form, note in sample.APPLICATIONS:
        if status == S.PENDING:
            started = now - timedelta(minutes=1)
        elif status == S.IN_PROGRESS:
            started = now - timedelta(minutes=3)
        else:
            started = now - timedelta(days=days, hours=rng.uniform(1, 12))
        if note == "retry" and last_failed is not None:
            job = last_failed
        else:
            found_by = started - timedelta(hours=2)
            fits = [job for job in open_jobs if job.pk not in applied and job.created_at < found_by]
            job = rng.choice(fits[:6])
        applied.add(job.pk)
        job.is_new = False
        application = Application(
            job=job,
            url=job.url,
            dry_run=note == "dry run",
            task_id=f"{rng.getrandbits(128):032x}",
            created_at=started,
        )
        trail = _Trail(application, started)
        _run(trail, status=status, note=note, form=form, profile=profile, rng=rng)
        trail.end_before(now - timedelta(seconds=30))
        if status == S.FAILED:
            last_failed = job
        applications.append(application)
        logs += trail.logs
    times = [(application.created_at, application.updated_at) for application in applications]
    Application.objects.bulk_create(applications)
    # bulk_create stamps the auto_now fields with the present: put the real times back.
    for application, (created, updated) in zip(applications, times, strict=True):
        application.created_at, application.updated_at = created, updated
    Application.objects.bulk_update(applications, ["created_at", "updated_at"])
    ApplicationLog.objects.bulk_create(logs)
    Job.objects.filter(pk__in=applied).update(is_new=False)
    return len(applications)


def _run(
    trail: _Trail,
    *,
    status: str,
    note: str,
    form: tuple[sample.SampleQuestion, ...],
    profile: UserProfile,
    rng: random.Random,
) -> None:
    """Walk the application through the lifecycle as the tasks and the user would, up to
    `status`, writing what they write."""
    S = Application.Status
    application = trail.application
    trail.step(
        "Started as a dry run: it will never be submitted." if application.dry_run else "Started."
    )
    application.status = S.PENDING
    if status == S.PENDING:
        return
    trail.step("Opening the application form.", status=S.IN_PROGRESS, after=rng.uniform(1, 4))
    if status == S.IN_PROGRESS:
        return
    if status == S.FAILED and not note.startswith("Submitted"):
        error = note.format(url=application.url)
        after = 17 * 60 if "stopped" in note else rng.uniform(30, 45)
        trail.step(error, status=S.FAILED, after=after)
        application.error = error
        return

    fields = [question.form_field(application.job.company) for question in form]
    for field in fields:
        field.field_type, field.type_confidence = detect_field_type(field)
    propose_values(fields, profile=profile, job=application.job)
    application.captcha = "recaptcha" if note == "recaptcha" else ""
    application.review_reasons = needs_human_review(fields, captcha=application.captcha)
    application.screenshot_path = ""
    filled = rng.uniform(25, 90)
    if application.review_reasons:
        trail.step(
            f"Filled {len(fields)} fields; {len(application.review_reasons)} need you.",
            status=S.NEEDS_REVIEW,
            after=filled,
        )
    else:
        trail.step(
            f"Filled all {len(fields)} fields with confidence.",
            status=S.READY_TO_SUBMIT,
            after=filled,
        )
    application.form_fields = [field.to_dict() for field in fields]
    if status == S.NEEDS_REVIEW:
        return
    if status == S.CANCELLED and not application.dry_run:
        trail.step(note, status=S.CANCELLED, after=rng.uniform(600, 30_000))
        return

    if application.review_reasons:
        # The user read the form, typed what Hunter did not know, and approved it all.
        for field in fields:
            if field.is_empty and field.name in sample.TYPED_IN_REVIEW:
                field.value, field.source, field.confidence = (
                    sample.TYPED_IN_REVIEW[field.name],
                    "user",
                    1.0,
                )
            field.approved = True
        application.form_fields = [field.to_dict() for field in fields]
        application.approved_at = trail.step(
            "Approved by you.", status=S.READY_TO_SUBMIT, after=rng.uniform(900, 40_000)
        )
    else:
        application.approved_at = trail.step(
            "Auto-submit is on: submitting without a review.", after=1
        )
    if status == S.READY_TO_SUBMIT:
        return
    trail.step("Dry run." if application.dry_run else "Submitting the approved values.", after=2)
    done = rng.uniform(20, 60)
    if application.dry_run:
        trail.step("Dry run: the form was filled and checked, and not submitted.",
                   status=S.CANCELLED, after=done)  # fmt: skip
    elif status == S.FAILED:
        application.error = note
        trail.step(note, status=S.FAILED, after=done)
    else:
        application.submitted_at = trail.step(
            f"Submitted: {rng.choice(sample.CONFIRMATIONS)}", status=S.SUBMITTED, after=done
        )
