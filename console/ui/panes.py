"""The pane registry. A pane module calls `register()` at import; the main window makes a dock
for each registered pane the operator's role may see. The window holds no pane logic."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from console.core.auth import Actor, Permission
from console.core.desk import Desk
from console.ui.bridge import BusBridge


@dataclass(frozen=True)
class PaneContext:
    desk: Desk
    actor: Actor
    bridge: BusBridge


@dataclass(frozen=True)
class PaneSpec:
    key: str  # stable: it names the dock in the saved arrangement
    title: Callable[[], str]  # translated at window build time
    factory: Callable[[PaneContext], QWidget]
    area: Qt.DockWidgetArea = Qt.DockWidgetArea.LeftDockWidgetArea
    permission: Permission | None = None  # None: every role
    shortcut: str = ""  # shows and focuses the pane
    # A menu of its own: the pane widget's menu_actions() fill it (window-wide shortcuts).
    menu_title: Callable[[], str] | None = None
    # First start only (before an operator arranges the window): share a tabbed dock with
    # this pane, and take this share of the window's width against the other side.
    tab_with: str | None = None
    stretch: int = 0


_REGISTRY: dict[str, PaneSpec] = {}


def register(spec: PaneSpec) -> PaneSpec:
    if spec.key in _REGISTRY and _REGISTRY[spec.key] != spec:
        raise ValueError(f"two panes registered as {spec.key!r}")
    _REGISTRY[spec.key] = spec
    return spec


def registered() -> list[PaneSpec]:
    """Every pane, in the order of `pane_modules.PANE_MODULES`."""
    from console.ui.pane_modules import PANE_MODULES  # importing it registers the panes

    order = {module: index for index, module in enumerate(PANE_MODULES)}
    return sorted(_REGISTRY.values(), key=lambda s: order.get(s.factory.__module__, len(order)))


def raise_dock(pane: QWidget) -> None:
    """Show the dock holding `pane` on top (a tabbed dock may hide it)."""
    parent = pane.parentWidget()
    if isinstance(parent, QDockWidget):
        parent.show()
        parent.raise_()
