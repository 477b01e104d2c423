"""A throwaway PostgreSQL server, for the tests and the benchmarks that run the store on
PostgreSQL: the system's `initdb` and `pg_ctl` (Debian's postgresql package) in a temporary
folder — as the `postgres` user when run as root, since PostgreSQL refuses root — on a free
loopback port, with trust authentication, stopped and removed on exit."""
from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_binaries() -> str | None:
    """The folder of the newest installed PostgreSQL's initdb and pg_ctl, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    folder = found[0] if found else os.path.dirname(shutil.which("initdb") or "")
    return folder if folder and os.path.isfile(os.path.join(folder, "initdb")) else None


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """The server's URL without a database name (``postgresql://postgres@127.0.0.1:PORT``);
    RuntimeError when PostgreSQL is not installed or does not start."""
    binaries = postgres_binaries()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed (Debian's postgresql package)")
    folder = tempfile.mkdtemp(prefix="communique-pg-")
    prefix: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = os.path.join(folder, "data"), free_port()

    def run(*command: str) -> None:
        done = subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{os.path.basename(command[0])} failed: {done.stderr or done.stdout}")

    try:
        run(os.path.join(binaries, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--no-sync")
        options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} -c fsync=off"
        run(os.path.join(binaries, "pg_ctl"), "-D", data, "-o", options, "-l", os.path.join(folder, "log"), "-w",
            "start")
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}"
        finally:
            run(os.path.join(binaries, "pg_ctl"), "-D", data, "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
