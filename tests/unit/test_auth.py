"""Operators, roles, argon2id passwords, lock-out; every step in the audit chain."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text

from console.core.auth import (
    LOCKOUT,
    AccountLocked,
    Actor,
    BadCredentials,
    Permission,
    PermissionDenied,
    Role,
    UserError,
    require,
)
from console.core.desk import Desk
from schema.models import AuditRecord, User
from schema.types import utcnow
from tests.conftest import ADMIN_PASSWORD, OPERATOR_PASSWORD


def _actions(desk: Desk) -> list[tuple[str, str, str]]:
    with desk.db.read() as s:
        rows = s.execute(select(AuditRecord).order_by(AuditRecord.seq)).scalars()
        return [(r.actor, r.action, r.subject) for r in rows]


def test_the_first_user_must_be_an_admin(desk: Desk) -> None:
    with pytest.raises(UserError) as err:
        desk.auth.add_user(None, "li", "李", Role.OPERATOR, OPERATOR_PASSWORD)
    assert err.value.code == "first_must_be_admin"
    assert not desk.auth.has_admin()


def test_first_admin_is_created_by_the_system_and_audited(desk: Desk, admin: Actor) -> None:
    assert desk.auth.has_admin()
    assert admin.role is Role.ADMIN
    assert _actions(desk) == [("system", "user.add", "chief")]


def test_passwords_are_stored_as_argon2id_hashes(desk: Desk, admin: Actor) -> None:
    with desk.db.read() as s:
        stored = s.execute(select(User.password_hash).where(User.name == "chief")).scalar_one()
        dump = "\n".join(str(r) for r in s.execute(text("select * from audit_records")).all())
    assert stored.startswith("$argon2id$")
    assert ADMIN_PASSWORD not in stored
    assert ADMIN_PASSWORD not in dump


def test_once_an_admin_exists_only_admins_add_users(
    desk: Desk, admin: Actor, operator: Actor
) -> None:
    with pytest.raises(PermissionDenied):
        desk.auth.add_user(None, "wang", "王", Role.OPERATOR, "another-pass-1")
    with pytest.raises(PermissionDenied):
        desk.auth.add_user(operator, "wang", "王", Role.OPERATOR, "another-pass-1")
    assert ("chief", "user.add", "li") in _actions(desk)


def test_roles_are_checked_in_core() -> None:
    op = Actor(1, "li", "李", Role.OPERATOR)
    sup = Actor(2, "zhao", "赵", Role.SUPERVISOR)
    with pytest.raises(PermissionDenied):
        require(op, Permission.VIEW_AUDIT)
    assert require(sup, Permission.VIEW_AUDIT) is sup
    with pytest.raises(PermissionDenied):
        require(sup, Permission.MANAGE_USERS)
    with pytest.raises(PermissionDenied):
        require(None, Permission.VIEW_AUDIT)


def test_an_operator_cannot_read_the_audit_trail(desk: Desk, operator: Actor) -> None:
    with pytest.raises(PermissionDenied):
        desk.recent_audit(operator)


@pytest.mark.parametrize(
    ("name", "password", "code"),
    [
        ("li2", "short", "weak_password"),
        ("zhangsan1", "ZhangSan1", "password_is_name"),
        ("a b", "long-enough-1", "bad_name"),
        ("chief", "long-enough-1", "exists"),
    ],
)
def test_bad_new_users_are_refused(
    desk: Desk, admin: Actor, name: str, password: str, code: str
) -> None:
    with pytest.raises(UserError) as err:
        desk.auth.add_user(admin, name, "", Role.OPERATOR, password)
    assert err.value.code == code


def test_login_succeeds_and_is_audited(desk: Desk, operator: Actor) -> None:
    actor = desk.login("li", OPERATOR_PASSWORD)
    assert actor == operator
    assert desk.on_duty == [operator]
    assert _actions(desk)[-2:] == [("li", "auth.login", "li"), ("li", "shift.join", "shift 1")]


def test_wrong_password_and_unknown_user_say_the_same(desk: Desk, operator: Actor) -> None:
    with pytest.raises(BadCredentials) as wrong:
        desk.login("li", "not-the-password")
    with pytest.raises(BadCredentials) as unknown:
        desk.login("nobody", "not-the-password")
    assert str(wrong.value) == str(unknown.value)
    assert desk.on_duty == []
    actions = _actions(desk)
    assert actions[-2:] == [("li", "auth.failed", "li"), ("nobody", "auth.failed", "nobody")]


def test_five_failures_lock_the_account_for_five_minutes(desk: Desk, operator: Actor) -> None:
    now = utcnow()
    desk.auth.clock = lambda: now
    for _ in range(4):
        with pytest.raises(BadCredentials):
            desk.login("li", "wrong-password")
    with pytest.raises(AccountLocked) as locked:
        desk.login("li", "wrong-password")
    assert locked.value.until == now + LOCKOUT
    with pytest.raises(AccountLocked):  # even the right password, while locked
        desk.login("li", OPERATOR_PASSWORD)
    desk.auth.clock = lambda: now + LOCKOUT - timedelta(seconds=1)
    with pytest.raises(AccountLocked):
        desk.login("li", OPERATOR_PASSWORD)
    desk.auth.clock = lambda: now + LOCKOUT + timedelta(seconds=1)
    assert desk.login("li", OPERATOR_PASSWORD) == operator
    assert ("system", "auth.lockout", "li") in _actions(desk)


def test_a_success_resets_the_failure_count(desk: Desk, operator: Actor) -> None:
    for _ in range(4):
        with pytest.raises(BadCredentials):
            desk.login("li", "wrong-password")
    desk.login("li", OPERATOR_PASSWORD)
    for _ in range(4):
        with pytest.raises(BadCredentials):
            desk.login("li", "wrong-password")
    assert desk.login("li", OPERATOR_PASSWORD) == operator


def test_a_disabled_user_cannot_log_in(desk: Desk, admin: Actor, operator: Actor) -> None:
    desk.auth.set_active(admin, "li", False)
    with pytest.raises(BadCredentials):
        desk.login("li", OPERATOR_PASSWORD)


def test_the_last_admin_cannot_be_demoted_or_disabled(desk: Desk, admin: Actor) -> None:
    with pytest.raises(UserError) as err:
        desk.auth.set_role(admin, "chief", Role.OPERATOR)
    assert err.value.code == "last_admin"
    with pytest.raises(UserError):
        desk.auth.set_active(admin, "chief", False)
    assert desk.auth.has_admin()


def test_a_demoted_admin_loses_rights_at_once(desk: Desk, admin: Actor) -> None:
    second = desk.auth.add_user(admin, "boss2", "二号", Role.ADMIN, "second-admin-1")
    desk.auth.set_role(second, "chief", Role.OPERATOR)
    with pytest.raises(PermissionDenied):  # `admin` still says ADMIN, the database does not
        desk.auth.set_role(admin, "boss2", Role.OPERATOR)


def test_reset_password_unlocks_and_replaces(desk: Desk, admin: Actor, operator: Actor) -> None:
    for _ in range(5):
        with pytest.raises((BadCredentials, AccountLocked)):
            desk.login("li", "wrong-password")
    desk.auth.reset_password(admin, "li", "brand-new-pass")
    assert desk.login("li", "brand-new-pass") == operator
    with pytest.raises(BadCredentials):
        desk.login("li", OPERATOR_PASSWORD)


def test_lock_unlock_and_logout_are_audited(desk: Desk, operator: Actor) -> None:
    actor = desk.login("li", OPERATOR_PASSWORD)
    desk.lock(actor, "idle")
    with pytest.raises(BadCredentials):
        desk.unlock(actor, "wrong-password")
    desk.unlock(actor, OPERATOR_PASSWORD)
    desk.logout(actor)
    assert [a for _, a, _ in _actions(desk)][-7:] == [
        "auth.login",
        "shift.join",
        "session.lock",
        "auth.failed",
        "auth.unlock",
        "auth.logout",
        "shift.leave",
    ]
    assert desk.on_duty == []
    assert desk.verify_audit()[1] is None


def test_preferences_are_per_operator(desk: Desk, admin: Actor, operator: Actor) -> None:
    desk.set_pref(operator, "language", "en")
    assert desk.pref(operator, "language") == "en"
    assert desk.pref(admin, "language") is None


def test_change_own_password_checks_the_old_one_and_the_policy(desk: Desk, operator: Actor) -> None:
    with pytest.raises(BadCredentials):
        desk.auth.change_own_password(operator, "wrong-password", "a-new-password")
    with pytest.raises(UserError):
        desk.auth.change_own_password(operator, OPERATOR_PASSWORD, "short")
    desk.auth.change_own_password(operator, OPERATOR_PASSWORD, "a-new-password")
    with pytest.raises(BadCredentials):
        desk.login("li", OPERATOR_PASSWORD)
    assert desk.login("li", "a-new-password") == operator
    assert ("li", "user.password_change", "li") in _actions(desk)


def test_a_refused_new_password_leaves_no_password_check_record(
    desk: Desk, operator: Actor
) -> None:
    before = _actions(desk)
    with pytest.raises(UserError):
        desk.auth.change_own_password(operator, OPERATOR_PASSWORD, "short")
    assert _actions(desk) == before  # nothing happened, so nothing is recorded
