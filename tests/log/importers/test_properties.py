"""Property: whatever the bytes, parse_activity returns an activity or raises ImportFileError."""

from __future__ import annotations

import gzip

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runcoach.log.importers import ImportFileError, ParsedActivity, parse_activity
from tests.log.importers.builders import gpx, line, tcx, tcx_activity
from tests.log.importers.corpus import CORPUS

NAMES = ["a.gpx", "a.tcx", "a.fit", "a.gpx.gz", "a.tcx.gz", "a.fit.gz", "A.FIT", "a.kml"]
SMALL_FITS = [
    "python-fitparse/tests/files/Activity.fit",
    "python-fitparse/tests/files/garmin-fenix-5-run.fit",
    "python-fitparse/tests/files/Settings.fit",
    "sports-lib/src/specs/fixtures/swim/fit/7617306288.fit",
]
SEEDS: list[tuple[str, bytes]] = [
    ("run.gpx", gpx([line(20)])),
    ("run.tcx", tcx(tcx_activity(line(20), lap_distance=200.0, run_cadence=85))),
    *[(p.rsplit("/", 1)[-1], (CORPUS / p).read_bytes()) for p in SMALL_FITS if (CORPUS / p).exists()],
]
FAST = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parses_or_refuses(name: str, data: bytes) -> None:
    try:
        result = parse_activity(name, data)
    except ImportFileError as exc:
        assert str(exc).strip() and "\n" not in str(exc)
        return
    assert isinstance(result, ParsedActivity)
    assert result.start.tzinfo is not None
    assert all("\n" not in w for w in result.warnings)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    name, data = draw(st.sampled_from(SEEDS))
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = draw(st.integers(0, max(len(buf) - 1, 0)))
        if kind == "flip" and buf:
            buf[at] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del buf[at:]
        elif kind == "insert":
            buf[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif buf:
            del buf[at : at + draw(st.integers(1, 64))]
    out = bytes(buf)
    if draw(st.booleans()) and draw(st.booleans()):
        return name + ".gz", gzip.compress(out)
    return name, out


@FAST
@given(name=st.sampled_from(NAMES), data=st.binary(max_size=2048))
def test_random_bytes_never_raise_anything_but_import_file_error(name: str, data: bytes) -> None:
    _parses_or_refuses(name, data)


@FAST
@given(case=mutated())
def test_mutated_activity_files_never_raise_anything_but_import_file_error(case: tuple[str, bytes]) -> None:
    _parses_or_refuses(*case)


@FAST
@given(header=st.binary(min_size=14, max_size=14), body=st.binary(max_size=512))
def test_fit_shaped_noise_never_raises_anything_but_import_file_error(header: bytes, body: bytes) -> None:
    fit_header = bytes([14]) + header[1:8] + b".FIT" + header[12:]
    _parses_or_refuses("noise.fit", fit_header + body)
