"""gunicorn configuration file of the Morelike service, for plain `gunicorn`.

`gunicorn` run in this directory (or `gunicorn -c /etc/morelike/gunicorn.conf.py`
in the image) serves what `morelike serve` serves, with the options of
`service.gunicorn_conf.options` for the `MORELIKE_*` environment.
"""

from service.gunicorn_conf import options
from service.settings import load_settings_or_exit

globals().update(options(load_settings_or_exit()))
