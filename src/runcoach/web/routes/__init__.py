"""One router per area; each serves its page(s) and its ``/api/`` route(s) from one context."""
