"""Intercom backends: call a resident's indoor station over SIP (baresip), or a simulator."""
