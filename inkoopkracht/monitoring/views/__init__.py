"""Views of the monitoring app, one module per subject (thin: look up, call a service, render)."""
