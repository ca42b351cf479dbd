"""Inkoopkracht settings: one file, driven by environment variables (docs/configuration.md).

Secure by default: DEBUG is off, cookies are Secure and HSTS is on as soon as SITE_URL is
https, and the secret key is generated once per installation when none is given.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

from inkoopkracht.lib.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept in var/ (mode 600)."""
    key = env_secret("SECRET_KEY")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
HTTPS = SITE_URL.startswith("https://")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [SITE_URL])

INSTALLED_APPS = [
    "inkoopkracht",  # project-wide commands: demo, load_demo
    # Our apps first, in dependency order (the demo loader follows this order).
    "inkoopkracht.audit",
    "inkoopkracht.accounts",
    "inkoopkracht.organisations",
    "inkoopkracht.partnerships",
    "inkoopkracht.events",
    "inkoopkracht.intake",
    "inkoopkracht.knowledge",
    "inkoopkracht.monitoring",
    "inkoopkracht.quota",
    "inkoopkracht.reports",
    # Wagtail: public site, guide, back office.
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Third party.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    # Django.
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]

# Forms render with our accessible field template (labels, help and errors tied to the input).
FORM_RENDERER = "inkoopkracht.lib.forms.FormRenderer"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "inkoopkracht.audit.context.AuditContextMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "inkoopkracht.lib.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "inkoopkracht.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "inkoopkracht.lib.middleware.NoStoreForPrivatePagesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the outcome of the authentication backends.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "inkoopkracht.urls"
WSGI_APPLICATION = "inkoopkracht.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "wagtail.contrib.settings.context_processors.settings",
                "inkoopkracht.lib.navigation.menus",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL is set (postgres://user@host:5432/name).
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "inkoopkracht.sqlite3",
            "OPTIONS": {
                # One writer at a time, without "database is locked" surprises.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts, login and two-factor.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "inkoopkracht.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 60 * 60 * 24)  # reset links
INVITATION_TIMEOUT_DAYS = env_int("INVITATION_TIMEOUT_DAYS", 7)
OTP_TOTP_ISSUER = "Inkoopkracht"
OTP_TOTP_TOLERANCE = 1

# Brute-force lockout (django-axes): 5 failures per account and address, then 15 minutes.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "inkoopkracht.accounts.views.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
AXES_IPWARE_PROXY_COUNT = env_int("PROXY_COUNT", 0)
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True  # successful logins are in the audit log; no second store

# Sessions and cookies.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 60) * 60
SESSION_SAVE_EVERY_REQUEST = True  # idle timeout: every request extends it
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SAMESITE = "Lax"
if HTTPS:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# Security headers.
SECURE_SSL_REDIRECT = HTTPS and env_bool("SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY") else None
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    # The back office (Wagtail admin) ships inline scripts and styles: it gets its own,
    # looser policy from inkoopkracht.lib.middleware (docs/decisions/0003-csp.md).
    "EXCLUDE_URL_PREFIXES": ["/beheer/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

# Language and time.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "inkoopkracht" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False

# Static and uploaded files.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns when it is missing
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Production: STATIC_MANIFEST=True and run collectstatic (hashed, compressed files).
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST", False)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not env_bool("STATIC_MANIFEST", False)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Email: the console by default; SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
)
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Inkoopkracht <noreply@inkoopkracht.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: Django's tasks API with the database backend (no broker).
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Wagtail.
WAGTAIL_SITE_NAME = "Inkoopkracht"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Domain settings (docs/configuration.md).
SMALL_NUMBER_THRESHOLD = env_int("SMALL_NUMBER_THRESHOLD", 5)
PROGRAMME_EMAIL = env_str("PROGRAMME_EMAIL", "programmateam@inkoopkracht.example")
SECURITY_CONTACT = env_str("SECURITY_CONTACT", "mailto:security@inkoopkracht.example")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- partnerships ---
# Signed letters of intent live outside the web root and are served only through an
# access-checked view (members of the proeftuin and the programme team).
PRIVATE_FILES_ROOT = Path(env_str("PRIVATE_FILES_ROOT", str(VAR_DIR / "private")))
LETTER_MAX_UPLOAD_MB = env_int("LETTER_MAX_UPLOAD_MB", 10)
# WeasyPrint reports every layout step at INFO; keep the console for what matters.
LOGGING["loggers"]["weasyprint.progress"] = {"level": "WARNING"}

# --- events ---
# Workshops and peer meetings (docs/events.md). The participation expected of a proeftuin is
# domain data: events_expected_per_half_year in inkoopkracht/data/constants.csv.
EVENTS_OFFER_HOURS = env_int("EVENTS_OFFER_HOURS", 48)  # a waiting-list offer stays open
EVENTS_REMINDER_HOURS = env_int("EVENTS_REMINDER_HOURS", 24)  # reminder before the start
EVENTS_LINK_MAX_AGE_DAYS = env_int("EVENTS_LINK_MAX_AGE_DAYS", 180)  # signed links in mails
EVENTS_GUEST_RETENTION_DAYS = env_int("EVENTS_GUEST_RETENTION_DAYS", 90)  # after the event
EVENTS_MEMBER_RETENTION_DAYS = env_int("EVENTS_MEMBER_RETENTION_DAYS", 730)  # after the event
EVENTS_SPEAKER_RETENTION_DAYS = env_int("EVENTS_SPEAKER_RETENTION_DAYS", 730)  # after last event

# --- intake ---
# Public forms (docs/intake.md): spam protection, an application sent twice, guide orders.
INTAKE_MIN_FILL_SECONDS = env_int("INTAKE_MIN_FILL_SECONDS", 5)
INTAKE_FORM_MAX_AGE_HOURS = env_int("INTAKE_FORM_MAX_AGE_HOURS", 24)
INTAKE_RATE_LIMIT = env_int("INTAKE_RATE_LIMIT", 5)
INTAKE_RATE_LIMIT_WINDOW_MINUTES = env_int("INTAKE_RATE_LIMIT_WINDOW_MINUTES", 60)
INTAKE_DUPLICATE_WINDOW_DAYS = env_int("INTAKE_DUPLICATE_WINDOW_DAYS", 30)
INTAKE_GUIDE_MAX_COPIES = env_int("INTAKE_GUIDE_MAX_COPIES", 25)

# --- monitoring ---
# Reporting rounds: a quarter's report is due this many days after the quarter ends; suppliers
# get a reminder this many days before that (docs/monitoring.md).
REPORTING_DEADLINE_DAYS = env_int("REPORTING_DEADLINE_DAYS", 30)
REPORTING_REMINDER_DAYS = env_int("REPORTING_REMINDER_DAYS", 7)
# Public results publish a quarter when every report is approved, or this many days after it.
PUBLIC_RESULTS_AFTER_DAYS = env_int("PUBLIC_RESULTS_AFTER_DAYS", 60)
# Glide path status: green from this share of the planned extra banen, amber from the next.
GLIDE_PATH_GREEN_PERCENT = env_int("GLIDE_PATH_GREEN_PERCENT", 90)
GLIDE_PATH_AMBER_PERCENT = env_int("GLIDE_PATH_AMBER_PERCENT", 70)
# The team's health overview (reports, docs/guidance.md): amber and red from these numbers of
# overdue actions and days without a coaching contact; participation in events over this many
# months. How long a proeftuin may stay in one step is data: reports/data/health_step_days.csv.
HEALTH_OVERDUE_ACTIONS_AMBER = env_int("HEALTH_OVERDUE_ACTIONS_AMBER", 1)
HEALTH_OVERDUE_ACTIONS_RED = env_int("HEALTH_OVERDUE_ACTIONS_RED", 3)
HEALTH_COACHING_AMBER_DAYS = env_int("HEALTH_COACHING_AMBER_DAYS", 90)
HEALTH_COACHING_RED_DAYS = env_int("HEALTH_COACHING_RED_DAYS", 180)
HEALTH_PARTICIPATION_MONTHS = env_int("HEALTH_PARTICIPATION_MONTHS", 6)
# Plausibility limit for hours per week of one placement.
PLACEMENT_MAX_HOURS_PER_WEEK = env_int("PLACEMENT_MAX_HOURS_PER_WEEK", 60)
# Imports of placements: size limits, when to check in the background, how long files are kept.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_MEGABYTES", 25) * 1024 * 1024
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 500_000)
IMPORT_BACKGROUND_BYTES = env_int("IMPORT_BACKGROUND_KILOBYTES", 256) * 1024
IMPORT_RETENTION_DAYS = env_int("IMPORT_RETENTION_DAYS", 7)
# Personal API tokens (one proeftuin each) are valid this many days.
API_TOKEN_DAYS = env_int("API_TOKEN_DAYS", 365)

# --- knowledge ---
# Site search (guide and lessons): on PostgreSQL full-text search with Dutch stemming through
# the built-in "dutch" text-search configuration; SQLite uses its FTS5 index without stemming.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = env_str("SEARCH_CONFIG", "dutch")
# The back office shows initials instead of Gravatar pictures: no staff e-mail hashes are sent
# to a third party, and the editor loads without waiting for an outside server.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# WeasyPrint reports every layout step at INFO; the guide's PDF builds need only warnings.
LOGGING["loggers"]["weasyprint"] = {"level": "WARNING"}
