"""Proeftuinen: buyer + supplier + parties, contracts, cohort, step, status, ambition; the portal."""
