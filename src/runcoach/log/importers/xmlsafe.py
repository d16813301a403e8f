"""Parse untrusted XML (GPX, TCX) with entities, DTDs and the network off.

A GPX or TCX file never needs a DTD, so a document that declares one is refused before anything
is expanded (billion laughs, external entities). lxml's parser is configured so that even a
declaration that slipped through resolves nothing and fetches nothing.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from runcoach.log.importers.model import ImportFileError

_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_UNDEFINED_PREFIX = 201  # libxml2 XML_NS_ERR_UNDEFINED_NAMESPACE

Element = Any  # lxml elements are untyped


def _parser(*, recover: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=recover,
    )


def _strip_prolog(data: bytes) -> bytes:
    """Drop a UTF-8 byte-order mark and whitespace before ``<?xml`` (some exporters write both)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.lstrip(b" \t\r\n")


def parse_xml(data: bytes, kind: str) -> tuple[Element, list[str]]:
    """The root element and warnings; ImportFileError for hostile or broken XML."""
    data = _strip_prolog(data)
    if not data:
        raise ImportFileError(f"empty {kind} file")
    if _DTD.search(data[:65536]):
        raise ImportFileError(f"refused: the {kind} file declares a DTD or entities (unsafe XML)")
    # lxml keeps a thread-wide error log: clear it, or an earlier broken file's errors would be
    # read as this file's (a GPX with only an undeclared prefix would then be refused)
    etree.clear_error_log()
    try:
        root = etree.fromstring(data, _parser(recover=False))
        warnings: list[str] = []
    except etree.XMLSyntaxError as exc:
        root, warnings = _recover_undeclared_prefix(data, kind, exc)
    if root is None:
        raise ImportFileError(f"not a {kind} file: no XML content")
    if root.getroottree().docinfo.doctype:
        raise ImportFileError(f"refused: the {kind} file declares a DTD or entities (unsafe XML)")
    return root, warnings


def _recover_undeclared_prefix(
    data: bytes, kind: str, exc: etree.XMLSyntaxError
) -> tuple[Element, list[str]]:
    """Read a file whose only fault is an undeclared namespace prefix (``gpxdata:``), with a warning."""
    errors = list(exc.error_log)
    if not errors or any(err.type != _UNDEFINED_PREFIX for err in errors):
        line = f" (line {exc.lineno})" if exc.lineno else ""
        reason = str(exc.msg if hasattr(exc, "msg") else exc).split(",")[0]
        raise ImportFileError(f"damaged {kind} file: the XML is not well-formed{line}: {reason}") from None
    prefixes = sorted({m.group(1) for e in errors if (m := re.search(r"prefix (\S+) ", e.message))})
    root = etree.fromstring(data, _parser(recover=True))
    shown = ", ".join(f"'{p}:'" for p in prefixes) or "a prefix"
    return root, [f"the file uses undeclared XML namespace {shown}; read anyway"]


def local(tag: object) -> str:
    """An element's tag without its namespace (comments and the like give "")."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
