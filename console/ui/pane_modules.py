"""Importing this module registers every pane. Add a pane: write its module, list it here.

The panes' docks and menus follow this list (`panes.registered()`), whichever pane module
happened to be imported first.
"""

import importlib

PANE_MODULES = (
    "console.ui.alarm_pane",
    "console.ui.analytics_pane",
    "console.ui.audit_pane",
    "console.ui.camera_wall",
    "console.ui.checks_pane",
    "console.ui.duty_pane",
    "console.ui.loans_pane",
    "console.ui.playback_pane",
    "console.ui.plan_pane",
    "console.ui.records_pane",
    "console.ui.reports_pane",
    "console.ui.site_pane",
    "console.ui.visits_pane",
)

for _module in PANE_MODULES:
    importlib.import_module(_module)
