# Fosterflyt API: slim Python, non-root, migrations then uvicorn.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    FOSTERFLYT_HOST=0.0.0.0 \
    FOSTERFLYT_PORT=8000

WORKDIR /srv/fosterflyt
COPY pyproject.toml constraints.txt README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY templates_docx ./templates_docx
RUN pip install --no-cache-dir -c constraints.txt -e . \
 && useradd --system --uid 10001 --home-dir /srv/fosterflyt fosterflyt \
 && mkdir -p var && chown fosterflyt:fosterflyt var

USER 10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD ["python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"]
# Production: set FOSTERFLYT_ENVIRONMENT=production, FOSTERFLYT_DATABASE_URL=postgresql://...,
# FOSTERFLYT_JWKS_URL (or FOSTERFLYT_JWT_SECRET), FOSTERFLYT_PUBLIC_BASE_URL=https://... and
# FOSTERFLYT_NATIONAL_ID_KEY (32+ characters; `migrate` needs it too, and it must never change),
# and the web app's FOSTERFLYT_OIDC_ISSUER and FOSTERFLYT_OIDC_CLIENT_ID (+ _CLIENT_SECRET).
# FOSTERFLYT_MIGRATION_DATABASE_URL (the tables' owner, if not the app's role) is used by migrate
# only: the server does not inherit it.
CMD ["sh", "-c", "fosterflyt migrate && exec env -u FOSTERFLYT_MIGRATION_DATABASE_URL fosterflyt serve"]
