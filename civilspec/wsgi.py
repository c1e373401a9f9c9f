"""The WSGI application gunicorn serves in production."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civilspec.settings")

application = get_wsgi_application()
