"""Camera drivers: live capture (PyAV), recording by remux, clip export, retention, simulator."""
