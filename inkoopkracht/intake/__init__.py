"""Intake: public applications for new proeftuinen, the pipeline, information and guide requests."""
