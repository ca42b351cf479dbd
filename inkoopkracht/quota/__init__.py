"""Quota and social return: national targets and regimes, the levy, SROI catalogues, PSO."""
