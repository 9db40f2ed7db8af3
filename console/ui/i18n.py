"""Translations: ours from resources/i18n (compiled .qm), Qt's own for standard dialogs."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from console.paths import RESOURCES

log = logging.getLogger(__name__)
I18N = RESOURCES / "i18n"
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Source Han Sans SC")

_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, lang: str) -> bool:
    """Switch the UI language; "en" is the source language. Returns False when a translation
    file is missing (the UI then stays in English and says so in the log)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(lang))
    ok = True
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{lang}", qt_dir), (f"watchdesk_{lang}", str(I18N))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
            ok = False
    return ok


def use_cjk_font(app: QApplication) -> str | None:
    """Prefer a CJK family so Chinese renders the same on every machine."""
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            font = QFont(family)
            font.setPointSize(max(app.font().pointSize(), 10))
            app.setFont(font)
            return family
    log.warning("no CJK font found (install fonts-noto-cjk); Chinese may not render")
    return None
