"""Hostile files are refused in one line: entity expansion, external entities, bombs, traversal.

Every hostile fixture is built here, in memory; none is committed.
"""

from __future__ import annotations

import gzip
import io
import stat
import zipfile
from pathlib import Path

import pytest

from runcoach.log.importers import ImportFileError, SourceItem, iter_sources, parse_activity
from runcoach.log.importers.limits import MAX_FILE_BYTES
from tests.log.importers.builders import gpx, line, tcx, tcx_activity, zip_bytes

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE gpx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><name>&lol9;</name></trk></gpx>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE TrainingCenterDatabase [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
<Activities><Activity Sport="&xxe;"><Id>2024-01-01T00:00:00Z</Id></Activity></Activities>
</TrainingCenterDatabase>"""


def _one_line(exc: pytest.ExceptionInfo[ImportFileError]) -> str:
    text = str(exc.value)
    assert text and "\n" not in text
    return text


class TestHostileXml:
    def test_it_refuses_entity_expansion(self) -> None:
        with pytest.raises(ImportFileError) as caught:
            parse_activity("laughs.gpx", BILLION_LAUGHS)
        assert "refused" in _one_line(caught)

    def test_it_refuses_external_entities(self) -> None:
        with pytest.raises(ImportFileError) as caught:
            parse_activity("xxe.tcx", XXE)
        assert "refused" in _one_line(caught)

    def test_a_doctype_in_utf16_is_refused_too(self) -> None:
        with pytest.raises(ImportFileError):
            parse_activity(
                "laughs.gpx",
                BILLION_LAUGHS.decode().replace('"1.0"', '"1.0" encoding="UTF-16"', 1).encode("utf-16"),
            )

    def test_a_deeply_nested_document_is_refused(self) -> None:
        deep = b'<gpx xmlns="http://www.topografix.com/GPX/1/1">' + b"<a>" * 5000 + b"</a>" * 5000 + b"</gpx>"
        with pytest.raises(ImportFileError):
            parse_activity("deep.gpx", deep)


class TestBombs:
    def test_it_refuses_a_gzip_bomb(self) -> None:
        bomb = gzip.compress(b"\0" * (MAX_FILE_BYTES + 1024))
        with pytest.raises(ImportFileError) as caught:
            parse_activity("bomb.gpx.gz", bomb)
        assert "bomb" in _one_line(caught)

    def test_it_refuses_a_gzip_that_inflates_too_far_for_its_size(self) -> None:
        bomb = gzip.compress(b"<" * (5 * 1024 * 1024), compresslevel=9)
        with pytest.raises(ImportFileError, match="inflates"):
            parse_activity("bomb.fit.gz", bomb)

    def test_a_truncated_gzip_fails_clearly(self) -> None:
        data = gzip.compress(gpx([line(50)]))
        with pytest.raises(ImportFileError, match="truncated gzip"):
            parse_activity("run.gpx.gz", data[: len(data) // 2])

    def test_a_file_over_the_size_cap_is_refused_before_parsing(self) -> None:
        with pytest.raises(ImportFileError, match="too large"):
            parse_activity("huge.fit", b"\0" * (MAX_FILE_BYTES + 1))

    def test_it_refuses_a_zip_bomb_member(self, tmp_path: Path) -> None:
        archive = tmp_path / "bomb.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("big.gpx", b" " * (MAX_FILE_BYTES + 1))
            zf.writestr("ok.gpx", gpx([line(5)]))
        items = {item.name.split("!")[-1]: item for item in iter_sources([archive])}
        assert items["big.gpx"].error is not None and "refused" in items["big.gpx"].error
        assert items["ok.gpx"].error is None

    def test_a_member_that_lies_about_its_size_is_refused_while_reading(self, tmp_path: Path) -> None:
        archive = tmp_path / "liar.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("liar.gpx", b" " * (2 * 1024 * 1024))
        raw = bytearray(archive.read_bytes())
        # shrink the declared size in the local header and the central directory to 100 bytes
        size = (2 * 1024 * 1024).to_bytes(4, "little")
        raw = bytearray(bytes(raw).replace(size, (100).to_bytes(4, "little")))
        archive.write_bytes(bytes(raw))
        (item,) = list(iter_sources([archive]))
        with pytest.raises(ImportFileError):
            item.read()


class TestArchiveTraversal:
    def _zip_with(self, tmp_path: Path, name: str, data: bytes, *, mode: int | None = None) -> Path:
        archive = tmp_path / "evil.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            info = zipfile.ZipInfo(name)
            if mode is not None:
                info.external_attr = mode << 16
            zf.writestr(info, data)
            zf.writestr("good.gpx", gpx([line(5)]))
        return archive

    @pytest.mark.parametrize(
        "name", ["../../etc/evil.gpx", "/abs/evil.gpx", "a/../../evil.fit", "C:/evil.tcx"]
    )
    def test_it_reports_a_member_whose_path_leaves_the_archive(self, tmp_path: Path, name: str) -> None:
        items = list(iter_sources([self._zip_with(tmp_path, name, gpx([line(5)]))]))
        bad = [i for i in items if i.error]
        assert len(bad) == 1 and "outside the archive" in (bad[0].error or "")
        with pytest.raises(ImportFileError):
            bad[0].read()
        assert [i.name.endswith("!good.gpx") for i in items if not i.error] == [True]

    def test_a_traversal_member_of_any_type_is_reported(self, tmp_path: Path) -> None:
        items = list(iter_sources([self._zip_with(tmp_path, "../evil.sh", b"rm -rf /")]))
        assert any(i.error and "outside the archive" in i.error for i in items)

    def test_it_reports_a_symbolic_link_member(self, tmp_path: Path) -> None:
        archive = self._zip_with(tmp_path, "link.gpx", b"/etc/passwd", mode=stat.S_IFLNK | 0o777)
        items = list(iter_sources([archive]))
        assert any(i.error and "symbolic link" in i.error for i in items)

    def test_archives_nested_too_deep_are_refused(self, tmp_path: Path) -> None:
        inner = zip_bytes({"run.gpx": gpx([line(5)])})
        for _ in range(3):
            inner = zip_bytes({"nested.zip": inner})
        archive = tmp_path / "deep.zip"
        archive.write_bytes(inner)
        items = list(iter_sources([archive]))
        assert any(i.error and "nested too deep" in i.error for i in items)

    def test_a_damaged_zip_is_one_error_item(self, tmp_path: Path) -> None:
        archive = tmp_path / "broken.zip"
        archive.write_bytes(b"PK\x03\x04 this is not a zip")
        (item,) = list(iter_sources([archive]))
        assert isinstance(item, SourceItem) and item.error and "zip" in item.error

    def test_nothing_is_written_to_disk(self, tmp_path: Path) -> None:
        archive = self._zip_with(tmp_path, "../escaped.gpx", gpx([line(5)]))
        before = sorted(p.name for p in tmp_path.rglob("*"))
        for item in iter_sources([archive]):
            if not item.error:
                parse_activity(item.name, item.read())
        assert sorted(p.name for p in tmp_path.rglob("*")) == before
        assert not (tmp_path.parent / "escaped.gpx").exists()


def test_a_tcx_bomb_inside_a_zip_is_refused_when_read(tmp_path: Path) -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("laughs.tcx", BILLION_LAUGHS)
        zf.writestr("run.tcx", tcx(tcx_activity(line(5))))
    archive = tmp_path / "x.zip"
    archive.write_bytes(data.getvalue())
    results = {}
    for item in iter_sources([archive]):
        try:
            results[item.name.split("!")[-1]] = parse_activity(item.name, item.read()).sport
        except ImportFileError as exc:
            results[item.name.split("!")[-1]] = f"error: {exc}"
    assert results["run.tcx"] == "running"
    assert results["laughs.tcx"].startswith("error: refused")
