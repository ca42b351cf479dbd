"""Models of the reports app (see its issue)."""
