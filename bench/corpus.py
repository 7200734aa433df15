"""Realistic job text, recombined: common words common, rare words rare."""

from __future__ import annotations

import random

TITLES = [
    "Software Engineer", "Senior Software Engineer", "Staff Engineer", "Backend Engineer",
    "Frontend Engineer", "Full Stack Developer", "Data Engineer", "Data Scientist",
    "Machine Learning Engineer", "Site Reliability Engineer", "DevOps Engineer",
    "Platform Engineer", "Security Engineer", "Product Manager", "Engineering Manager",
    "Product Designer", "QA Engineer", "Mobile Engineer (iOS)", "Android Developer",
    "Solutions Architect", "Technical Writer", "Customer Success Manager", "Data Analyst",
    "Analytics Engineer", "Embedded Software Engineer", "Compiler Engineer",
]  # fmt: skip
LEVELS = ["", "", "", "Junior ", "Senior ", "Lead ", "Principal "]
TEAMS = ["Payments", "Growth", "Infrastructure", "Search", "Billing", "Identity", "Risk",
         "Core Platform", "Developer Experience", "Marketplace", "Logistics", "Ads"]  # fmt: skip
COMPANIES = [f"{a} {b}" for a in ("Acme", "Northwind", "Globex", "Initech", "Umbrella", "Hooli",
             "Stark", "Wayne", "Vandelay", "Pied Piper", "Soylent", "Tyrell", "Cyberdyne",
             "Wonka", "Aperture", "Black Mesa", "Massive Dynamic", "Oscorp", "Gringotts",
             "Monarch") for b in ("Labs", "Robotics", "Health", "Systems", "Analytics", "Inc")]  # fmt: skip
LOCATIONS = ["Remote", "Remote - US", "Remote (Europe)", "New York, NY", "San Francisco, CA",
             "London, UK", "Berlin, Germany", "Austin, TX", "Toronto, Canada", "Hybrid - Seattle, WA",
             "Amsterdam, Netherlands", "Paris, France", "Anywhere", "Bangalore, India"]  # fmt: skip
INTRO = [
    "We are building the operating system for modern logistics, and we are hiring.",
    "Our mission is to make financial services accessible to everyone.",
    "Join a small team that ships fast and cares deeply about quality.",
    "We help hospitals use clinical data to improve patient outcomes.",
    "Millions of people rely on our product every day to get their work done.",
    "We are a remote-first company with teammates in over twenty countries.",
    "Backed by leading investors, we have grown revenue threefold in the last year.",
]
DUTIES = [
    "Design, build and operate services that handle millions of requests per day.",
    "Work closely with product and design to turn ideas into shipped features.",
    "Own the reliability, performance and security of the systems you build.",
    "Write clean, well-tested code and review the code of your teammates.",
    "Mentor engineers and help grow a culture of technical excellence.",
    "Improve our CI/CD pipelines, observability and on-call practices.",
    "Build data pipelines that feed analytics, reporting and machine learning models.",
    "Partner with customers to understand their needs and solve their problems.",
    "Lead the migration of legacy systems to a modern event-driven architecture.",
    "Profile and optimise queries against large PostgreSQL databases.",
    "Develop APIs used by thousands of third-party developers.",
    "Contribute to architecture decisions and write design documents.",
    "Run experiments, analyse the results and share what you learned.",
    "Automate infrastructure with Terraform and Kubernetes on AWS.",
    "Build accessible, responsive interfaces with React and TypeScript.",
]
SKILLS = [
    "Python",
    "Django",
    "Go",
    "Rust",
    "Java",
    "Kotlin",
    "TypeScript",
    "React",
    "PostgreSQL",
    "Redis",
    "Kafka",
    "Kubernetes",
    "Terraform",
    "AWS",
    "GCP",
    "Azure",
    "Spark",
    "Airflow",
    "dbt",
    "Snowflake",
    "PyTorch",
    "TensorFlow",
    "GraphQL",
    "gRPC",
    "Elixir",
    "Scala",
    "Haskell",
    "OCaml",
    "Clojure",
    "Erlang",
    "Zig",
    "Fortran",
    "COBOL",
    "Solidity",
    "Julia",
]
REQUIREMENTS = [
    "{n}+ years of professional software development experience.",
    "Strong experience with {a} and {b} in production.",
    "Familiarity with {a} is a plus, but not required.",
    "Experience designing distributed systems at scale.",
    "Excellent written and verbal communication skills.",
    "A bachelor's degree in computer science or equivalent practical experience.",
    "Comfort working in a fast-paced, ambiguous environment.",
    "Hands-on experience with {a}, {b} or similar technologies.",
    "You enjoy collaborating across teams and time zones.",
]
BENEFITS = [
    "Competitive salary and meaningful equity.",
    "Comprehensive health, dental and vision insurance.",
    "Generous parental leave and flexible working hours.",
    "A yearly learning budget and a home-office stipend.",
    "Twenty-five days of paid vacation plus public holidays.",
    "401(k) matching and regular team offsites.",
]
SALARIES = ["$120K", "$80,000 - $100,000", "£45k–£55k per annum", "USD 150,000–180,000/yr",
            "$50/hr", "€60.000 - €70.000", "Competitive", "", "", "", ""]  # fmt: skip


def _skill(rng: random.Random) -> str:
    # Zipf-like: early skills are common, late ones rare.
    return SKILLS[min(int(rng.paretovariate(1.2)) - 1, len(SKILLS) - 1)]


def description(rng: random.Random) -> str:
    """An HTML description of about 350 to 700 words."""
    parts = [f"<p>{' '.join(rng.sample(INTRO, 3))}</p>", "<h3>What you'll do</h3><ul>"]
    parts += [f"<li>{duty}</li>" for duty in rng.sample(DUTIES, rng.randint(5, 9))]
    parts.append("</ul><h3>What we're looking for</h3><ul>")
    for _ in range(rng.randint(5, 9)):
        line = rng.choice(REQUIREMENTS).format(n=rng.randint(2, 10), a=_skill(rng), b=_skill(rng))
        parts.append(f"<li>{line}</li>")
    parts.append("</ul><h3>Benefits</h3><ul>")
    parts += [f"<li>{benefit}</li>" for benefit in rng.sample(BENEFITS, 4)]
    parts.append("</ul>")
    parts += [f"<p>{' '.join(rng.sample(DUTIES + INTRO, 6))}</p>" for _ in range(rng.randint(2, 5))]
    return "".join(parts)


def title(rng: random.Random) -> str:
    return f"{rng.choice(LEVELS)}{rng.choice(TITLES)}, {rng.choice(TEAMS)}"
