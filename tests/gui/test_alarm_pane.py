"""The alarm queue pane driven as an operator would, on the demo site (offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from console.core.alarms import State
from console.core.desk import Desk
from console.ui.alarm_pane import AlarmPane, CloseAlarmDialog
from console.ui.mainwindow import MainWindow
from devices.alarms.base import DeviceEvent, EventType
from tests.gui.conftest import FakePlayer

SRC = "demo-panel"


def raise_(desk: Desk, point: str, kind: EventType = EventType.ALARM) -> int | None:
    return desk.alarms.ingest(DeviceEvent(SRC, kind, point, code=f"{point}")).alarm_id


def pane_of(window: MainWindow) -> AlarmPane:
    pane = window.docks["alarms"].widget()
    assert isinstance(pane, AlarmPane)
    return pane


def cell(pane: AlarmPane, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole):
    return pane.proxy.index(row, column).data(role)


def test_new_fire_alarm_shows_red_with_words_and_sounds(qtbot, operator_window) -> None:
    pane = pane_of(operator_window)
    raise_(operator_window.desk, "sim:1")
    qtbot.waitUntil(lambda: pane.proxy.rowCount() == 1)
    assert cell(pane, 0, 0) == "P1 Fire"
    assert cell(pane, 0, 2) == "1号楼1层大堂烟感"
    assert cell(pane, 0, 0, Qt.ItemDataRole.BackgroundRole) == QColor("#c62828")
    loop = pane.sound.loop
    assert isinstance(loop, FakePlayer)
    assert loop.loop
    assert loop.playing
    qtbot.waitUntil(lambda: "1号楼大堂" in pane.detail.info.text())  # the zone's camera


def test_f2_acknowledges_the_top_alarm_and_stops_the_sound(qtbot, operator_window) -> None:
    desk, pane = operator_window.desk, pane_of(operator_window)
    tamper = raise_(desk, "sim:9")
    fire = raise_(desk, "sim:2")
    qtbot.waitUntil(lambda: pane.proxy.rowCount() == 2)
    assert pane.sound.loop.playing
    operator_window.activateWindow()
    qtbot.keyClick(operator_window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: desk.alarms.get(fire).state == State.ACKNOWLEDGED)
    assert desk.alarms.get(tamper).state == State.NEW
    qtbot.waitUntil(lambda: not pane.sound.loop.playing)


def test_lifecycle_through_the_detail_panel(qtbot, operator_window, monkeypatch) -> None:
    desk, pane = operator_window.desk, pane_of(operator_window)
    alarm_id = raise_(desk, "sim:8")  # lift
    qtbot.waitUntil(lambda: pane.detail.detail is not None)
    assert not pane.detail.close_button.isEnabled()
    qtbot.mouseClick(pane.detail.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.detail.close_button.isEnabled())
    assert pane.detail.sop_title.text().endswith("Lift entrapment")
    pane.detail.sop.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: "identify" in desk.alarms.detail(alarm_id).ticked())
    pane.detail.dispatch_to.setText("1号楼 王保安")
    qtbot.keyClick(pane.detail.dispatch_to, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.alarms.get(alarm_id).dispatched_to == "1号楼 王保安")
    qtbot.waitUntil(lambda: "✔" in pane.detail.sop.item(0).text())
    qtbot.waitUntil(lambda: pane.detail.dispatch_to.text() == "")
    opened: list[CloseAlarmDialog] = []
    monkeypatch.setattr(CloseAlarmDialog, "open", lambda self: opened.append(self))
    pane.close_selected()
    dialog = opened[0]
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()  # a comment is required
    dialog.resolution.setCurrentIndex(dialog.resolution.findData("real"))
    dialog.comment.setPlainText("3人被困，维保10分钟后放出，无人受伤")
    assert ok.isEnabled()
    dialog.accept()
    qtbot.waitUntil(lambda: desk.alarms.get(alarm_id).state == State.CLOSED)
    assert desk.alarms.get(alarm_id).resolution == "real"
    qtbot.waitUntil(lambda: pane.proxy.rowCount() == 0)
    pane.show_closed.setCurrentIndex(1)
    qtbot.waitUntil(lambda: pane.proxy.rowCount() == 1)


def test_restore_is_shown_and_the_alarm_stays(qtbot, operator_window) -> None:
    desk, pane = operator_window.desk, pane_of(operator_window)
    raise_(desk, "sim:5")
    raise_(desk, "sim:5", EventType.RESTORE)
    qtbot.waitUntil(lambda: pane.proxy.rowCount() == 1 and "restored" in cell(pane, 0, 4))
    assert cell(pane, 0, 5) == "New"


def test_flood_banner_and_grouping(qtbot, operator_window) -> None:
    desk, pane = operator_window.desk, pane_of(operator_window)
    first = raise_(desk, "sim:4")
    desk.alarms.acknowledge(desk.auth.authenticate("li", "operator-pass-1"), first)
    for _ in range(5):
        new = raise_(desk, "sim:4")
        desk.alarms.acknowledge(desk.auth.authenticate("li", "operator-pass-1"), new)
    for n in (1, 2, 3, 5):
        raise_(desk, f"sim:{n}")
    qtbot.waitUntil(lambda: not pane.banner.isHidden(), timeout=10000)
    assert "10 new alarms" in pane.banner.text()
    assert pane.group.isChecked()
    qtbot.waitUntil(lambda: pane.proxy.rowCount() == 5)  # 6 garage alarms grouped into one
    zones = [cell(pane, r, 2) for r in range(5)]
    assert any(z.startswith("地下车库B1红外探测 ×6") for z in zones)
    pane.group.setChecked(False)
    assert pane.proxy.rowCount() == 10


def test_operator_cannot_shelve_and_controls_are_named(qtbot, operator_window) -> None:
    pane = pane_of(operator_window)
    raise_(operator_window.desk, "sim:4")
    qtbot.waitUntil(lambda: pane.detail.detail is not None)
    assert not pane.detail.shelve_button.isEnabled()
    unnamed = [
        w.objectName() or type(w).__name__
        for w in pane.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QLineEdit)
        and w.isVisibleTo(pane)
        and not w.accessibleName()
    ]
    assert unnamed == []
    shortcuts = dict(operator_window.shortcuts())
    assert shortcuts.get("Acknowledge top alarm") == "F2"


def test_supervisor_shelves_a_zone_from_the_pane(qtbot, desk, admin) -> None:
    from tests.gui.conftest import open_window

    window = open_window(qtbot, desk, "chief", "admin-pass-1")
    pane = pane_of(window)
    raise_(desk, "sim:4")
    qtbot.waitUntil(lambda: pane.detail.detail is not None)
    assert pane.detail.shelve_button.isEnabled()
    from console.ui.alarm_pane import ShelveDialog

    dialog = ShelveDialog(pane, "garage-b1-ir", "地下车库B1红外探测")
    dialog.reason.setText("车库施工")
    dialog.hours.setValue(2)
    dialog.accept()
    qtbot.waitUntil(lambda: [s.zone_id for s in desk.alarms.shelves()] == ["garage-b1-ir"])
    qtbot.waitUntil(lambda: "shelved" in cell(pane, 0, 5))
    assert not pane.sound.loop.playing
    window.close()
    QApplication.processEvents()


def test_no_sound_library_is_said_not_hidden(qtbot, desk, operator, monkeypatch) -> None:
    import console.ui.alarm_sound as sound

    monkeypatch.setattr(sound, "make_player", lambda *_args: sound.SilentPlayer())
    from tests.gui.conftest import open_window

    window = open_window(qtbot, desk, "li", "operator-pass-1")
    pane = pane_of(window)
    assert not pane.sound.available
    assert pane.no_sound.isVisibleTo(pane)
    window.close()


def test_table_shows_queue_order_fire_first(qtbot, operator_window) -> None:
    desk, pane = operator_window.desk, pane_of(operator_window)
    for point in ("sim:9", "sim:5", "sim:1"):  # tamper, perimeter, fire: in arrival order
        raise_(desk, point)
    qtbot.waitUntil(lambda: pane.proxy.rowCount() == 3)
    assert [cell(pane, r, 0) for r in range(3)] == ["P1 Fire", "P3 Perimeter", "P4 Tamper"]
    pane.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # newest first on request
    assert [cell(pane, r, 0) for r in range(3)] == ["P1 Fire", "P3 Perimeter", "P4 Tamper"]
    pane.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert cell(pane, 0, 0) == "P4 Tamper"


def test_a_new_alarm_enlarges_its_camera_and_f3_shows_it_again(qtbot, operator_window) -> None:
    from console.ui.camera_wall import CameraWall

    desk = operator_window.desk
    wall = operator_window.docks["wall"].widget()
    assert isinstance(wall, CameraWall)
    fire = raise_(desk, "sim:1")  # 1号楼1层大堂烟感, camera b1-lobby
    qtbot.waitUntil(lambda: wall.alarm_shown is not None, timeout=3000)
    enlarged = [t for t in wall.tiles() if t.alarm_zone == "1号楼1层大堂烟感"]
    assert [t.camera_id for t in enlarged] == ["b1-lobby"]
    wall.dismiss_all_alarms()
    assert wall.alarm_shown is None
    pane = pane_of(operator_window)
    qtbot.waitUntil(lambda: pane.proxy.rowCount() == 1)
    operator_window.activateWindow()
    qtbot.keyClick(operator_window, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: wall.alarm_shown is not None, timeout=3000)
    assert any(t.camera_id == "b1-lobby" and t.alarm_zone for t in wall.tiles())
    assert desk.alarms.get(fire).state == State.NEW  # showing the camera acknowledges nothing


def test_an_alarm_from_before_the_log_in_still_brings_up_its_camera(qtbot, desk, operator) -> None:
    from console.ui.camera_wall import CameraWall
    from tests.conftest import OPERATOR_PASSWORD
    from tests.gui.conftest import open_window

    raise_(desk, "sim:9")  # tamper on garage-b1, lower priority
    fire = raise_(desk, "sim:1")  # fire on b1-lobby: the top of the queue
    window = open_window(qtbot, desk, "li", OPERATOR_PASSWORD)
    wall = window.docks["wall"].widget()
    assert isinstance(wall, CameraWall)
    qtbot.waitUntil(lambda: wall.alarm_shown is not None, timeout=5000)
    assert wall.alarm_shown.alarm_id == fire
    wall.dismiss_alarm()
    qtbot.waitUntil(lambda: wall.alarm_shown is not None and wall.alarm_shown.alarm_id != fire)
    assert wall.alarm_shown.camera_id == "garage-b1"
    window.close()


def test_alarm_show_raises_the_pane_and_selects_that_alarm(qtbot, operator_window) -> None:
    """What a click on a zone of the site plan asks for ("alarm.show")."""
    desk, pane = operator_window.desk, pane_of(operator_window)
    fire = raise_(desk, "sim:1")
    beam = raise_(desk, "sim:5")
    qtbot.waitUntil(lambda: pane.proxy.rowCount() == 2)
    qtbot.waitUntil(lambda: pane.selected_id == fire)  # the top of the queue first
    operator_window.docks["log"].raise_()  # the duty log shares the alarms' tabbed dock
    qtbot.waitUntil(lambda: pane.visibleRegion().isEmpty())  # its tab is behind

    desk.bus.publish("alarm.show", alarm_id=beam, zone_id="perimeter-north-beam")
    qtbot.waitUntil(lambda: not pane.visibleRegion().isEmpty())  # raised
    assert pane.selected_id == beam
    assert pane.selected().zone_name == "周界北侧红外对射"
    assert pane.table.selectionModel().selectedRows()[0].data() == "P3 Perimeter"
    qtbot.waitUntil(lambda: pane.detail.detail is not None and pane.detail.detail.alarm.id == beam)

    # Not loaded yet (raised a moment ago): selected once the reload brings it.
    panic = raise_(desk, "sim:7")
    assert not pane.select_alarm(panic)
    qtbot.waitUntil(lambda: pane.selected() is not None and pane.selected().id == panic)

    # From the recently closed alarms, back to the open ones.
    pane.show_closed.setCurrentIndex(1)
    qtbot.waitUntil(lambda: pane.proxy.rowCount() == 0)
    desk.bus.publish("alarm.show", alarm_id=fire)
    qtbot.waitUntil(lambda: pane.selected() is not None and pane.selected().id == fire)
    assert pane.show_closed.currentIndex() == 0
