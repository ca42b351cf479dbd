"""Audit records and the access log: who did what to which object, when, with what result.

Every app may import this package (it is a leaf). Services call::

    from inkoopkracht import audit
    audit.record(actor=by, action="partnership.created", target=partnership)
"""


def record(**kwargs):
    from .services import record as _record

    return _record(**kwargs)


def record_read(**kwargs):
    from .services import record_read as _record_read

    return _record_read(**kwargs)


def save_model_form(**kwargs):
    from .services import save_model_form as _save_model_form

    return _save_model_form(**kwargs)
