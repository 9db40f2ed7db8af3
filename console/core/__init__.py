"""Qt-free domain services: site, auth, audit chain; later alarms, shifts, visits, loans."""
