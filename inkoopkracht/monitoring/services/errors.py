"""The domain exception of the monitoring app."""


class MonitoringError(Exception):
    """A change that cannot be made; the message is for the user (Dutch)."""
