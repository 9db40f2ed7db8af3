"""Integration tests talk to real peers; the socat pty pair fixture lives in tests/conftest.py."""
