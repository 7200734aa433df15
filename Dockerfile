FROM python:3.12-slim-bookworm

ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY hunter hunter
COPY boards boards
COPY jobs jobs
COPY profiles profiles
COPY applications applications
COPY templates templates
COPY static static
COPY manage.py ./
RUN pip install -e . \
    && DATABASE_URL=postgresql://build@/build REDIS_URL=redis://build SECRET_KEY=build \
       STATIC_ROOT=/app/staticfiles python manage.py collectstatic --noinput

RUN useradd --create-home hunter && mkdir /data && chown hunter /data
USER hunter
ENV HUNTER_DATA_DIR=/data STATIC_ROOT=/app/staticfiles
EXPOSE 8000
CMD ["python", "manage.py", "run", "--host", "0.0.0.0"]
