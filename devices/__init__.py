"""Qt-free device drivers, one module per protocol (alarms, cameras, intercom)."""
