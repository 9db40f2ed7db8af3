"""The footage-loan receipt (录像资料借阅回执): the PDF put in a loan's package and signed.

It names the loan, the borrower (ID number and phone masked), who requested, approved and
packaged it, and every file with its SHA-256; above all it prints the SHA-256 of the
package's manifest, which pins every file: the paper both parties sign pins the package.
The manifest hash is also in every page's footer, so any page of the receipt identifies it.

Bilingual (Chinese first) whatever the UI language, like the handover sheet, whose page
geometry, fonts and text-map fixes it shares. Works on a worker thread (no widgets) and
without a window: with no application object it creates a QGuiApplication offscreen.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFontDatabase,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from console.core.loans import BorrowerKind, LoanMode, LoanReceipt, Medium
from console.core.visits import IdType
from console.ui.handover_sheet import (
    BAND_PT,
    BODY_PT,
    Geometry,
    esc,
    mm,
    section_html,
    sheet_font,
    write_pdf,
)

TITLE = "录像资料借阅回执 Footage loan receipt"
MANIFEST_LABEL = "清单 SHA-256 Manifest SHA-256"
SIGNATURES = "签名 Signatures"
VERIFY_COMMAND = "python main.py verify-package DIR"
# Hashes print in a fixed-width face so 0/O and 1/l cannot be confused when read aloud.
MONO_FAMILIES = ("DejaVu Sans Mono", "Noto Sans Mono", "Consolas", "Menlo", "Liberation Mono")

KIND_WORDS = {
    BorrowerKind.POLICE: "公安机关 Police",
    BorrowerKind.RESIDENT: "业主/住户 Resident",
    BorrowerKind.STAFF: "物业内部 Property staff",
    BorrowerKind.OTHER: "其他单位 Other organisation",
}
ID_WORDS = {
    IdType.RESIDENT_ID: "居民身份证 Resident ID card",
    IdType.PASSPORT: "护照 Passport",
    IdType.HK_MACAU: "港澳通行证 HK/Macau permit",
    IdType.TAIWAN: "台湾居民来往大陆通行证 Taiwan permit",
    IdType.POLICE: "警官证 Police ID",
    IdType.OTHER: "其他证件 Other ID",
}
MODE_WORDS = {
    LoanMode.COPY: "拷贝 Copy",
    LoanMode.VIEW: "现场查看 On-site viewing",
}
MEDIUM_WORDS = {
    Medium.USB: "U盘 USB drive",
    Medium.DISC: "光盘 Disc",
    Medium.DISK: "移动硬盘 Portable disk",
    Medium.SD: "存储卡 Memory card",
    Medium.OTHER: "其他 Other",
}
REASON_WORDS = {
    "police_report": "已报警，需提交公安 Reported to the police",
    "property_loss": "财物损失/车辆剐蹭 Property loss or damage",
    "insurance": "保险理赔 Insurance claim",
    "court": "诉讼/调解 Court or mediation",
    "other": "其他 Other",
}


def write_loan_receipt(receipt: LoanReceipt, path: Path) -> None:
    """Write the receipt to `path` (A4, 300 dpi): a ReceiptWriter for LoanService.package.
    Whole or not at all; ExportError naming the file when it cannot be written."""

    def draw(painter: QPainter, writer: QPdfWriter, geo: Geometry, family: str) -> None:
        _render_pages(painter, writer, geo, family, receipt)

    write_pdf(path, f"{TITLE} {receipt.loan.id}", draw)


def pick_mono_family() -> str:
    installed = set(QFontDatabase.families())
    for family in MONO_FAMILIES:
        if family in installed:
            return family
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()


def _render_pages(
    painter: QPainter, writer: QPdfWriter, geo: Geometry, family: str, receipt: LoanReceipt
) -> None:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # points and pixels at 300 dpi
    doc.setDefaultFont(sheet_font(family, BODY_PT))
    doc.setDocumentMargin(0)
    doc.setPageSize(QSizeF(geo.body.width(), geo.body.height()))
    mono = pick_mono_family()
    doc.setHtml(receipt_html(receipt, mono))
    height = geo.body.height()
    if _splits_signatures(doc, height):
        doc.setHtml(receipt_html(receipt, mono, signatures_on_new_page=True))
    pages = max(1, doc.pageCount())
    for page in range(pages):
        if page:
            writer.newPage()
        painter.save()
        painter.translate(geo.body.left(), geo.body.top() - page * height)
        # a pixel short of the page: the first line of the next page starts on its edge,
        # and would otherwise be drawn (clipped, but in the text) at the foot of this one
        doc.drawContents(painter, QRectF(0, page * height, geo.body.width(), height - 1))
        painter.restore()
        _bands(painter, geo, family, receipt, page + 1, pages)


def _splits_signatures(doc: QTextDocument, height: float) -> bool:
    """Whether the signature section (the end of the receipt) runs over a page break."""
    found = doc.find(SIGNATURES)
    if found.isNull():
        return False
    layout = doc.documentLayout()
    top = layout.blockBoundingRect(found.block()).top()
    bottom = layout.documentSize().height()
    return int(top // height) != int(max(top, bottom - 1) // height)


def _bands(
    painter: QPainter,
    geo: Geometry,
    family: str,
    receipt: LoanReceipt,
    page: int,
    pages: int,
) -> None:
    """The header and footer of one page: the footer carries the manifest's SHA-256."""
    painter.save()
    painter.setPen(QPen(Qt.GlobalColor.black, mm(0.2)))
    painter.setFont(sheet_font(family, BAND_PT))
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    head, foot = geo.header, geo.footer
    painter.drawText(head, left, f"{receipt.site_name} · 借阅单号 Loan no. {receipt.loan.id}")
    painter.drawText(head, right, TITLE)
    painter.drawLine(QPointF(head.left(), head.bottom()), QPointF(head.right(), head.bottom()))
    painter.drawLine(QPointF(foot.left(), foot.top()), QPointF(foot.right(), foot.top()))
    painter.drawText(foot, left, f"{MANIFEST_LABEL}: {receipt.manifest_sha256 or '—'}")
    painter.drawText(foot, right, f"page {page} / {pages}")
    painter.restore()


# -- content ----------------------------------------------------------------------------------


def _zone(tz: Any) -> tzinfo:
    return tz if isinstance(tz, tzinfo) else ZoneInfo("UTC")


def _at(moment: datetime | None, tz: tzinfo) -> str:
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M") if moment is not None else "—"


def _iso(text: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text))
    except ValueError:
        return None


def _span(start: Any, end: Any, tz: tzinfo) -> str:
    """'2024-05-01 10:15:00 – 10:30:00' (the end's date too when it is another day)."""
    a, b = _iso(start), _iso(end)
    if a is None or b is None:
        return f"{start} – {end}"
    a, b = a.astimezone(tz), b.astimezone(tz)
    tail = "%H:%M:%S" if a.date() == b.date() else "%Y-%m-%d %H:%M:%S"
    return f"{a:%Y-%m-%d %H:%M:%S} – {b.strftime(tail)}"


def _size(value: Any) -> str:
    if not isinstance(value, int) or isinstance(value, bool):
        return esc(value)
    if value >= 1 << 30:
        short = f"{value / (1 << 30):.2f} GB"
    elif value >= 1 << 20:
        short = f"{value / (1 << 20):.1f} MB"
    else:
        short = f"{value / 1024:.1f} KB"
    return f"{short} ({value:,} B)"


def _words(table: dict[Any, str], value: str) -> str:
    return table.get(value, value) or "—"


def _fields(cells: list[tuple[str, str, bool]]) -> str:
    """A grid of (label, esc value, wide): two narrow fields share a row, a wide one
    takes a row of its own."""
    pad = round(mm(0.6))
    rows: list[str] = []
    pending: list[str] = []

    def label(text: str) -> str:
        return f'<td width="23%" bgcolor="#f0f0f0"><b>{esc(text)}</b></td>'

    for name, value, wide in cells:
        if wide:
            rows.append(f'<tr>{label(name)}<td colspan="3">{value}</td></tr>')
            continue
        pending.append(f'{label(name)}<td width="27%">{value}</td>')
        if len(pending) == 2:
            rows.append(f"<tr>{''.join(pending)}</tr>")
            pending = []
    if pending:
        rows.append(f"<tr>{pending[0]}<td></td><td></td></tr>")
    return (
        f'<table width="100%" border="1" cellspacing="0" cellpadding="{pad}" '
        f'style="border-collapse: collapse; border-color: #555;">{"".join(rows)}</table>'
    )


def _loan_fields(receipt: LoanReceipt, tz: tzinfo) -> list[tuple[str, str, bool]]:
    loan = receipt.loan
    cells = [
        ("借阅单号 Loan no.", f"<b>{loan.id}</b> (loan-{loan.id:04d})", False),
        ("方式 Mode", esc(_words(MODE_WORDS, loan.mode)), False),
        ("借用人 Borrower", f"<b>{esc(loan.borrower_name)}</b>", False),
        ("类别 Kind", esc(_words(KIND_WORDS, loan.borrower_kind)), False),
        (
            "证件 ID",
            f"{esc(_words(ID_WORDS, loan.id_type))}<br/>{esc(loan.id_masked)}",
            False,
        ),
        ("电话 Phone", esc(loan.phone_masked or "—"), False),
    ]
    if loan.organisation:
        cells.append(("单位 Organisation", esc(loan.organisation), True))
    if loan.officer2_name:
        second = f"{esc(loan.officer2_name)} {esc(loan.officer2_id_masked)}"
        cells.append(("第二名民警 Second officer", second, True))
    if loan.case_no:
        cells.append(("案件编号 Case no.", esc(loan.case_no), True))
    cells.append(("用途 Purpose", esc(loan.purpose), True))
    if loan.medium or loan.medium_serial:
        medium = esc(_words(MEDIUM_WORDS, loan.medium))
        if loan.medium_serial:
            medium += f", 序列号 serial {esc(loan.medium_serial)}"
        cells.append(("介质 Medium", medium, True))
    if loan.copy_reason:
        reason = esc(_words(REASON_WORDS, loan.copy_reason))
        if loan.decision_note:
            reason += f"<br/>{esc(loan.decision_note)}"
        cells.append(("拷贝理由 Copy reason", reason, True))
    cells += [
        ("申请 Requested by", f"{esc(loan.requested_by)} · {_at(loan.created_at, tz)}", False),
        (
            "审批 Approved by",
            f"{esc(receipt.approver or '—')} · {_at(loan.decided_at, tz)}",
            False,
        ),
        ("制作 Packaged by", f"{esc(receipt.operator)} · {_at(receipt.made_at, tz)}", False),
        ("应还日期 Due", f"<b>{_at(loan.due_at, tz)}</b>", False),
    ]
    return cells


def _file_cell(f: dict[str, Any], tz: tzinfo) -> str:
    camera = esc(f.get("camera_name") or f.get("camera", ""))
    if f.get("camera_name") and f.get("camera"):
        camera += f" ({esc(f['camera'])})"
    lines = [
        f"<b>{esc(f.get('file', ''))}</b>",
        f"摄像机 Camera: {camera}",
        f"时段 From – to: {esc(_span(f.get('from'), f.get('to'), tz))}",
    ]
    missing = [esc(_span(a, b, tz)) for a, b in f.get("missing") or () if a and b]
    if missing:
        lines.append("<b>缺录 No recording:</b> " + "; ".join(missing))
    lines.append(f"大小 Size: {_size(f.get('bytes'))}")
    return "<br/>".join(lines)


def _files_table(receipt: LoanReceipt, tz: tzinfo, mono: str) -> str:
    """One row per file: its hash on the row's first line, beside its name, so a file and
    its SHA-256 are never parted by a page break, and the hash is one unbroken line."""
    pad = round(mm(0.6))
    heads = [("#", 4), ("文件 File", 41), ("SHA-256", 55)]
    head = "".join(f'<th width="{w}%" align="left" bgcolor="#e8e8e8">{h}</th>' for h, w in heads)
    rows = "".join(
        f"<tr><td>{number}</td><td>{_file_cell(f, tz)}</td>"
        f"<td><span style=\"font-family: '{mono}'; font-size: 7pt;\">"
        f"{esc(f.get('sha256', ''))}</span></td></tr>"
        for number, f in enumerate(receipt.files, 1)
    )
    return (
        f'<table width="100%" border="1" cellspacing="0" cellpadding="{pad}" '
        f'style="border-collapse: collapse; border-color: #555; font-size: 8pt;">'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def _manifest_block(receipt: LoanReceipt, mono: str) -> str:
    pad = round(mm(2))
    digest = esc(receipt.manifest_sha256 or "—")
    return (
        f'<table width="100%" border="2" cellspacing="0" cellpadding="{pad}" '
        f'style="border-collapse: collapse; border-color: #000;"><tr><td>'
        f'<p style="font-size: 10pt;"><b>{MANIFEST_LABEL}:</b></p>'
        f"<p style=\"font-family: '{mono}'; font-size: 10.5pt;\"><b>{digest}</b></p>"
        '<p style="font-size: 7.5pt; color: #222;">'
        "清单 manifest.json 记录每个文件的 SHA-256 和大小，签名确认的是上面这个清单哈希。"
        f"核验：<b>{esc(VERIFY_COMMAND)}</b>（DIR 为介质上的文件夹 loan-{receipt.loan.id:04d}）"
        "<br/>manifest.json holds every file's SHA-256 and size; the signatures below "
        f"sign the manifest's hash above. Verify with <b>{esc(VERIFY_COMMAND)}</b> "
        f"(DIR: the folder loan-{receipt.loan.id:04d} on the medium).</p>"
        "</td></tr></table>"
    )


def _signatures(receipt: LoanReceipt) -> str:
    loan = receipt.loan
    people = [("借用人 Borrower", loan.borrower_name)]
    if loan.officer2_name:
        people.append(("第二名民警 Second officer", loan.officer2_name))
    people += [("经办人 Operator", receipt.operator), ("审批人 Approver", receipt.approver)]
    pad = round(mm(1.2))
    heads = [("", 26), ("姓名 Printed name", 22), ("签名 Signature", 30), ("日期 Date", 22)]
    head = "".join(f'<th width="{w}%" align="left" bgcolor="#e8e8e8">{h}</th>' for h, w in heads)
    body = "".join(
        f"<tr><td><b>{esc(role)}</b></td><td>{esc(name or '')}</td>"
        "<td>&nbsp;<br/>&nbsp;</td>"
        '<td valign="bottom">____年____月____日</td></tr>'
        for role, name in people
    )
    return (
        f'<table width="100%" border="1" cellspacing="0" cellpadding="{pad}" '
        f'style="border-collapse: collapse; border-color: #555;">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _signature_head(new_page: bool) -> str:
    if not new_page:
        return section_html(SIGNATURES)
    bottom = round(mm(1.2))
    return (
        f'<h3 style="page-break-before: always; margin-top: 0; margin-bottom: {bottom}px;">'
        f"{SIGNATURES}</h3>"
    )


def receipt_html(
    receipt: LoanReceipt, mono: str = "monospace", *, signatures_on_new_page: bool = False
) -> str:
    """The body of the receipt (the header and footer are drawn on every page). The
    signatures start a new page when they would otherwise be split across two."""
    tz = _zone(receipt.tz)
    return "".join(
        [
            f'<h1 align="center" style="margin-bottom: 2px;">{esc(TITLE)}</h1>',
            f'<p align="center" style="font-size: 11pt;"><b>{esc(receipt.site_name)}</b></p>',
            section_html("借阅信息 Loan"),
            _fields(_loan_fields(receipt, tz)),
            section_html("清单 Manifest"),
            _manifest_block(receipt, mono),
            section_html(f"文件 Files ({len(receipt.files)})"),
            _files_table(receipt, tz, mono),
            _signature_head(signatures_on_new_page),
            '<p style="font-size: 7.5pt; color: #222;">'
            "借用人确认收到上述录像资料，仅用于所述用途，不得传播，并于应还日期前归还或当面销毁。"
            "<br/>The borrower received the footage above, will use it only for the stated "
            "purpose, will not pass it on, and will return it or have it destroyed by the due "
            "date.</p>",
            _signatures(receipt),
        ]
    )
