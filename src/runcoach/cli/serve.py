"""``runcoach serve``: the web app (pages and JSON API) on this machine, with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command("serve", help="Start the web app (pages and a JSON API) on http://HOST:PORT.")(serve)


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    max_upload_mb: Annotated[
        int, typer.Option("--max-upload-mb", min=1, max=1024, help="Largest upload accepted, in MB.")
    ] = 20,
) -> None:
    import uvicorn

    from runcoach.cli.app import state
    from runcoach.cli.common import note
    from runcoach.web.app import create_app
    from runcoach.web.settings import WebSettings

    settings = WebSettings(settings=state(ctx).settings, max_upload_bytes=max_upload_mb * 1024 * 1024)
    note(f"runcoach web app on http://{host}:{port}/ (Ctrl+C stops it)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
