"""``python -m bench`` (``make bench``): every benchmark, with its default sizes."""

from __future__ import annotations

import sys

from bench import import_throughput

sys.exit(import_throughput.main(sys.argv[1:]))
