"""gunicorn configuration of the Morelike service (see service/gunicorn_conf.py).

`gunicorn` run in this directory picks this file up; `morelike serve` uses the
same settings from the installed package.
"""

from service.gunicorn_conf import *  # noqa: F403
