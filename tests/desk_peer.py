"""A desk in a process of its own, for the multi-desk tests: `python -m tests.desk_peer SITE`.

It opens the site's desk (the database from WATCHDESK_DATABASE_URL), starts the devices it can
claim and the change feed, then speaks JSON lines: commands on stdin, and on stdout one line
per bus event (`{"event": topic, "data": ..., "origin": ..., "t": wall clock}`), one per
command done (`{"done": cmd, "ok": bool, ...}`), and `{"ready": ..., "refused": [...]}` once
started. The same code paths as the window's, without the window.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

from console.core.desk import Desk
from console.core.dutylog import Category
from console.core.events import Event

_out = threading.Lock()


def say(**fields: Any) -> None:
    with _out:
        sys.stdout.write(json.dumps(fields, ensure_ascii=False, default=str) + "\n")
        sys.stdout.flush()


def main(site: str) -> int:
    desk = Desk.open(Path(site))
    actors: dict[str, Any] = {}

    def on_event(event: Event) -> None:
        say(event=event.topic, data=event.data, origin=event.origin, t=time.time())

    desk.bus.subscribe("", on_event)
    refused = desk.start_devices()
    desk.start_sync()
    say(ready=True, refused=[c.refusal() for c in refused], origin=desk.db.origin)
    try:
        for line in sys.stdin:
            command = json.loads(line)
            cmd = command["cmd"]
            if cmd == "quit":
                break
            try:
                result = run(desk, actors, command)
            except Exception as exc:  # noqa: BLE001 - reported to the test
                say(done=cmd, ok=False, error=f"{type(exc).__name__}: {exc}", t=time.time())
            else:
                say(done=cmd, ok=True, result=result, t=time.time())
    finally:
        desk.close()
    return 0


def run(desk: Desk, actors: dict[str, Any], command: dict[str, Any]) -> Any:
    cmd = command["cmd"]
    if cmd == "login":
        actor = desk.login(command["name"], command["password"])
        actors[actor.name] = actor
        return actor.name
    actor = actors[command["as"]]
    if cmd == "ack":
        return desk.alarms.acknowledge(actor, int(command["alarm_id"])).id
    if cmd == "log":
        return desk.duty.add(actor, Category.PATROL, command["text"]).id
    if cmd == "burst":  # many log entries as fast as the database takes them
        return [
            desk.duty.add(actor, Category.PATROL, f"{command['text']} {n}").id
            for n in range(int(command["n"]))
        ]
    raise ValueError(f"unknown command {cmd!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
