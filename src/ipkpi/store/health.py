"""Is the store usable: reachable, and at the migrations this ipkpi expects (``/healthz``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import exc
from sqlalchemy.engine import Engine

from .migrations import MIGRATIONS, applied


@dataclass(frozen=True)
class Health:
    reachable: bool
    #: Migrations this ipkpi has and the store has not applied (a newer ipkpi started but the
    #: store not migrated), and migrations the store has that this ipkpi does not know (an
    #: older ipkpi over an upgraded store).
    pending: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.reachable and not self.pending and not self.unknown

    def as_dict(self) -> dict[str, object]:
        return {
            "status": "ok" if self.ok else "unavailable",
            "store": "reachable" if self.reachable else "unreachable",
            "migrations": "at head" if self.reachable and self.ok else "behind or ahead",
            "pending_migrations": self.pending,
            "unknown_migrations": self.unknown,
            **({"error": self.error} if self.error else {}),
        }


def check(engine: Engine) -> Health:
    """One short read of the migrations table."""
    try:
        with engine.connect() as conn:
            done = applied(conn)
    except exc.SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error  # the driver's error class, no details
        return Health(reachable=False, error=type(cause).__name__)
    expected = [m.name for m in MIGRATIONS]
    return Health(
        reachable=True,
        pending=[name for name in expected if name not in done],
        unknown=sorted(done - set(expected)),
    )
