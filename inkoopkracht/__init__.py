"""Inkoopkracht: the platform of the programme Partnership en inkoopkracht."""
