"""Reports: dashboards, the programme report, exports and open data (reads the other apps)."""
