"""Jobs monitoring: pseudonymous placements, the banen count, quarterly reporting, imports."""
