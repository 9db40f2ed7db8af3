"""Watchdesk: the monitoring-room console of a residential compound."""

__version__ = "0.1.0"
