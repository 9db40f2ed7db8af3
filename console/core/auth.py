"""Operators, roles and passwords.

Roles are checked here, in core: a hidden button is a courtesy, `require()` is the rule.
Passwords are argon2id hashes; five failed tries in a row lock an account for five minutes,
and every try, good or bad, is in the audit chain (never the password itself).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.core import audit
from console.core.changes import note
from console.core.events import EventBus
from schema.db import Database
from schema.models import User
from schema.types import utcnow

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)
MIN_PASSWORD_LENGTH = 8
NAME_RE = re.compile(r"^[\w.-]{2,32}$")


class Role(StrEnum):
    OPERATOR = "operator"  # 值班员
    SUPERVISOR = "supervisor"  # 班长
    MANAGER = "manager"  # 管理处负责人
    ADMIN = "admin"  # 系统管理员


class Permission(StrEnum):
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    SHELVE_ZONES = "shelve_zones"
    RELEASE_EVIDENCE = "release_evidence"  # lift an evidence lock by hand
    ISSUE_LONG_PASSES = "issue_long_passes"  # visitor passes valid longer than a day
    APPROVE_LOANS = "approve_loans"  # footage loans: the management office's head (rule 3.4.3)
    EDIT_PLAN = "edit_plan"  # place zone and camera markers on the site plan
    EDIT_ANALYTICS = "edit_analytics"  # draw privacy masks and video-analysis areas
    RESET_VIEW = "reset_view"  # take a camera's present view as its tamper reference


PERMISSIONS: dict[Permission, frozenset[Role]] = {
    Permission.MANAGE_USERS: frozenset({Role.ADMIN}),
    Permission.VIEW_AUDIT: frozenset({Role.SUPERVISOR, Role.MANAGER, Role.ADMIN}),
    Permission.SHELVE_ZONES: frozenset({Role.SUPERVISOR, Role.MANAGER, Role.ADMIN}),
    Permission.RELEASE_EVIDENCE: frozenset({Role.MANAGER, Role.ADMIN}),
    Permission.ISSUE_LONG_PASSES: frozenset({Role.SUPERVISOR, Role.MANAGER, Role.ADMIN}),
    Permission.APPROVE_LOANS: frozenset({Role.MANAGER}),
    Permission.EDIT_PLAN: frozenset({Role.ADMIN}),
    Permission.EDIT_ANALYTICS: frozenset({Role.ADMIN}),
    Permission.RESET_VIEW: frozenset({Role.SUPERVISOR, Role.MANAGER, Role.ADMIN}),
}


@dataclass(frozen=True)
class Actor:
    """Who is doing something: a snapshot of a user at log-in."""

    id: int
    name: str
    display_name: str
    role: Role

    def can(self, permission: Permission) -> bool:
        return self.role in PERMISSIONS[permission]


@dataclass(frozen=True)
class UserInfo:
    name: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None


class AuthError(Exception):
    """Base of the errors the UI words for people."""


class BadCredentials(AuthError):
    def __init__(self) -> None:
        super().__init__("wrong user name or password")


class AccountLocked(AuthError):
    def __init__(self, name: str, until: datetime) -> None:
        super().__init__(f"account {name!r} is locked until {until.isoformat(timespec='seconds')}")
        self.name, self.until = name, until


class PermissionDenied(AuthError):
    def __init__(self, actor: Actor | None, permission: Permission) -> None:
        who = f"{actor.name} ({actor.role})" if actor else "nobody logged in"
        super().__init__(f"{who} may not {permission.value}")
        self.actor, self.permission = actor, permission


class UserError(AuthError):
    """A user change that is not allowed or not valid. `code` lets the UI word it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def require(actor: Actor | None, permission: Permission) -> Actor:
    if actor is None or not actor.can(permission):
        raise PermissionDenied(actor, permission)
    return actor


def check_password_policy(name: str, password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(
            "weak_password", f"the password must have at least {MIN_PASSWORD_LENGTH} characters"
        )
    if password.strip().casefold() == name.casefold():
        raise UserError("password_is_name", "the password must not be the user name")


def _active_admins(s: Session) -> int:
    stmt = select(func.count()).where(User.role == Role.ADMIN.value, User.active)
    return int(s.execute(stmt).scalar_one())


def _actor(user: User) -> Actor:
    return Actor(user.id, user.name, user.display_name, Role(user.role))


class AuthService:
    def __init__(
        self,
        db: Database,
        bus: EventBus,
        clock: Callable[[], datetime] = utcnow,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self.db, self.bus, self.clock = db, bus, clock
        self.hasher = hasher or PasswordHasher()  # argon2id by default
        self._dummy_hash = self.hasher.hash("not a real password")

    # -- queries ------------------------------------------------------------------------------

    def has_admin(self) -> bool:
        with self.db.read() as s:
            return _active_admins(s) > 0

    def list_users(self, by: Actor) -> list[UserInfo]:
        with self.db.read() as s:
            require(self._fresh(s, by), Permission.MANAGE_USERS)
            users = s.execute(select(User).order_by(User.name)).scalars()
            return [
                UserInfo(u.name, u.display_name, Role(u.role), u.active, u.locked_until)
                for u in users
            ]

    # -- user changes -------------------------------------------------------------------------

    def add_user(
        self, by: Actor | None, name: str, display_name: str, role: Role, password: str
    ) -> Actor:
        """Add a user. With no admin yet, anyone may create the first admin (and only that)."""
        name, display_name = name.strip(), display_name.strip() or name.strip()
        if not NAME_RE.match(name):
            raise UserError(
                "bad_name", f"user name {name!r}: 2-32 letters, digits, '.', '_' or '-'"
            )
        check_password_policy(name, password)
        password_hash = self.hasher.hash(password)
        with self.db.write() as s:
            actor_name = self._authorise_add(s, by, role)
            if s.execute(select(User.id).where(User.name == name)).first():
                raise UserError("exists", f"user {name!r} already exists")
            user = User(
                name=name,
                display_name=display_name,
                role=role.value,
                password_hash=password_hash,
                active=True,
                failed_attempts=0,
            )
            s.add(user)
            s.flush()
            payload = {"display_name": display_name, "role": role.value}
            audit.append(s, actor=actor_name, action="user.add", subject=name, payload=payload)
            created = _actor(user)
            note(s, "user.changed", name=name)
        return created

    def _authorise_add(self, s: Session, by: Actor | None, role: Role) -> str:
        if _active_admins(s):
            return require(by and self._fresh(s, by), Permission.MANAGE_USERS).name
        if role is not Role.ADMIN:
            raise UserError(
                "first_must_be_admin",
                "there is no administrator yet: the first user must be an admin",
            )
        return by.name if by else audit.SYSTEM_ACTOR

    def set_role(self, by: Actor, name: str, role: Role) -> None:
        self._change(
            by, name, "user.role", {"role": role.value}, lambda u: setattr(u, "role", role.value)
        )

    def set_active(self, by: Actor, name: str, active: bool) -> None:
        if by.name == name and not active:
            raise UserError("self_disable", "you cannot disable your own account")
        self._change(
            by, name, "user.active", {"active": active}, lambda u: setattr(u, "active", active)
        )

    def reset_password(self, by: Actor, name: str, password: str) -> None:
        check_password_policy(name, password)
        new_hash = self.hasher.hash(password)

        def apply(user: User) -> None:
            user.password_hash, user.password_changed_at = new_hash, self.clock()
            user.failed_attempts, user.locked_until = 0, None

        self._change(by, name, "user.password_reset", {}, apply)

    def _change(
        self,
        by: Actor,
        name: str,
        action: str,
        payload: dict[str, object],
        apply: Callable[[User], None],
    ) -> None:
        with self.db.write() as s:
            require(self._fresh(s, by), Permission.MANAGE_USERS)
            user = self._user(s, name)
            apply(user)
            s.flush()
            self._keep_an_admin(s)
            audit.append(s, actor=by.name, action=action, subject=name, payload=payload)
            note(s, "user.changed", name=name)

    def _fresh(self, s: Session, actor: Actor) -> Actor | None:
        """The actor's current role: a demoted admin loses rights at once, not at log-out."""
        user = s.get(User, actor.id)
        return _actor(user) if user is not None and user.active else None

    def _user(self, s: Session, name: str) -> User:
        user = s.execute(select(User).where(User.name == name)).scalar_one_or_none()
        if user is None:
            raise UserError("no_user", f"no user named {name!r}")
        return user

    def _keep_an_admin(self, s: Session) -> None:
        if not _active_admins(s):
            raise UserError(
                "last_admin", "this would leave the site without an active administrator"
            )

    # -- log-in and passwords -----------------------------------------------------------------

    def authenticate(self, name: str, password: str, *, purpose: str = "login") -> Actor:
        """Check a password and record the try. Raises BadCredentials or AccountLocked."""
        now = self.clock()
        outcome: Actor | AuthError
        with self.db.write() as s:
            user = s.execute(select(User).where(User.name == name.strip())).scalar_one_or_none()
            outcome = self._try(s, user, name.strip(), password, now, purpose)
            # every try is audited (and a failure counts towards a lock-out): a change
            note(s, "auth.attempt", name=name.strip(), ok=isinstance(outcome, Actor))
        if isinstance(outcome, AuthError):
            raise outcome
        return outcome

    def _try(
        self, s: Session, user: User | None, name: str, password: str, now: datetime, purpose: str
    ) -> Actor | AuthError:
        if user is None or not user.active:
            self._verify(self._dummy_hash, password)  # same work: no timing hint that it exists
            audit.append(
                s,
                actor=name,
                action="auth.failed",
                subject=name,
                payload={"purpose": purpose, "reason": "unknown or disabled user"},
            )
            return BadCredentials()
        if user.locked_until is not None and user.locked_until > now:
            audit.append(
                s,
                actor=name,
                action="auth.refused_locked",
                subject=name,
                payload={"purpose": purpose},
            )
            return AccountLocked(name, user.locked_until)
        if not self._verify(user.password_hash, password):
            return self._fail(s, user, now, purpose)
        user.failed_attempts, user.locked_until = 0, None
        if self.hasher.check_needs_rehash(user.password_hash):
            user.password_hash = self.hasher.hash(password)
        audit.append(s, actor=name, action=f"auth.{purpose}", subject=name)
        return _actor(user)

    def _fail(self, s: Session, user: User, now: datetime, purpose: str) -> AuthError:
        user.failed_attempts += 1
        audit.append(
            s,
            actor=user.name,
            action="auth.failed",
            subject=user.name,
            payload={"purpose": purpose, "attempt": user.failed_attempts},
        )
        if user.failed_attempts < MAX_FAILED_ATTEMPTS:
            return BadCredentials()
        user.failed_attempts, user.locked_until = 0, now + LOCKOUT
        audit.append(
            s,
            actor=audit.SYSTEM_ACTOR,
            action="auth.lockout",
            subject=user.name,
            payload={"until": audit.timestamp(user.locked_until)},
        )
        return AccountLocked(user.name, user.locked_until)

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return self.hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def change_own_password(self, actor: Actor, old: str, new: str) -> None:
        check_password_policy(actor.name, new)  # first: a refused change records nothing
        self.authenticate(actor.name, old, purpose="password_change")
        new_hash = self.hasher.hash(new)
        with self.db.write() as s:
            user = self._user(s, actor.name)
            user.password_hash, user.password_changed_at = new_hash, self.clock()
            audit.append(s, actor=actor.name, action="user.password_change", subject=actor.name)

    def record(self, actor: Actor, action: str, subject: str = "", **payload: object) -> None:
        """Audit a session event (log-out, lock) that changes no other row."""
        with self.db.write() as s:
            audit.append(
                s, actor=actor.name, action=action, subject=subject or actor.name, payload=payload
            )
