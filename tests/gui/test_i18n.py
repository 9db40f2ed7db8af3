"""Language: Chinese first, English by setting; every string translated; CJK renders."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from console.core.auth import Actor
from console.core.desk import Desk
from console.paths import ROOT
from console.ui.i18n import I18N, install_language, use_cjk_font
from console.ui.mainwindow import LANGUAGE_PREF
from tests.conftest import OPERATOR_PASSWORD
from tests.gui.conftest import open_window

TS = I18N / "watchdesk_zh_CN.ts"
QM = I18N / "watchdesk_zh_CN.qm"
BIN = Path(sys.executable).parent


def _unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    return [
        m.findtext("source") or ""
        for m in tree.iter("message")
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]


def test_every_ui_string_has_a_chinese_translation(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "console" / "ui").glob("*.py"))
    subprocess.run(
        [BIN / "pyside6-lupdate", *sources, "-ts", str(copy)], check=True, capture_output=True
    )
    assert _unfinished(copy) == []


def test_compiled_translations_match_their_source(tmp_path: Path) -> None:
    fresh = tmp_path / QM.name
    subprocess.run([BIN / "pyside6-lrelease", "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run scripts/bootstrap setup and commit the .qm"


def test_chinese_is_ours_and_qts_own(qapp: QApplication) -> None:
    assert install_language(qapp, "zh_CN")
    assert QCoreApplication.translate("MainWindow", "&Site") == "站点(&S)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert install_language(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&Site") == "&Site"


def test_the_operators_language_applies_at_their_log_in(
    qtbot, qapp: QApplication, desk: Desk, operator: Actor
) -> None:
    from console.ui.app import DeskApp

    desk.set_pref(operator, LANGUAGE_PREF, "en")
    controller = DeskApp(qapp, desk, None)  # the demo site says zh_CN
    assert QCoreApplication.translate("MainWindow", "&Site") == "站点(&S)"
    window = controller.open_window(desk.login("li", OPERATOR_PASSWORD))
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "&Site"
    window.close()


def test_a_window_in_chinese(qtbot, qapp: QApplication, desk: Desk, operator: Actor) -> None:
    install_language(qapp, "zh_CN")
    window = open_window(qtbot, desk, "li", OPERATOR_PASSWORD)
    assert [a.text() for a in window.menuBar().actions()] == [
        "站点(&S)",
        "报警(&A)",
        "摄像机(&C)",
        "检查(&K)",
        "值班(&D)",
        "借阅(&L)",
        "录像回放(&P)",
        "平面图(&N)",
        "记录(&R)",
        "报表(&T)",
        "访客(&I)",
        "视图(&V)",
        "用户(&U)",
        "帮助(&H)",
    ]
    assert window.docks["site"].windowTitle() == "站点设备"
    assert window.docks["alarms"].windowTitle() == "报警队列"
    window.close()


def test_a_cjk_font_is_installed_and_used(qapp: QApplication) -> None:
    family = use_cjk_font(qapp)
    assert family is not None, "install fonts-noto-cjk"
    assert qapp.font().family() == family


def test_alarm_errors_are_worded_in_chinese(qapp: QApplication) -> None:
    from console.core.alarms import AlarmError
    from console.ui.wording import describe

    install_language(qapp, "zh_CN")
    assert describe(AlarmError("already_acknowledged", "x")) == "该报警已被他人确认。"
    assert describe(AlarmError("some_new_code", "raw text")) == "raw text"
