"""The web app: server-rendered pages and a JSON API over the same service functions as the CLI.

``create_app(settings)`` in :mod:`runcoach.web.app` builds it; ``runcoach serve`` runs it with uvicorn.
"""
