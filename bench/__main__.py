"""Run every benchmark module of this package that defines ``main()``."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def run_all() -> None:
    for module in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name):
        if module.name.startswith("_"):
            continue
        bench = importlib.import_module(f"bench.{module.name}")
        if hasattr(bench, "main"):
            print(f"== bench.{module.name}")
            bench.main([])


if __name__ == "__main__":
    run_all()
