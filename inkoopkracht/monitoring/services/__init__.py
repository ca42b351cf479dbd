"""Every change to monitoring data (temporary during development)."""

from .errors import MonitoringError
from .placements import change_hours, create_placement, delete_placement, update_placement
