"""Models of the quota app (see its issue)."""
