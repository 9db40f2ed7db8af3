"""Core raises typed errors; this is where they become words for the operator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.core.auth import (
    AccountLocked,
    BadCredentials,
    PermissionDenied,
    Role,
    UserError,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("Wording", text)


def role_label(role: Role) -> str:
    return {
        Role.OPERATOR: tr("Operator"),
        Role.SUPERVISOR: tr("Supervisor"),
        Role.MANAGER: tr("Manager"),
        Role.ADMIN: tr("Administrator"),
    }[role]


def _user_error(exc: UserError) -> str:
    texts = {
        "weak_password": tr("The password must have at least 8 characters."),
        "password_is_name": tr("The password must not be the user name."),
        "bad_name": tr("User name: 2-32 letters, digits, '.', '_' or '-'."),
        "exists": tr("A user with this name already exists."),
        "first_must_be_admin": tr("The first user must be an administrator."),
        "self_disable": tr("You cannot disable your own account."),
        "no_user": tr("No such user."),
        "last_admin": tr("This would leave the site without an active administrator."),
    }
    return texts.get(exc.code, str(exc))


def describe(exc: Exception) -> str:
    """One sentence for the operator; unknown errors keep their own text."""
    if isinstance(exc, BadCredentials):
        return tr("Wrong user name or password.")
    if isinstance(exc, AccountLocked):
        until = exc.until.astimezone().strftime("%H:%M:%S")
        return tr("Too many failed tries: the account is locked until %1.").replace("%1", until)
    if isinstance(exc, PermissionDenied):
        return tr("Your role does not allow this.")
    if isinstance(exc, UserError):
        return _user_error(exc)
    return str(exc)
