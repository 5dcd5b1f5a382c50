"""Standalone Django settings for the parity generator: one in-memory SQLite database, one app."""
SECRET_KEY = "parity-generator"
INSTALLED_APPS = ["parityapp"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
USE_TZ = False
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
