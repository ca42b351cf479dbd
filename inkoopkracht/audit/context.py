"""Where a request came from, for the 'origin' of audit records (set by the middleware)."""

from contextvars import ContextVar

_origin: ContextVar[str] = ContextVar("audit_origin", default="")


def current_origin() -> str:
    return _origin.get()


class AuditContextMiddleware:
    """Remember the client address of the current request (a proxy-set header when trusted)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _origin.set(request.META.get("REMOTE_ADDR", ""))
        try:
            return self.get_response(request)
        finally:
            _origin.reset(token)


def set_origin(value: str):
    """For commands and tasks: ``token = set_origin("cli"); ...``."""
    return _origin.set(value)
