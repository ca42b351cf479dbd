"""WSGI entry point for production servers (e.g. ``gunicorn inkoopkracht.wsgi``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inkoopkracht.settings")
application = get_wsgi_application()
