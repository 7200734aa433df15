"""Realistic job text, recombined: common words common, rare words rare.

A posting is of one kind of job (backend, data, infrastructure, design...), in about
the shares job boards list them, and asks for a few skills drawn from what that kind
of job asks for. So across many postings "experience" is in nearly all of them,
"python" in about a quarter, "kubernetes" in under a tenth and "cobol" or "fortran" in
one or two in a thousand, as on a real board. `posting(rng)` gives a title and its
description together; `title(rng)` and `description(rng)` each give one alone.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

LEVELS = ["", "", "", "", "Junior ", "Senior ", "Senior ", "Lead ", "Staff ", "Principal "]
TEAMS = ["Payments", "Growth", "Infrastructure", "Search", "Billing", "Identity", "Risk",
         "Core Platform", "Developer Experience", "Marketplace", "Logistics", "Ads"]  # fmt: skip
COMPANIES = [f"{a} {b}" for a in ("Acme", "Northwind", "Globex", "Initech", "Umbrella", "Hooli",
             "Stark", "Wayne", "Vandelay", "Pied Piper", "Soylent", "Tyrell", "Cyberdyne",
             "Wonka", "Aperture", "Black Mesa", "Massive Dynamic", "Oscorp", "Gringotts",
             "Monarch")
             for b in ("Labs", "Robotics", "Health", "Systems", "Analytics", "Inc")]  # fmt: skip
LOCATIONS = ["Remote", "Remote - US", "Remote (Europe)", "New York, NY", "San Francisco, CA",
             "London, UK", "Berlin, Germany", "Austin, TX", "Toronto, Canada",
             "Hybrid - Seattle, WA", "Amsterdam, Netherlands", "Paris, France", "Anywhere",
             "Bangalore, India"]  # fmt: skip
SALARIES = ["$120K", "$80,000 - $100,000", "£45k–£55k per annum", "USD 150,000–180,000/yr",
            "$50/hr", "€60.000 - €70.000", "Competitive", "", "", "", ""]  # fmt: skip

INTRO = [
    "We are building the operating system for modern logistics, and we are hiring.",
    "Our mission is to make financial services accessible to everyone.",
    "Join a small team that ships fast and cares deeply about quality.",
    "We help hospitals use clinical data to improve patient outcomes.",
    "Millions of people rely on our product every day to get their work done.",
    "We are a remote-first company with teammates in over twenty countries.",
    "Backed by leading investors, we have grown revenue threefold in the last year.",
    "We make software that helps farmers grow more food with less water.",
    "Our platform lets small businesses accept payments in minutes.",
    "We stop fraud before it reaches our customers, and we do it in milliseconds.",
    "We are a profitable, founder-led company that has been around for ten years.",
    "Our customers include some of the largest retailers in the world.",
]
COMMON_DUTIES = [
    "Work closely with product and design to turn ideas into shipped features.",
    "Own the reliability, performance and security of the systems you build.",
    "Write clean, well-tested code and review the code of your teammates.",
    "Mentor engineers and help grow a culture of technical excellence.",
    "Contribute to architecture decisions and write design documents.",
    "Take part in a fair on-call rotation for the services your team owns.",
    "Break large problems into small steps and deliver them iteratively.",
]
COMMON_REQUIREMENTS = [
    "{n}+ years of professional software development experience.",
    "Excellent written and verbal communication skills.",
    "A bachelor's degree in computer science or equivalent practical experience.",
    "Comfort working in a fast-paced, ambiguous environment.",
    "You enjoy collaborating across teams and time zones.",
    "Experience working in an agile team with regular releases.",
    "A habit of writing things down and sharing what you learn.",
]
SKILL_REQUIREMENTS = [
    "Strong experience with {a} and {b} in production.",
    "Familiarity with {a} is a plus, but not required.",
    "Hands-on experience with {a}, {b} or similar technologies.",
    "Deep knowledge of {a}, and curiosity about {b}.",
    "You have shipped and maintained real systems built with {a}.",
]
BENEFITS = [
    "Competitive salary and meaningful equity.",
    "Comprehensive health, dental and vision insurance.",
    "Generous parental leave and flexible working hours.",
    "A yearly learning budget and a home-office stipend.",
    "Twenty-five days of paid vacation plus public holidays.",
    "401(k) matching and regular team offsites.",
    "A new laptop and the equipment you need to do your best work.",
    "Wellness allowance and mental health support.",
]
TEAM = [
    "You will join the {team} team: {n} engineers, a product manager and a designer.",
    "The {team} team owns its services end to end, from the first sketch to production.",
    "Our {team} team is growing and this is one of its first hires in this role.",
    "You will report to the head of the {team} group and work with every other team.",
]
HOW_WE_WORK = [
    "We work in small, autonomous teams that own what they build.",
    "We write a short design document for any large change and review it together.",
    "We deploy many times a day, behind feature flags, and roll back without drama.",
    "We protect focus time: most days have no more than one meeting.",
    "Everyone spends a day with our support team every quarter to hear from customers.",
    "We favour boring technology and spend our novelty budget where it matters.",
    "New teammates ship something to production in their first week.",
    "We meet in person twice a year and work asynchronously the rest of the time.",
    "Our code review is kind, quick and focused on what matters.",
]
CLOSING = [
    "We are an equal opportunity employer and value diversity at our company. We do not "
    "discriminate on the basis of race, religion, color, national origin, gender, sexual "
    "orientation, age, marital status, veteran status or disability status.",
    "If you need an accommodation during the interview process, please let us know.",
    "Our interview process has four steps: an introductory call, a technical conversation, "
    "a short take-home exercise and a final meeting with the team.",
    "Even if you do not meet every requirement, we encourage you to apply.",
    "We review every application and reply to every candidate within two weeks.",
]


@dataclass(frozen=True)
class Role:
    """A kind of job: how often boards list it, what it is called and does, and which
    skills it asks for (with relative weights: a posting picks a few)."""

    share: float
    titles: tuple[str, ...]
    duties: tuple[str, ...]
    skills: dict[str, float]
    engineering: bool = True


# fmt: off
ROLES = [
    Role(22, ("Software Engineer", "Backend Engineer", "Full Stack Developer", "Software Developer",
              "API Engineer", "Backend Developer"),
         ("Design, build and operate services that handle millions of requests per day.",
          "Develop APIs used by thousands of third-party developers.",
          "Lead the migration of legacy systems to a modern event-driven architecture.",
          "Profile and optimise queries against large PostgreSQL databases.",
          "Build and scale the distributed systems behind our {team} platform.",
          "Improve our CI/CD pipelines, observability and on-call practices.",
          "Keep our {a} services fast as traffic grows tenfold."),
         {"Python": 30, "Java": 22, "Go": 14, "TypeScript": 12, "Node.js": 10, "Ruby": 6,
          "Django": 9, "Rails": 5, "Spring": 6, "PostgreSQL": 18, "MySQL": 7, "Redis": 8,
          "Kafka": 6, "gRPC": 3, "Kotlin": 4, "Rust": 3, "Scala": 2.5, "Elixir": 1.5, "C#": 7,
          ".NET": 5, "PHP": 5, "Docker": 8, "AWS": 12, "Kubernetes": 4, "Terraform": 1.5,
          "Haskell": 0.4, "Clojure": 0.5, "Erlang": 0.3, "OCaml": 0.2}),
    Role(10, ("Frontend Engineer", "UI Engineer", "Web Developer", "Frontend Developer"),
         ("Build accessible, responsive interfaces with {a} and {b}.",
          "Own our design system and the components every team builds on.",
          "Make our web app fast on slow phones and flaky networks.",
          "Work with designers to prototype, test and refine new features."),
         {"React": 40, "TypeScript": 35, "JavaScript": 30, "Next.js": 8, "Vue": 9, "Angular": 7,
          "GraphQL": 7, "CSS": 18, "Node.js": 7, "Figma": 4, "Svelte": 1.5, "Elm": 0.3}),
    Role(5, ("iOS Engineer", "Android Developer", "Mobile Engineer", "Mobile Developer (iOS)"),
         ("Build features for our iOS and Android apps used by millions.",
          "Keep our apps fast, small and crash-free.",
          "Shape how we test and release mobile apps every week."),
         {"Swift": 30, "Kotlin": 30, "React Native": 12, "Flutter": 8, "Objective-C": 4,
          "Java": 6, "Dart": 3}),
    Role(9, ("Data Engineer", "Analytics Engineer", "Data Analyst", "BI Developer"),
         ("Build data pipelines that feed analytics, reporting and machine learning models.",
          "Model our data in the warehouse so that anyone can answer their own questions.",
          "Run experiments, analyse the results and share what you learned.",
          "Keep our pipelines reliable, tested and well documented."),
         {"SQL": 40, "Python": 35, "Spark": 14, "Airflow": 12, "dbt": 11, "Snowflake": 11,
          "BigQuery": 8, "Kafka": 5, "Tableau": 8, "Looker": 5, "Scala": 4, "AWS": 8,
          "Databricks": 5}),
    Role(6, ("Machine Learning Engineer", "Data Scientist", "Applied Scientist",
             "ML Platform Engineer", "Research Engineer"),
         ("Train, evaluate and deploy machine learning models that serve real customers.",
          "Turn research ideas into production machine learning systems.",
          "Build the feature pipelines and evaluation tooling our models depend on.",
          "Run experiments, analyse the results and share what you learned."),
         {"Python": 55, "PyTorch": 22, "TensorFlow": 12, "SQL": 14, "Spark": 6,
          "scikit-learn": 10, "Kubernetes": 3, "Julia": 0.8, "R": 8, "CUDA": 3}),
    Role(8, ("Site Reliability Engineer", "DevOps Engineer", "Platform Engineer", "Cloud Engineer",
             "Infrastructure Engineer"),
         ("Automate infrastructure with {a} and {b}.",
          "Improve our CI/CD pipelines, observability and on-call practices.",
          "Run the distributed systems that everything else depends on.",
          "Make deploys boring: fast, safe and reversible.",
          "Reduce our cloud bill without reducing reliability."),
         {"Kubernetes": 42, "Terraform": 34, "AWS": 40, "GCP": 12, "Azure": 12, "Docker": 18,
          "Linux": 25, "Python": 14, "Go": 14, "Ansible": 9, "Prometheus": 9, "Bash": 9,
          "Helm": 6}),
    Role(3, ("Security Engineer", "Application Security Engineer", "Cloud Security Engineer"),
         ("Find and fix vulnerabilities before attackers do.",
          "Build tooling that makes the secure way the easy way for every engineer.",
          "Lead our response to security incidents and write the postmortems."),
         {"Python": 20, "Go": 8, "AWS": 15, "Kubernetes": 7, "Rust": 4, "C": 5, "Linux": 10,
          "Terraform": 4}),
    Role(3, ("Embedded Software Engineer", "Firmware Engineer", "Compiler Engineer",
             "Systems Engineer"),
         ("Write firmware for devices that run for years without a reboot.",
          "Optimise hot paths down to the instruction level.",
          "Work with hardware engineers to bring up new boards."),
         {"C": 30, "C++": 35, "Rust": 10, "Python": 10, "Linux": 15, "LLVM": 4, "Assembly": 3,
          "CUDA": 3, "Fortran": 0.5}),
    Role(0.4, ("Research Software Engineer", "HPC Engineer", "Computational Scientist"),
         ("Port and tune scientific codes for our supercomputers.",
          "Help researchers turn numerical models into maintainable software."),
         {"Fortran": 30, "C++": 30, "Python": 30, "MPI": 20, "CUDA": 12, "Julia": 8}),
    Role(0.3, ("Smart Contract Engineer", "Blockchain Engineer"),
         ("Design and audit smart contracts that hold customer funds.",
          "Build the services that index and serve on-chain data."),
         {"Solidity": 60, "Rust": 20, "TypeScript": 15, "Go": 10}),
    Role(0.15, ("Mainframe Developer", "COBOL Developer"),
         ("Maintain and modernise the core banking systems our customers rely on.",
          "Move batch jobs from the mainframe to modern services, step by step."),
         {"COBOL": 70, "JCL": 30, "DB2": 20, "Java": 10}),
    Role(3, ("QA Engineer", "Test Automation Engineer", "Software Engineer in Test"),
         ("Build the automated tests that let us release every day.",
          "Find the bugs our customers would otherwise find first."),
         {"Selenium": 20, "Cypress": 15, "Playwright": 8, "Python": 15, "Java": 15,
          "JavaScript": 10}),
    Role(5, ("Engineering Manager", "Head of Engineering", "Tech Lead", "Director of Engineering"),
         ("Hire, grow and support a team of six to ten engineers.",
          "Set direction with product and keep the team focused on what matters.",
          "Mentor engineers and help grow a culture of technical excellence."),
         {"Python": 8, "Java": 6, "AWS": 6, "Kubernetes": 2, "Go": 3, "TypeScript": 4}),
    Role(6, ("Product Manager", "Technical Product Manager", "Product Owner"),
         ("Decide what we build next, and explain why.",
          "Talk to customers every week and bring what you learn back to the team.",
          "Write clear specifications and keep stakeholders informed."),
         {"SQL": 10, "Jira": 15, "Figma": 5, "Amplitude": 4}, engineering=False),
    Role(3, ("Product Designer", "UX Designer", "UX Researcher"),
         ("Design end-to-end experiences, from research to polished interfaces.",
          "Run usability studies and turn what you learn into better designs."),
         {"Figma": 50, "Sketch": 8, "HTML": 5, "CSS": 5}, engineering=False),
    Role(7, ("Customer Success Manager", "Solutions Architect", "Sales Engineer",
             "Support Engineer", "Technical Account Manager"),
         ("Partner with customers to understand their needs and solve their problems.",
          "Help customers get the most out of our product, from onboarding to renewal.",
          "Turn customer feedback into clear requests for the product team."),
         {"Salesforce": 15, "SQL": 10, "AWS": 8, "Zendesk": 6, "Python": 3}, engineering=False),
    Role(1, ("Technical Writer", "Documentation Engineer"),
         ("Write the guides and references developers use to build on our platform.",),
         {"Markdown": 20, "Git": 15, "Python": 4}, engineering=False),
]
# fmt: on
_ROLE_SHARES = [role.share for role in ROLES]
SKILLS = sorted({skill for role in ROLES for skill in role.skills})
TITLES = sorted({title for role in ROLES for title in role.titles})


@dataclass(frozen=True)
class Posting:
    title: str
    description: str


def posting(rng: random.Random) -> Posting:
    """A title and an HTML description of about 2 to 3 KB, of one kind of job."""
    role = rng.choices(ROLES, weights=_ROLE_SHARES)[0]
    stack = _stack(rng, role)
    return Posting(_title(rng, role, stack), _description(rng, role, stack))


def title(rng: random.Random) -> str:
    role = rng.choices(ROLES, weights=_ROLE_SHARES)[0]
    return _title(rng, role, _stack(rng, role))


def description(rng: random.Random) -> str:
    return posting(rng).description


def _stack(rng: random.Random, role: Role) -> list[str]:
    """The two to five skills a posting asks for, most-asked first."""
    names, weights = list(role.skills), list(role.skills.values())
    stack: list[str] = []
    for _ in range(rng.randint(2, 5)):
        skill = rng.choices(names, weights=weights)[0]
        if skill not in stack:
            stack.append(skill)
    return stack


def _title(rng: random.Random, role: Role, stack: list[str]) -> str:
    name = rng.choice(role.titles)
    level = rng.choice(LEVELS) if role.engineering else ""
    roll = rng.random()
    if roll < 0.2:
        return f"{level}{name} ({stack[0]})"
    if roll < 0.5:
        return f"{level}{name}, {rng.choice(TEAMS)}"
    return f"{level}{name}"


def _description(rng: random.Random, role: Role, stack: list[str]) -> str:
    def fill(line: str) -> str:
        a, b = rng.choice(stack), rng.choice(stack)
        if b == a and len(stack) > 1:
            b = next(skill for skill in stack if skill != a)
        return line.format(n=rng.randint(2, 10), a=a, b=b, team=rng.choice(TEAMS))

    duties = rng.sample(role.duties, min(len(role.duties), rng.randint(2, 4)))
    if role.engineering:
        duties += rng.sample(COMMON_DUTIES, rng.randint(1, 3))
    rng.shuffle(duties)
    requirements = [rng.choice(SKILL_REQUIREMENTS) for _ in range(rng.randint(1, 3))]
    requirements += rng.sample(COMMON_REQUIREMENTS, rng.randint(3, 5))
    parts = [f"<p>{' '.join(rng.sample(INTRO, rng.randint(2, 4)))}</p>"]
    how_we_work = " ".join(rng.sample(HOW_WE_WORK, rng.randint(3, 5)))
    parts.append(f"<p>{fill(rng.choice(TEAM))} {how_we_work}</p>")
    parts.append("<h3>What you'll do</h3><ul>")
    parts += [f"<li>{fill(duty)}</li>" for duty in duties]
    parts.append("</ul><h3>What we're looking for</h3><ul>")
    parts += [f"<li>{fill(line)}</li>" for line in requirements]
    parts.append(f"<li>Our stack: {', '.join(stack)}.</li>")
    parts.append("</ul><h3>Benefits</h3><ul>")
    parts += [f"<li>{benefit}</li>" for benefit in rng.sample(BENEFITS, rng.randint(4, 7))]
    parts.append("</ul>")
    parts += [f"<p>{closing}</p>" for closing in rng.sample(CLOSING, rng.randint(2, 4))]
    return "".join(parts)
