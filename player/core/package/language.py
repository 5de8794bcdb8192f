"""Language tags as courses and learners write them (``fr``, ``fr-CA``, ``wo``).

Apart from the manifest parser so that checking a learner's language does not load it.
"""

from __future__ import annotations

import re

LANG_RE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
