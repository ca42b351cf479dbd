"""Models of the intake app (see its issue)."""
