"""The real window on a virtual screen: first start, log-in, screenshot, clean exit."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from console.core.desk import Desk
from tests.e2e.conftest import run_main, start_main
from tests.e2e.screen import Screen

PASSWORD = "first-admin-1"


def _distinct_colours(image: QImage) -> int:
    small = image.scaled(160, 100)
    return len({small.pixel(x, y) for x in range(small.width()) for y in range(small.height())})


FAST_SCRIPT = """script = \"\"\"
1 sim:5 alarm 周界北侧对射遮挡
2 sim:1 alarm 大堂烟感报警
3 sim:9 alarm 探测器防拆
4 sim:5 restore
\"\"\"
"""


def _fast_demo_script(site: Path) -> None:
    """The demo panel's alarms within seconds, so the screenshot shows a working queue."""
    text = site.read_text(encoding="utf-8")
    start = text.index('script = """')
    end = text.index('"""', start + len('script = """')) + 3
    site.write_text(text[:start] + FAST_SCRIPT + text[end:], encoding="utf-8")


@pytest.mark.e2e
def test_first_start_login_and_screenshot(screen: Screen, site_copy: Path, artifacts: Path) -> None:
    _fast_demo_script(site_copy)
    with start_main("--site", str(site_copy), env=screen.env()) as proc:
        first = screen.wait_window("创建首个系统管理员")
        screen.type_into(
            first,
            "chief",
            "key:Tab",
            "wang",
            "key:Tab",
            "key:Tab",
            PASSWORD,
            "key:Tab",
            PASSWORD,
            "key:Return",
        )
        login = screen.wait_window("Watchdesk 登录")
        screen.type_into(login, PASSWORD, "key:Return")  # the name is filled in already
        window = screen.wait_window("^Watchdesk — ")
        time.sleep(3)  # let the panes load their data and the scripted alarms arrive
        geometry = screen.xdotool("getwindowgeometry", "--shell", window)
        size = dict(line.split("=") for line in geometry.splitlines())
        assert int(size["WIDTH"]) >= 1500, "the first start should fill the screen"
        assert int(size["HEIGHT"]) <= 1000, "the window grew past the screen (status bar cut)"
        shot = artifacts / "main-window.png"
        screen.screenshot(shot)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0

    image = QImage(str(shot))
    assert image.width() >= 1024
    assert _distinct_colours(image) > 20, "the screenshot looks blank"
    desk = Desk.open(site_copy)
    try:
        assert desk.verify_audit()[1] is None
        with desk.db.read() as s:
            from sqlalchemy import text

            actions = [
                r[0] for r in s.execute(text("select action from audit_records order by seq"))
            ]
    finally:
        desk.close()
    people = [a for a in actions if not a.startswith("alarm.")]  # alarms arrive at any time
    assert people[:3] == ["user.add", "auth.login", "shift.join"]
    assert "pref.set" in actions  # the arrangement was saved on the way out
    assert people[-2:] == ["auth.logout", "shift.leave"]
    assert actions.count("alarm.event.raised") == 3  # stored while the window was up


@pytest.mark.e2e
def test_gui_refuses_an_invalid_site_before_any_window(site_copy: Path, screen: Screen) -> None:
    site_copy.write_text('[site]\nname = "x"\n[[cameras]]\nid = "Bad Id"\n', encoding="utf-8")
    result = run_main("--site", str(site_copy), env=screen.env())
    assert result.returncode == 1
    assert f"{site_copy}:4: cameras[0].id:" in result.stderr
