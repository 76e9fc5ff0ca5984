"""Settings shared by every environment; values that differ come from the environment."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from core import csp as csp_policies

from .env import database_from_env, env_bool, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "accounts",
    "courses",
    "cohorts",
    "community",
    "practice",
    "badges",
    "cms",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The Content-Security-Policy of every response; its policies live in core/csp.py.
    "core.csp.PathPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.UserTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Inside the header-setting middleware: cached anonymous lesson pages get every header.
    "courses.page_cache.AnonymousPageCacheMiddleware",
    # Wagtail's site (and its home page) from the cache instead of two queries a page.
    "cms.sites.CachedSiteMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its 429 answer.
    "accounts.middleware.LoginLockoutMiddleware",
]

# Threads each ASGI worker runs requests' synchronous code on (core/asgi.py): that many
# requests at once per worker, each thread keeping its database connection.
HTTP_THREADS = int(env_str("HTTP_THREADS", "4"))

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"
ASGI_APPLICATION = "cms.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site_chrome",
                "cms.context_processors.choices",
            ],
        },
    },
]

DATABASES = {"default": database_from_env(VAR_DIR / "praxis.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.EmailOrUsernameBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login lockout (django-axes, accounts/lockout.py). Failures count per account (the username,
# whether the person typed it or their email) and per address; at the limit every login for
# that account, or from that address, is refused until the cool-off has passed since the last
# counted failure. The HTML login, the Wagtail admin login and the API token endpoint all go
# through it. Behind a proxy the address is the client's because uvicorn rewrites it from
# X-Forwarded-For for trusted proxies (--forwarded-allow-ips); `manage.py axes_reset` unlocks.
AXES_FAILURE_LIMIT = int(env_str("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env_str("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "accounts.lockout.lockout_username"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# Tries made while locked are refused without being counted, so the lock lifts on time.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Keep failures only; a row per successful login (with its address) is not needed.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"
# axes.W002 looks for axes' own middleware by name; ours subclasses it (accounts/middleware.py).
SILENCED_SYSTEM_CHECKS = ["axes.W002"]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Serve uploads through the app unless a proxy serves MEDIA_ROOT at /media/ (set it false then).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Redis, when configured, carries both the channel layer and the cache so several
# ASGI workers share broadcasts and rate-limit counters.
REDIS_URL = env_str("REDIS_URL")
# Connections each worker may hold to Redis for the channel layer. redis-py's own default
# (100) is less than the layer calls in flight when a whole cohort connects at once: the
# surplus failed with MaxConnectionsError and those sockets died (bench/community_fanout.py).
REDIS_MAX_CONNECTIONS = int(env_str("REDIS_MAX_CONNECTIONS", "1000"))
# channels-redis keeps all of a worker's sockets in one Redis inbox, and its capacity (100 by
# default) is per inbox: a cohort connecting at once overflowed it and lost presence messages.
REDIS_LAYER_CAPACITY = int(env_str("REDIS_LAYER_CAPACITY", "2000"))


# channels-redis waits for messages with a blocking BZPOPMIN of 5 s; redis-py 8 made 5 s the
# default socket timeout too, so every quiet receive raised TimeoutError and took its
# WebSocket down (django/channels_redis#422). Reads may take the pop's 5 s and a margin.
REDIS_LAYER_SOCKET_TIMEOUT = 15.0


def redis_layer_hosts(url: str) -> list[dict]:
    return [
        {
            "address": url,
            "max_connections": REDIS_MAX_CONNECTIONS,
            "socket_timeout": REDIS_LAYER_SOCKET_TIMEOUT,
        }
    ]


if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": redis_layer_hosts(REDIS_URL),
                "prefix": "praxis",
                "capacity": REDIS_LAYER_CAPACITY,
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "praxis",
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "core.layers.PacedInMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Praxis <praxis@localhost>")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.errors.exception_handler",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
# The strict site policy; PathPolicyMiddleware swaps in the few others (core/csp.py).
CONTENT_SECURITY_POLICY = {"DIRECTIVES": csp_policies.SITE}

SPECTACULAR_SETTINGS = {
    "TITLE": "Praxis API",
    "DESCRIPTION": "Courses, cohorts, community and badges for coach-training programs.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["core.api.schema.only_public_api"],
    # The bounded path converters (core/converters.py): ids past the column's range are a 404.
    "PATH_CONVERTER_OVERRIDES": {
        "id": {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
        "page_id": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1},
    },
    # A cohort's status beside a learner's (on_track…): each enum keeps a name of its own.
    "ENUM_NAME_OVERRIDES": {
        "CohortStatusEnum": "cohorts.models.CohortStatus",
        "StatusEnum": ["on_track", "catching_up", "behind"],
    },
    # Served by the app itself (drf-spectacular-sidecar): no CDN on closed networks.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

WAGTAIL_SITE_NAME = "Praxis"
# The public address (scheme://host[:port]) of every absolute link: emails, calendar feeds,
# Open Badges documents, API urls (core.urls.absolute_url). `make run PORT=8101` sets it.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Praxis runs on closed school networks: nothing may phone home from the admin.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin shows its own default avatar (or an uploaded one).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
