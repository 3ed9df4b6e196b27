"""Adapters the settings alone choose: the e-mail sender, the rate limiter, the moderator and
maintenance (the CLI needs the last before any container exists)."""

from __future__ import annotations

from redis import Redis

from chezflora.adapters.email.rendering import EmailRenderer
from chezflora.adapters.email.senders import FileEmailSender, SmtpEmailSender
from chezflora.adapters.maintenance import LocalMaintenance
from chezflora.adapters.moderation.language_model import LanguageModelModerator
from chezflora.adapters.moderation.local import LocalModerator
from chezflora.adapters.rate_limit import MemoryRateLimiter, NoRateLimiter, RedisRateLimiter
from chezflora.application.blog.moderation import Strictest
from chezflora.application.blog.ports import Moderator
from chezflora.application.maintenance import Maintenance
from chezflora.application.ports import EmailSender, RateLimiter
from chezflora.config import Settings


def maintenance(settings: Settings) -> Maintenance:
    """Migrations, backups and restores, on the settings of the moment (the CLI needs them
    before any container exists)."""
    return LocalMaintenance(
        settings.resolved_database_url,
        settings.media_dir,
        settings.backup_dir,
        settings.backup_keep,
    )


def moderator_for(settings: Settings) -> Moderator:
    """Local rules always; with a configured language model, the stricter of both verdicts."""
    local = LocalModerator()
    if not settings.moderation_llm_url:
        return local
    remote = LanguageModelModerator(
        settings.moderation_llm_url,
        settings.moderation_llm_key,
        settings.moderation_llm_model,
        settings.moderation_timeout_seconds,
    )
    return Strictest([local, remote])


def email_sender_for(settings: Settings) -> EmailSender:
    renderer = EmailRenderer(settings.mail_from)
    if settings.smtp_host:
        return SmtpEmailSender(
            renderer,
            settings.smtp_host,
            settings.smtp_port,
            settings.smtp_username,
            settings.smtp_password,
            settings.smtp_starttls,
        )
    return FileEmailSender(settings.outbox_dir, renderer)


def rate_limiter_for(settings: Settings, redis: Redis | None) -> RateLimiter:
    if not settings.throttle_enabled:
        return NoRateLimiter()
    if redis is not None:
        return RedisRateLimiter(redis, settings.throttle_rates)
    return MemoryRateLimiter(settings.throttle_rates)
