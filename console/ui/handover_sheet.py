"""The printed handover sheet (交接班记录): one PDF for one or more sealed handovers.

Each handover is laid out as a QTextDocument cut into A4 pages by hand, so a long duty log
flows over as many pages as it needs; every page carries the site, the shift, the full seal
hash and "page N / M" (counted per handover: the pages sharing a seal are one record). The
sheet is bilingual (Chinese first, English second) whatever the UI language, like the log
lines core writes: it is a record kept for a year, read by people who never saw the desk.

Works on the GUI thread or a worker thread (no widgets), and without a window: with no
application object it creates a QGuiApplication on the offscreen platform.
"""

from __future__ import annotations

import html
import os
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from console.core.auth import Role
from console.core.dutylog import Category, EntryView
from console.core.exports import ExportError
from console.core.handover import HandoverSheet, HandoverState, Side, SignatureView

TITLE = "交接班记录 Shift handover sheet"
DPI = 300
MARGIN_MM = 14.0  # all four sides of the page
BAND_MM = 11.0  # header and footer bands inside the margins
BODY_PT = 9
BAND_PT = 7.5
# A CJK family first (Chinese must render the same on every desk), then whatever is there.
FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
)

ROLE_WORDS = {
    Role.OPERATOR: "值班员 Operator",
    Role.SUPERVISOR: "班长 Supervisor",
    Role.MANAGER: "管理处负责人 Manager",
    Role.ADMIN: "系统管理员 Administrator",
}
CATEGORY_WORDS = {
    Category.PATROL: "巡视 Patrol",
    Category.ALARM: "报警 Alarm",
    Category.EQUIPMENT: "设备 Equipment",
    Category.VISITOR: "访客 Visitor",
    Category.FOOTAGE: "录像 Footage",
    Category.COMPLAINT: "投诉 Complaint",
    Category.LIFT: "电梯 Lift",
    Category.HANDOVER: "交接 Handover",
    Category.OTHER: "其他 Other",
}
KIND_WORDS = {
    "alarm": "报警 Alarm",
    "device": "设备故障 Device fault",
    "check": "检查 Check due",
    "fault": "故障报修 Fault report",
    "lift": "电梯 Lift",
    "complaint": "投诉 Complaint",
    "loan": "录像借用 Footage loan",
    "visit": "访客 Visitor",
}
SIDE_WORDS = {
    Side.OUTGOING: ("交班人 Outgoing operator", "交班 handed over"),
    Side.INCOMING: ("接班人 Incoming operator", "接班 accepted"),
}
STATE_WORDS = {
    HandoverState.SEALED: "已封存 Sealed",
    HandoverState.OUTGOING_SIGNED: (
        "未封存：等待接班签名 NOT SEALED: waiting for the incoming signature"
    ),
    HandoverState.WITHDRAWN: "已撤回 WITHDRAWN: this handover was taken back",
}

_app: QGuiApplication | None = None  # the one this module had to create, kept alive


def ensure_app(widgets: bool = False) -> None:
    """QPdfWriter and fonts need a QGuiApplication (charts, being widgets, a QApplication:
    `widgets=True`). The CLI makes one; make one if nobody has (on the offscreen platform: a
    PDF needs no screen, and a server has none)."""
    global _app
    needed = QApplication if widgets else QGuiApplication
    current = QCoreApplication.instance()
    if current is None:
        args = [sys.argv[0] if sys.argv else "watchdesk"]
        if not os.environ.get("QT_QPA_PLATFORM"):
            args += ["-platform", "offscreen"]
        _app = needed(args)
    elif not isinstance(current, needed):
        raise ExportError(f"a PDF needs a {needed.__name__}, but another application runs")


def pick_family() -> str:
    """The first CJK-capable family installed, else the application's default."""
    installed = set(QFontDatabase.families())
    for family in FAMILIES:
        if family in installed:
            return family
    for family in sorted(installed):  # any family that says it writes Simplified Chinese
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            return family
    return QGuiApplication.font().family()


def sheet_font(family: str, points: float) -> QFont:
    """`family` at `points`, shaped so that the PDF's text (search, copy, pdftotext) says
    what is printed: without OpenType 'locl' (with it, Noto CJK swaps the digits for glyphs
    its cmap does not reach, and they vanish from the text) and without ligatures (a seal
    hash with "ff" in it would come out as "ﬀ")."""
    font = QFont(family)
    font.setPointSizeF(points)
    for feature in ("locl", "liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


@lru_cache(maxsize=8)
def text_remap(family: str) -> dict[int, int]:
    """Code points a PDF text map would wrongly name for `family`, and the intended ones.

    Qt's PDF writer maps each glyph back to the lowest code point that uses it. CJK fonts
    share a glyph between a Kangxi radical and its ideograph (⽰ U+2F70 and 示 U+793A), and
    between figure dash and en dash, so 示, 大, 人, 车… would come out of the PDF as radicals."""
    raw = QRawFont.fromFont(QFont(family))
    if not raw.isValid():
        return {}
    ideographs = "".join(chr(c) for c in range(0x4E00, 0xA000))
    by_glyph: dict[int, int] = {}
    for char, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs), strict=True):
        if glyph:
            by_glyph.setdefault(glyph, ord(char))
    remap: dict[int, int] = {}
    radicals = "".join(chr(c) for c in range(0x2E80, 0x2FE0))
    for char, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=True):
        if glyph and glyph in by_glyph:
            remap[ord(char)] = by_glyph[glyph]
    figure, en = raw.glyphIndexesForString("\u2012\u2013")
    if figure and figure == en:
        remap[0x2012] = 0x2013
    return remap


_CMAP = re.compile(rb"beginbf(char|range)\n(.*?)\nendbf(?:char|range)", re.S)
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")


def fix_text_maps(path: Path, remap: dict[int, int]) -> None:
    """Rewrite the ToUnicode maps' targets in place with `remap` (same length: the PDF's
    byte offsets stay valid). Maps Qt wrote compressed are left as they are."""
    if not remap:
        return
    data = bytearray(path.read_bytes())

    def target(match: re.Match[bytes]) -> bytes:
        code = int(match.group(1), 16)
        return b"<%04X>" % remap.get(code, code)

    changed = False
    for block in _CMAP.finditer(bytes(data)):
        lines = []
        for line in block.group(2).split(b"\n"):
            codes = _HEX4.findall(line)
            if block.group(1) == b"char" and len(codes) == 2:
                src, _, rest = line.partition(b" ")
                line = src + b" " + _HEX4.sub(target, rest)
            elif block.group(1) == b"range" and len(codes) >= 3:
                low, high = codes[0], codes[1]
                head_end = line.index(b">", line.index(b">") + 1) + 1
                head, rest = line[:head_end], line[head_end:]
                if b"[" in rest or low == high:  # one target per code: safe to rename
                    line = head + _HEX4.sub(target, rest)
            lines.append(line)
        fixed = b"\n".join(lines)
        if fixed != block.group(2):
            assert len(fixed) == len(block.group(2))
            data[block.start(2) : block.end(2)] = fixed
            changed = True
    if changed:
        path.write_bytes(bytes(data))


@dataclass(frozen=True)
class Geometry:
    page: QRectF  # the painter's full page, in device pixels
    header: QRectF
    body: QRectF
    footer: QRectF


def mm(value: float) -> float:
    return value * DPI / 25.4


def geometry(writer: QPdfWriter) -> Geometry:
    page = QRectF(0, 0, writer.width(), writer.height())  # inside the (zero) page margins
    inner = page.adjusted(mm(MARGIN_MM), mm(MARGIN_MM), -mm(MARGIN_MM), -mm(MARGIN_MM))
    band = mm(BAND_MM)
    header = QRectF(inner.left(), inner.top(), inner.width(), band)
    footer = QRectF(inner.left(), inner.bottom() - band, inner.width(), band)
    body = QRectF(
        inner.left(), header.bottom() + mm(3), inner.width(), inner.height() - 2 * band - mm(6)
    )
    return Geometry(page, header, body, footer)


PageDrawer = Callable[[QPainter, QPdfWriter, Geometry, str], None]


def write_pdf(path: Path, title: str, draw: PageDrawer) -> None:
    """An A4 PDF at 300 dpi at `path`, its pages drawn by `draw(painter, writer, geometry,
    font family)`.

    Written to a temporary file beside `path` and renamed into place: a failure leaves
    nothing half-written. Raises ExportError naming the file when it cannot be written."""
    ensure_app()
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        family = pick_family()
        _render(tmp, path, title, family, draw)
        try:
            fix_text_maps(tmp, text_remap(family))
            with tmp.open("rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _render(tmp: Path, path: Path, title: str, family: str, draw: PageDrawer) -> None:
    writer = QPdfWriter(str(tmp))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(title)
    writer.setCreator("Watchdesk")
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(f"cannot write {path}: the PDF file could not be opened")
    try:
        draw(painter, writer, geometry(writer), family)
    finally:
        ended = painter.end()
    if not ended:
        raise ExportError(f"cannot write {path}: the PDF could not be finished")


def write_handover_pdf(sheets: Sequence[HandoverSheet], path: Path) -> None:
    """Write the sheets to `path` (A4, 300 dpi), each handover starting on a new page
    (write_pdf: whole or not at all; ExportError naming the file)."""

    def draw(painter: QPainter, writer: QPdfWriter, geo: Geometry, family: str) -> None:
        if not sheets:
            _empty_page(painter, geo, family)
        for number, sheet in enumerate(sheets):
            if number:
                writer.newPage()
            _render_sheet(painter, writer, geo, family, sheet, number + 1, len(sheets))

    write_pdf(path, TITLE, draw)


def _empty_page(painter: QPainter, geo: Geometry, family: str) -> None:
    painter.setFont(sheet_font(family, 12))
    painter.drawText(
        geo.body,
        int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter),
        f"{TITLE}\n\n此期间没有交接班记录 No handovers in this period",
    )


def _render_sheet(
    painter: QPainter,
    writer: QPdfWriter,
    geo: Geometry,
    family: str,
    sheet: HandoverSheet,
    number: int,
    count: int,
) -> None:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # points and pixels at 300 dpi
    doc.setDefaultFont(sheet_font(family, BODY_PT))
    doc.setDocumentMargin(0)
    doc.setPageSize(QSizeF(geo.body.width(), geo.body.height()))
    doc.setHtml(sheet_html(sheet))
    pages = max(1, doc.pageCount())
    height = geo.body.height()
    for page in range(pages):
        if page:
            writer.newPage()
        painter.save()
        painter.translate(geo.body.left(), geo.body.top() - page * height)
        doc.drawContents(painter, QRectF(0, page * height, geo.body.width(), height))
        painter.restore()
        _bands(painter, geo, family, sheet, page + 1, pages, number, count)


def _bands(
    painter: QPainter,
    geo: Geometry,
    family: str,
    sheet: HandoverSheet,
    page: int,
    pages: int,
    number: int,
    count: int,
) -> None:
    """The header and footer of one page."""
    view = sheet.handover
    painter.save()
    painter.setPen(QPen(Qt.GlobalColor.black, mm(0.2)))
    painter.setFont(sheet_font(family, BAND_PT))
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    head = geo.header
    painter.drawText(head, int(left), f"{sheet.site_name} · 班次 Shift {view.shift.label}")
    state = "" if view.state is HandoverState.SEALED else f" · {STATE_WORDS[view.state]}"
    painter.drawText(head, int(right), TITLE + state)
    painter.drawLine(QPointF(head.left(), head.bottom()), QPointF(head.right(), head.bottom()))
    foot = geo.footer
    painter.drawLine(QPointF(foot.left(), foot.top()), QPointF(foot.right(), foot.top()))
    seal = view.seal_hash or "—"
    painter.drawText(foot, int(left), f"Seal / 封存哈希: {seal}")
    where = f"page {page} / {pages}"
    if count > 1:
        where = f"handover {number} / {count} · " + where
    painter.drawText(foot, int(right), where)
    painter.restore()


# -- content ----------------------------------------------------------------------------------


def esc(text: object) -> str:
    """Escaped, with line breaks kept."""
    return html.escape(str(text)).replace("\n", "<br/>")


def _tz(sheet: HandoverSheet) -> ZoneInfo:
    try:
        return ZoneInfo(sheet.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _at(moment: datetime | None, tz: ZoneInfo, seconds: bool = False) -> str:
    if moment is None:
        return "—"
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def _table(headers: Sequence[tuple[str, int]], rows: Sequence[Sequence[str]]) -> str:
    """`headers`: (esc text, width %); `rows`: already esc cells."""
    pad = round(mm(0.7))
    head = "".join(f'<th width="{w}%" align="left" bgcolor="#e8e8e8">{h}</th>' for h, w in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<table width="100%" border="1" cellspacing="0" cellpadding="{pad}" '
        f'style="border-collapse: collapse; border-color: #555;">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _none(text: str) -> str:
    return f'<p style="color:#444;">{text}</p>'


def section_html(title: str) -> str:
    # A spacer paragraph, not a top margin: QTextDocument drops a heading's top margin
    # after some tables and not after others.
    bottom = round(mm(1.2))  # pixels at 300 dpi
    return (
        '<p style="margin: 0; font-size: 7pt;">&nbsp;</p>'
        f'<h3 style="margin-top: 0; margin-bottom: {bottom}px;">{title}</h3>'
    )


def _entry_text(entry: EntryView, tz: ZoneInfo) -> str:
    notes = []
    if entry.corrects_id is not None:
        notes.append(f"更正 Correction of #{entry.corrects_id}")
    if entry.corrected_by:
        fixes = ", ".join(f"#{i}" for i in entry.corrected_by)
        notes.append(f"已被更正 Corrected by {fixes}")
    if entry.equipment_status:
        notes.append("设备状态 Equipment status")
    if abs((entry.recorded_at - entry.at).total_seconds()) > 300:
        notes.append(f"补记 Recorded at {_at(entry.recorded_at, tz)}")
    if entry.attachments:
        notes.append(f"附件 Attachments: {len(entry.attachments)}")
    text = esc(entry.text)
    if notes:
        text = f"<b>[{esc('; '.join(notes))}]</b><br/>" + text
    return text


def _role_words(role: str) -> str:
    try:
        return ROLE_WORDS[Role(role)]
    except ValueError:
        return role


def _entry_time(entry: EntryView, tz: ZoneInfo, first_day: date) -> str:
    """HH:MM, with the date when it is not the shift's first day (a shift may span midnight)."""
    local = entry.at.astimezone(tz)
    if local.date() == first_day:
        return local.strftime("%H:%M")
    return local.strftime("%m-%d %H:%M")


def _signature_rows(sigs: Sequence[SignatureView], tz: ZoneInfo) -> list[list[str]]:
    rows = []
    for sig in sigs:
        side, meaning = SIDE_WORDS[sig.side]
        rows.append(
            [
                esc(side),
                f"<b>{esc(sig.printed_name)}</b><br/>({esc(sig.user_name)})",
                esc(_role_words(sig.role)),
                esc(_at(sig.at, tz, seconds=True)),
                esc(meaning),
            ]
        )
    return rows


def sheet_html(sheet: HandoverSheet) -> str:
    """The body of one handover's sheet (the header and footer are drawn on every page)."""
    tz = _tz(sheet)
    view = sheet.handover
    shift = view.shift
    parts = [
        f'<h1 align="center" style="margin-bottom: 2px;">{esc(TITLE)}</h1>',
        f'<p align="center" style="font-size: 11pt;"><b>{esc(sheet.site_name)}</b></p>',
        "<p>"
        f"<b>班次 Shift:</b> {esc(shift.label)}<br/>"
        f"<b>时间 Time:</b> {esc(_at(shift.start, tz))} – {esc(_at(shift.end, tz))} "
        f"({esc(sheet.timezone)})<br/>"
        f"<b>状态 State:</b> {esc(STATE_WORDS[view.state])}<br/>"
        f"<b>交接单号 Handover no.:</b> {view.id}<br/>"
        f"<b>封存哈希 Seal:</b> {esc(view.seal_hash or '—')}"
        "</p>",
    ]
    parts.append(section_html("值班人员 Operators on duty"))
    if sheet.presence:
        rows = [
            [
                esc(p.display_name) + f" ({esc(p.user_name)})",
                esc(_role_words(p.role)),
                esc(_at(p.joined_at, tz)),
                esc(_at(p.left_at, tz)),
            ]
            for p in sheet.presence
        ]
        parts.append(
            _table(
                [
                    ("姓名 Name", 34),
                    ("角色 Role", 26),
                    ("到岗 On duty from", 20),
                    ("离岗 Until", 20),
                ],
                rows,
            )
        )
    else:
        parts.append(_none("无 None recorded"))

    parts.append(section_html(f"值班日志 Duty log ({len(sheet.entries)})"))
    first_day = shift.start.astimezone(tz).date()
    if sheet.entries:
        rows = [
            [
                _entry_time(e, tz, first_day) + f'<br/><span style="color:#555;">#{e.id}</span>',
                esc(CATEGORY_WORDS.get(e.category, str(e.category))),
                esc(e.author_name),
                _entry_text(e, tz),
            ]
            for e in sheet.entries
        ]
        parts.append(
            _table(
                [
                    ("时间 Time", 10),
                    ("类别 Category", 12),
                    ("记录人 Author", 12),
                    ("内容 Entry", 66),
                ],
                rows,
            )
        )
    else:
        parts.append(_none("无记录 No entries"))

    parts.append(section_html("本班检查记录 Check records signed in this shift"))
    if sheet.checks:
        rows = [
            [
                esc(c.template_name),
                esc(_at(c.signed_at, tz)),
                esc(c.printed_name),
                esc(f"{c.abnormal} 项异常 abnormal" if c.abnormal else "正常 all normal"),
            ]
            for c in sheet.checks
        ]
        parts.append(
            _table(
                [("检查 Check", 40), ("签署 Signed", 20), ("签署人 By", 20), ("结果 Result", 20)],
                rows,
            )
        )
    else:
        parts.append(_none("无 None"))

    parts.append(section_html("漏记的设备状态 Missed equipment-status entries"))
    if sheet.missed_slots:
        items = "".join(
            f"<li>{esc(_at(s.start, tz))} – {esc(s.end.astimezone(tz).strftime('%H:%M'))}</li>"
            for s in sheet.missed_slots
        )
        parts.append(f"<ul>{items}</ul>")
    else:
        parts.append(_none("无 None"))

    parts.append(section_html(f"未结事项 Open items handed over ({len(view.items)})"))
    if view.items:
        rows = []
        for i in view.items:
            item = i.item
            what = f"<b>{esc(item.title)}</b>"
            if item.detail:
                what += f"<br/>{esc(item.detail)}"
            since = esc(_at(item.since, tz))
            if item.overdue:
                since += "<br/><b>逾期 OVERDUE</b>"
            rows.append(
                [
                    esc(KIND_WORDS.get(item.kind, item.kind)),
                    what,
                    since,
                    esc(i.owner),
                    f"<b>如果 If</b> {esc(i.condition)}<br/><b>则 Then</b> {esc(i.action)}",
                ]
            )
        parts.append(
            _table(
                [
                    ("类别 Kind", 13),
                    ("事项 Item", 27),
                    ("起始 Since", 14),
                    ("负责人 Owner", 12),
                    ("如果…则… If … then …", 34),
                ],
                rows,
            )
        )
    else:
        parts.append(_none("无未结事项 No open items"))

    parts.append(section_html("钥匙和设备 Keys and equipment"))
    if view.checklist:
        rows = [
            [
                esc(a.item),
                "<b>已交接 Handed over</b>" if a.ok else "<b>未交接 NOT handed over</b>",
                esc(a.note),
            ]
            for a in view.checklist
        ]
        parts.append(_table([("物品 Item", 40), ("交接 Handed over", 22), ("说明 Note", 38)], rows))
    else:
        parts.append(_none("无 None"))

    parts.append(section_html("接班人小结 Incoming operator's synthesis"))
    parts.append(f"<p>{esc(view.synthesis) or '—'}</p>")

    parts.append(section_html("签名 Signatures"))
    if view.signatures:
        parts.append(
            _table(
                [
                    ("", 18),
                    ("姓名 Printed name", 26),
                    ("角色 Role", 20),
                    ("时间 Time", 18),
                    ("含义 Meaning", 18),
                ],
                _signature_rows(view.signatures, tz),
            )
        )
    if view.signature(Side.INCOMING) is None:
        parts.append(_none("接班人尚未签名 The incoming operator has not signed."))
    parts.append(
        "<p style='font-size: 7.5pt; color: #333;'>"
        "两个签名均针对上述封存哈希：它覆盖本班的每条日志、检查记录、交接内容和审计链头。"
        "<br/>Both signatures sign the seal above: it covers every entry and check record of "
        "the shift, the handover's content and the audit chain's head "
        f"({esc(view.audit_head or '—')}). "
        "python main.py verify-audit recomputes it.</p>"
    )
    return "".join(parts)
