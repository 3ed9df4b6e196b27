"""Settings from the environment (and `.env`), with the defaults of decisions.md §7."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path

from dotenv import dotenv_values

PREFIX = "CHEZFLORA_"


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything that varies between a laptop, CI and production."""

    data_dir: Path = Path("var")
    database_url: str = ""
    redis_url: str = ""
    jwt_secret: str = ""
    public_base_url: str = "http://127.0.0.1:8000"
    cors_origins: tuple[str, ...] = ("*",)
    shop_timezone: str = "Africa/Douala"
    access_token_minutes: int = 180
    refresh_token_days: int = 1
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_username: str = ""
    smtp_password: str = field(default="", repr=False)
    smtp_starttls: bool = False
    mail_from: str = "ChezFlora <no-reply@chezflora.cm>"
    support_email: str = "support@chezflora.cm"
    throttle_rates: dict[str, str] = field(
        default_factory=lambda: {
            "login": "10/minute",
            # Failed logins per account (beside the per-IP budget): a sliding window, so an
            # attacker can hold an account for at most 15 minutes after they stop.
            "login_account": "10/15minutes",
            "register": "5/hour",
            "verify_otp": "10/hour",
            "resend_otp": "5/hour",
            "reset": "5/hour",
            "contact": "5/hour",
            "comment": "10/minute",
        }
    )
    throttle_enabled: bool = True
    # argon2id cost (OWASP floor; one lane, so a 2-core box is not starved by logins).
    argon2_memory_kib: int = 19 * 1024
    argon2_time_cost: int = 2
    argon2_parallelism: int = 1
    backup_keep: int = 7
    log_level: str = "INFO"
    worker_threads: int = 4
    # 0: the API's database threads share the event loop's OS priority (see docs/operations.md).
    db_threads_nice: int = 0
    email_max_retries: int = 8
    email_min_backoff_ms: int = 5_000
    email_max_backoff_ms: int = 300_000
    outbox_relay_after_seconds: int = 60
    # Comment moderation: local rules always; a language model too when a URL is set.
    moderation_llm_url: str = ""
    moderation_llm_key: str = field(default="", repr=False)
    moderation_llm_model: str = ""
    moderation_timeout_seconds: float = 5.0

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'chezflora.sqlite3').resolve()}"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"


def _flag(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def load_settings(environ: dict[str, str] | None = None, env_file: Path | None = None) -> Settings:
    """Read CHEZFLORA_* variables; a `.env` file fills what the environment leaves unset."""
    file_values = {
        k: v for k, v in dotenv_values(env_file or Path(".env")).items() if v is not None
    }
    env = {**file_values, **(environ if environ is not None else dict(os.environ))}

    def get(name: str, default: str = "") -> str:
        return env.get(PREFIX + name, default)

    defaults = Settings()
    rates = dict(defaults.throttle_rates)
    for scope in rates:
        rates[scope] = get(f"THROTTLE_{scope.upper()}", rates[scope])
    data_dir = Path(get("DATA_DIR", str(defaults.data_dir)))
    return Settings(
        data_dir=data_dir,
        database_url=get("DATABASE_URL"),
        redis_url=get("REDIS_URL"),
        jwt_secret=get("JWT_SECRET"),
        public_base_url=get("PUBLIC_BASE_URL", defaults.public_base_url).rstrip("/"),
        cors_origins=tuple(o.strip() for o in get("CORS_ORIGINS", "*").split(",") if o.strip()),
        shop_timezone=get("SHOP_TIMEZONE", defaults.shop_timezone),
        access_token_minutes=int(get("ACCESS_TOKEN_MINUTES", "180")),
        refresh_token_days=int(get("REFRESH_TOKEN_DAYS", "1")),
        smtp_host=get("SMTP_HOST"),
        smtp_port=int(get("SMTP_PORT", "25")),
        smtp_username=get("SMTP_USERNAME"),
        smtp_password=get("SMTP_PASSWORD"),
        smtp_starttls=_flag(get("SMTP_STARTTLS", "false")),
        mail_from=get("MAIL_FROM", defaults.mail_from),
        support_email=get("SUPPORT_EMAIL", defaults.support_email),
        throttle_rates=rates,
        throttle_enabled=_flag(get("THROTTLE_ENABLED", "true")),
        argon2_memory_kib=int(get("ARGON2_MEMORY_KIB", str(defaults.argon2_memory_kib))),
        argon2_time_cost=int(get("ARGON2_TIME_COST", str(defaults.argon2_time_cost))),
        argon2_parallelism=int(get("ARGON2_PARALLELISM", str(defaults.argon2_parallelism))),
        backup_keep=int(get("BACKUP_KEEP", "7")),
        log_level=get("LOG_LEVEL", "INFO"),
        worker_threads=int(get("WORKER_THREADS", "4")),
        db_threads_nice=int(get("DB_THREADS_NICE", "0")),
        email_max_retries=int(get("EMAIL_MAX_RETRIES", "8")),
        email_min_backoff_ms=int(get("EMAIL_MIN_BACKOFF_MS", "5000")),
        email_max_backoff_ms=int(get("EMAIL_MAX_BACKOFF_MS", "300000")),
        outbox_relay_after_seconds=int(get("OUTBOX_RELAY_AFTER_SECONDS", "60")),
        moderation_llm_url=get("MODERATION_LLM_URL"),
        moderation_llm_key=get("MODERATION_LLM_KEY"),
        moderation_llm_model=get("MODERATION_LLM_MODEL"),
        moderation_timeout_seconds=float(get("MODERATION_TIMEOUT_SECONDS", "5")),
    )


def ensure_jwt_secret(settings: Settings) -> Settings:
    """Use the configured secret, else one generated once and kept in the data folder."""
    if settings.jwt_secret:
        return settings
    path = settings.data_dir / "jwt-secret"
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return replace(settings, jwt_secret=path.read_text().strip())
