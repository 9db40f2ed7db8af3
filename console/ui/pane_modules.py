"""Importing this module registers every pane. Add a pane: write its module, import it here."""

import console.ui.alarm_pane
import console.ui.audit_pane
import console.ui.camera_wall
import console.ui.checks_pane
import console.ui.duty_pane
import console.ui.playback_pane
import console.ui.records_pane
import console.ui.site_pane
import console.ui.visits_pane  # noqa: F401
