"""Alarm-source drivers: bytes from panels, receivers and I/O modules in, typed events out."""
