"""Models of the events app (see its issue)."""
