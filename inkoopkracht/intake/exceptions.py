"""Refusals of the intake services; every message is Dutch and meant for the user."""


class IntakeError(Exception):
    """A change that cannot be made."""


class DuplicateApplication(IntakeError):
    """The same application arrived before, within INTAKE_DUPLICATE_WINDOW_DAYS."""


class TooManySubmissions(IntakeError):
    """The rate limit for this client address is reached."""
