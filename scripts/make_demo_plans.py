"""Draw the demo site's two plan images: the compound's site plan and the B1 garage.

    .venv/bin/python scripts/make_demo_plans.py [OUT_DIR]     (default: resources/plans)

Schematic drawings in flat colours (they compress well: each PNG stays well under 200 KB),
labelled in Chinese with English, drawn with QPainter into a QImage on Qt's offscreen
platform. The demo site file lists them under [[plans]]; an admin places the zone and camera
markers on them in the plan pane. Run it again after changing a drawing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402 - after the platform is chosen
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

WIDTH, HEIGHT = 1600, 1000
FONT = "Noto Sans CJK SC"
ROOT = Path(__file__).resolve().parent.parent

PAPER = QColor("#f7f6f1")
INK = QColor("#37474f")
SOFT_INK = QColor("#607d8b")
ROAD = QColor("#d5d8dc")
ROAD_EDGE = QColor("#b0b6bd")
LAWN = QColor("#d7ecc9")
TREE = QColor("#a5d38f")
BUILDING = QColor("#e8e2d4")
BUILDING_EDGE = QColor("#8d8170")
WATER = QColor("#cfe6f3")
FENCE = QColor("#5d4037")
RAMP = QColor("#ffe0b2")
SLAB = QColor("#eceff1")
BAY = QColor("#fafafa")
CORE = QColor("#d1c4e9")


def font(size: float, bold: bool = False) -> QFont:
    made = QFont(FONT)
    made.setPixelSize(round(size))
    made.setBold(bold)
    return made


def text(
    painter: QPainter,
    rect: QRectF,
    lines: str,
    size: float = 18,
    bold: bool = False,
    colour: QColor = INK,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
) -> None:
    painter.setFont(font(size, bold))
    painter.setPen(colour)
    painter.drawText(rect, int(align), lines)


def box(painter: QPainter, rect: QRectF, fill: QColor, edge: QColor, width: float = 2) -> None:
    painter.setPen(QPen(edge, width))
    painter.setBrush(fill)
    painter.drawRect(rect)


def arrow(painter: QPainter, start: QPointF, end: QPointF, colour: QColor, width: float) -> None:
    """A line with a filled head at `end`."""
    painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(start, end)
    direction = end - start
    length = (direction.x() ** 2 + direction.y() ** 2) ** 0.5 or 1.0
    ux, uy = direction.x() / length, direction.y() / length
    head = 4 * width
    left = QPointF(end.x() - head * ux + head * 0.6 * uy, end.y() - head * uy - head * 0.6 * ux)
    right = QPointF(end.x() - head * ux - head * 0.6 * uy, end.y() - head * uy + head * 0.6 * ux)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([end, left, right]))


def title_block(painter: QPainter, title: str, subtitle: str) -> None:
    box(painter, QRectF(20, 18, 640, 64), QColor("#ffffff"), INK, 1.5)
    text(painter, QRectF(36, 20, 620, 36), title, 24, True, align=Qt.AlignmentFlag.AlignLeft)
    text(
        painter,
        QRectF(36, 54, 620, 24),
        subtitle,
        14,
        colour=SOFT_INK,
        align=Qt.AlignmentFlag.AlignLeft,
    )


def north_arrow(painter: QPainter, centre: QPointF) -> None:
    painter.setPen(QPen(INK, 2))
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(centre, 30, 30)
    painter.setBrush(INK)
    painter.drawPolygon(
        QPolygonF(
            [
                QPointF(centre.x(), centre.y() - 26),
                QPointF(centre.x() - 10, centre.y() + 14),
                QPointF(centre.x(), centre.y() + 6),
                QPointF(centre.x() + 10, centre.y() + 14),
            ]
        )
    )
    text(painter, QRectF(centre.x() - 40, centre.y() + 30, 80, 24), "北 N", 16, True)


def scale_bar(painter: QPainter, left: QPointF, pixels: float, metres: int) -> None:
    """Four blocks, numbered at the start, the middle and the end."""
    painter.setPen(QPen(INK, 2))
    for i in range(4):
        fill = INK if i % 2 == 0 else QColor("#ffffff")
        painter.setBrush(fill)
        painter.drawRect(QRectF(left.x() + i * pixels / 4, left.y(), pixels / 4, 8))
    for share, label in ((0.0, "0"), (0.5, str(metres // 2)), (1.0, f"{metres} m")):
        x = left.x() + share * pixels
        text(painter, QRectF(x - 40, left.y() + 10, 80, 22), label, 13, colour=SOFT_INK)


# ---- the site plan ------------------------------------------------------------------------------


def trees(painter: QPainter, rect: QRectF, step: float) -> None:
    painter.setPen(QPen(QColor("#7cb867"), 1))
    painter.setBrush(TREE)
    y = rect.top() + step / 2
    row = 0
    while y < rect.bottom():
        x = rect.left() + step / 2 + (step / 2 if row % 2 else 0)
        while x < rect.right():
            painter.drawEllipse(QPointF(x, y), step * 0.22, step * 0.22)
            x += step
        y += step
        row += 1


def building(painter: QPainter, rect: QRectF, name: str, note: str = "") -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 28))
    painter.drawRect(rect.translated(6, 6))  # a soft shadow
    box(painter, rect, BUILDING, BUILDING_EDGE, 2.5)
    lines = name + ("\n" + note if note else "")
    text(painter, rect, lines, 20, True)


def site_plan() -> QImage:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(PAPER)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    # Outside the compound: the city roads to the east and south.
    box(painter, QRectF(1450, 0, 150, HEIGHT), ROAD, ROAD_EDGE, 1)
    box(painter, QRectF(0, 950, 1450, 50), ROAD, ROAD_EDGE, 1)
    painter.save()
    painter.translate(1530, 640)
    painter.rotate(-90)
    text(painter, QRectF(-170, -16, 340, 32), "翠湖路 Cuihu Road (城市道路 city road)", 16)
    painter.restore()
    text(painter, QRectF(300, 952, 800, 44), "湖滨街 Hubin Street (城市道路 city road)", 16)

    fence = QRectF(60, 110, 1340, 810)
    # Lawn and trees inside the fence, roads over them.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(LAWN)
    painter.drawRect(fence.adjusted(6, 6, -6, -6))
    trees(painter, QRectF(80, 130, 1300, 40), 46)
    trees(painter, QRectF(80, 860, 1300, 40), 46)

    roads = [
        QRectF(180, 500, 1230, 56),  # the main road, from the east gate westward
        QRectF(180, 200, 56, 660),  # west road
        QRectF(180, 200, 1020, 50),  # north road
        QRectF(1150, 200, 50, 356),  # east link
        QRectF(180, 810, 760, 50),  # south road
        QRectF(700, 180, 60, 40),  # to the north gate
    ]
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ROAD)
    for road in roads:
        painter.drawRect(road)
    painter.setPen(QPen(QColor("#ffffff"), 2, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(240, 528), QPointF(1400, 528))

    # The central lawn with its pond.
    lawn = QRectF(560, 600, 360, 190)
    painter.setPen(QPen(QColor("#8bc34a"), 2))
    painter.setBrush(QColor("#c5e1a5"))
    painter.drawRoundedRect(lawn, 30, 30)
    painter.setPen(QPen(QColor("#81b4d0"), 2))
    painter.setBrush(WATER)
    painter.drawEllipse(QRectF(600, 640, 130, 80))
    trees(painter, QRectF(760, 616, 150, 110), 40)
    text(painter, QRectF(560, 730, 360, 56), "中心绿地 Central lawn", 17, True, QColor("#33691e"))

    building(painter, QRectF(290, 290, 360, 170), "1号楼 Building 1", "18层 18 floors · 大堂 lobby")
    building(painter, QRectF(760, 290, 340, 170), "2号楼 Building 2", "18层 18 floors")
    building(painter, QRectF(290, 600, 220, 190), "3号楼\nBuilding 3", "11层 11 floors")
    building(painter, QRectF(980, 600, 210, 110), "会所\nClubhouse")

    # The garage ramp down to B1, beside the east gate.
    ramp = QRectF(1230, 580, 150, 150)
    box(painter, ramp, RAMP, QColor("#e65100"), 2)
    painter.save()
    painter.setClipRect(ramp)
    painter.setPen(QPen(QColor("#ffb74d"), 6))
    for offset in range(-150, 160, 26):
        painter.drawLine(
            QPointF(ramp.left() + offset, ramp.bottom()),
            QPointF(ramp.left() + offset + 150, ramp.top()),
        )
    painter.restore()
    box(painter, QRectF(1240, 606, 130, 68), QColor(255, 255, 255, 220), QColor("#e65100"), 1)
    text(painter, QRectF(1240, 606, 130, 68), "车库坡道\nGarage ramp\n↓ B1", 14, True)
    painter.setPen(QPen(ROAD, 40))
    painter.drawLine(QPointF(1305, 556), QPointF(1305, 580))

    # The fence, with the two gates left open in it.
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(FENCE, 5, Qt.PenStyle.DashLine))
    path = QPainterPath()
    path.moveTo(1400, 470)  # east side, north of the east gate
    path.lineTo(1400, 110)
    path.lineTo(760, 110)  # north side, east of the north gate
    path.moveTo(700, 110)
    path.lineTo(60, 110)
    path.lineTo(60, 920)
    path.lineTo(1400, 920)
    path.lineTo(1400, 586)
    painter.drawPath(path)
    text(painter, QRectF(120, 80, 560, 28), "北侧周界围栏 North perimeter fence", 16, True, FENCE)
    painter.save()
    painter.translate(1420, 300)
    painter.rotate(90)
    text(painter, QRectF(-150, -14, 300, 28), "东侧围栏 East fence", 15, True, FENCE)
    painter.restore()

    # The east gate: barrier, guard booth, the way in.
    box(painter, QRectF(1352, 440, 44, 36), QColor("#ffffff"), INK, 2)
    text(painter, QRectF(1300, 400, 150, 40), "岗亭 Booth", 13, True)
    painter.setPen(QPen(QColor("#c62828"), 5))
    painter.drawLine(QPointF(1400, 500), QPointF(1400, 528))
    painter.setPen(QPen(QColor("#ffffff"), 5, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(1400, 528), QPointF(1400, 556))
    arrow(painter, QPointF(1445, 528), QPointF(1410, 528), INK, 3)
    box(painter, QRectF(1248, 452, 100, 40), QColor("#ffffff"), INK, 1.5)
    text(painter, QRectF(1248, 452, 100, 40), "东门\nEast gate", 13, True)
    # The north gate.
    box(painter, QRectF(770, 60, 130, 44), QColor("#ffffff"), INK, 1.5)
    text(painter, QRectF(770, 60, 130, 44), "北门 North gate\n(人行 pedestrians)", 12, True)

    title_block(painter, "翠湖花园 · 小区总平面图", "Cuihu Garden · site plan (schematic, demo)")
    north_arrow(painter, QPointF(1540, 60))
    scale_bar(painter, QPointF(1110, 36), 200, 50)
    painter.end()
    return image


# ---- the B1 garage ------------------------------------------------------------------------------


def bays(painter: QPainter, left: float, top: float, count: int, first: int, up: bool) -> None:
    """A row of parking bays (2.5 m x 5.3 m at 16 px/m), numbered."""
    width, depth = 40.0, 84.0
    painter.setFont(font(12))
    for i in range(count):
        rect = QRectF(left + i * width, top, width, depth)
        painter.setPen(QPen(QColor("#90a4ae"), 1.5))
        painter.setBrush(BAY)
        painter.drawRect(rect)
        label = rect.adjusted(0, 4, 0, -4)
        align = Qt.AlignmentFlag.AlignHCenter | (
            Qt.AlignmentFlag.AlignTop if up else Qt.AlignmentFlag.AlignBottom
        )
        painter.setPen(SOFT_INK)
        painter.drawText(label, int(align), f"{first + i:03d}")


def columns(painter: QPainter, xs: list[float], ys: list[float]) -> None:
    """The structure's columns, between the bays and the aisles."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#78909c"))
    for y in ys:
        for x in xs:
            painter.drawRect(QRectF(x - 7, y - 7, 14, 14))


def core(painter: QPainter, rect: QRectF, lines: str) -> None:
    box(painter, rect, CORE, QColor("#5e35b1"), 2)
    text(painter, rect, lines, 14, True, QColor("#311b92"))


def garage_plan() -> QImage:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(PAPER)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    slab = QRectF(80, 120, 1300, 820)
    painter.setPen(QPen(INK, 6))
    painter.setBrush(SLAB)
    painter.drawRect(slab)

    # Driving aisles: two east-west, one north-south loop end.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#cfd8dc"))
    aisles = [
        QRectF(100, 310, 1260, 100),
        QRectF(100, 660, 1260, 100),
        QRectF(100, 310, 100, 450),
        QRectF(1260, 310, 100, 450),
    ]
    for aisle in aisles:
        painter.drawRect(aisle)
    for y in (360, 710):
        for x in range(260, 1200, 180):
            forward = y == 360
            start, end = (x, x + 90) if forward else (x + 90, x)
            arrow(painter, QPointF(start, y), QPointF(end, y), QColor("#ffffff"), 5)
    text(painter, QRectF(520, 318, 420, 28), "行车道 Driving aisle", 15, True, SOFT_INK)
    text(painter, QRectF(520, 722, 420, 28), "行车道 Driving aisle", 15, True, SOFT_INK)

    # Parking bays: north wall, both sides of the middle block, south wall.
    bays(painter, 230, 140, 22, 1, up=True)
    bays(painter, 230, 420, 22, 23, up=True)
    bays(painter, 230, 566, 22, 45, up=False)
    bays(painter, 230, 780, 17, 67, up=False)
    columns(painter, [230 + 220 * i for i in range(5)], [300, 535, 772])

    # The ramp up to the ground, at the east end.
    ramp = QRectF(1380, 330, 180, 100)
    box(painter, ramp, RAMP, QColor("#e65100"), 2)
    painter.save()
    painter.setClipRect(ramp)
    painter.setPen(QPen(QColor("#ffb74d"), 6))
    for offset in range(-100, 200, 22):
        painter.drawLine(
            QPointF(ramp.left() + offset, ramp.bottom()),
            QPointF(ramp.left() + offset + 100, ramp.top()),
        )
    painter.restore()
    box(painter, QRectF(1392, 344, 156, 72), QColor(255, 255, 255, 220), QColor("#e65100"), 1)
    text(
        painter, QRectF(1392, 344, 156, 72), "出入口坡道\nRamp ↑ ground\n(东门 east gate)", 13, True
    )
    painter.setPen(QPen(QColor("#cfd8dc"), 0))
    painter.setBrush(QColor("#cfd8dc"))
    painter.drawRect(QRectF(1357, 330, 26, 80))

    # Lift lobbies and stairs of the buildings above, the plant rooms.
    core(painter, QRectF(1150, 140, 200, 150), "1号楼电梯厅\nBuilding 1\nlift lobby")
    core(painter, QRectF(1130, 780, 220, 140), "3号楼电梯厅\nBuilding 3\nlift lobby")
    box(painter, QRectF(100, 140, 110, 150), QColor("#ffcdd2"), QColor("#c62828"), 2)
    text(
        painter, QRectF(100, 140, 110, 150), "消防\n泵房\nFire\npumps", 14, True, QColor("#b71c1c")
    )
    box(painter, QRectF(100, 780, 110, 140), QColor("#fff9c4"), QColor("#f9a825"), 2)
    text(painter, QRectF(100, 780, 110, 140), "配电房\nPower\nroom", 14, True, QColor("#795548"))
    stairs = QRectF(1130, 430, 120, 210)
    box(painter, stairs, QColor("#e0f2f1"), QColor("#00897b"), 2)
    text(painter, stairs, "楼梯\nStairs\n\n安全出口\nExit", 14, True, QColor("#004d40"))

    title_block(
        painter, "翠湖花园 · 地下车库 B1", "Cuihu Garden · garage level B1 (schematic, demo)"
    )
    north_arrow(painter, QPointF(1540, 60))
    scale_bar(painter, QPointF(1110, 36), 160, 10)
    painter.end()
    return image


PLANS: dict[str, Callable[[], QImage]] = {"site.png": site_plan, "garage-b1.png": garage_plan}


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "resources" / "plans"
    out.mkdir(parents=True, exist_ok=True)
    app = QGuiApplication.instance() or QGuiApplication([argv[0]])
    for name, draw in PLANS.items():
        path = out / name
        if not draw().save(str(path), quality=0):  # PNG from the suffix; 0: most compressed
            sys.stderr.write(f"could not write {path}\n")
            return 1
        sys.stdout.write(f"{path} {path.stat().st_size // 1024} KB\n")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
