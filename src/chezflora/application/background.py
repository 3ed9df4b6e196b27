"""The names background work travels under: the task queue adapter (adapters/jobs) sends to
them and the worker (entrypoints/worker) declares its actors on them, so both agree."""

from __future__ import annotations

EMAIL_QUEUE = "emails"
JOBS_QUEUE = "jobs"
DELIVER_EMAIL = "deliver_email"
EMAIL_GAVE_UP = "email_gave_up"
RUN_JOB = "run_job"
