"""The core service layer: the functions the CLI and the web app both call.

Services take plain arguments (keyword-only), return plain data or dataclasses, raise
:class:`~runcoach.errors.RuncoachError` for anything the caller did wrong, and never print.
"""
