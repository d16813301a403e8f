"""Typed settings of the web app: the log database (the CLI's ``Settings``) and the upload cap."""

from __future__ import annotations

from dataclasses import dataclass, field

from runcoach.settings import Settings, load_settings

#: the largest upload the web app accepts (an activity file, or a zip of a few months of them)
DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class WebSettings:
    """What one web app instance needs: where the log is, and how large an upload may be."""

    settings: Settings = field(default_factory=load_settings)
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    #: the runner whose log the app shows; None is the default local runner (an auth layer sets it)
    runner_id: int | None = None
