"""The WSGI application gunicorn serves in production."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civilspec.settings")

application = get_wsgi_application()

# What loading the application made (modules, models' metadata, URL patterns, the admin's registry: about 110,000
# objects) lives as long as the worker. Frozen, it is left out of the garbage collector's sweeps: a full collection
# looks at the objects requests made, not at these as well. One landing in a save of the longest seed's draft cost
# about 150 ms of CPU, and about 60 ms frozen (bench/save_draft.py, results/save_draft-2026-12-06e.txt).
gc.collect()
gc.freeze()
