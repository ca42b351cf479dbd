"""Non-domain helpers shared by every app (a leaf: imports nothing from the apps)."""
