"""The two databases the store runs on, behind one small interface: DuckDB (the embedded
default, a file) and PostgreSQL (a server, for a team; ``postgresql://USER@HOST:PORT/DB``).

The store's SQL is written once, with ``?`` placeholders, where the dialects agree; a
backend supplies the few fragments where they do not (a day from a text date, a URL's
host) and the way many rows are written (DuckDB reads a DataFrame in place; PostgreSQL
takes COPY, and INSERT ... ON CONFLICT DO NOTHING RETURNING for the documents, so two
writers storing the same text store it once)."""
from __future__ import annotations

import contextlib
import re
from pathlib import Path

from ..errors import CommuniqueError

POSTGRES_URL = re.compile(r"^postgres(?:ql)?://", re.IGNORECASE)


def is_postgres(location: str) -> bool:
    return bool(POSTGRES_URL.match(str(location)))


def shown(location: str) -> str:
    """A location fit for a message: a URL's password is never shown."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", str(location))


def first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class DuckDBBackend:
    name = "duckdb"

    def __init__(self, path: str, read_only: bool):
        import duckdb  # here: reading records never needs the database library

        self.duckdb = duckdb
        self.errors = (duckdb.Error,)
        self.path = path
        if read_only and not Path(path).exists():
            raise CommuniqueError("C301", path=path, reason="there is no such file")
        try:
            self.connection = duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise CommuniqueError("C302", path=path) from None
            raise CommuniqueError("C301", path=path, reason=first_line(exc)) from None
        except duckdb.Error as exc:
            raise CommuniqueError("C301", path=path, reason=first_line(exc)) from None

    # SQL fragments where the dialects differ
    @staticmethod
    def day(column: str) -> str:
        return f"TRY_CAST(substr({column}, 1, 10) AS DATE)"

    @staticmethod
    def host(column: str) -> str:
        return f"regexp_extract({column}, '^[a-z]+://([^/]+)', 1)"

    blob, double, band_index = "BLOB", "DOUBLE", False

    def execute(self, sql: str, params=()):
        return self.connection.execute(sql, list(params))

    def frame(self, sql: str, params=()):
        return self.connection.execute(sql, list(params)).df()

    def insert(self, table: str, columns: tuple[str, ...], rows: list[tuple], key: str | None = None) -> set | None:
        """Many rows in one statement: the rows as a DataFrame DuckDB reads in place. With
        ``key``, the keys of the rows written: all of them (a DuckDB file has one writer, and
        the store leaves out what is stored already)."""
        if not rows:
            return set() if key else None
        import pandas

        frame = pandas.DataFrame.from_records(rows, columns=list(columns))
        self.connection.register("incoming_rows", frame)
        try:
            names = ", ".join(columns)
            self.connection.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM incoming_rows")
        finally:
            self.connection.unregister("incoming_rows")
        return {row[columns.index(key)] for row in rows} if key else None

    @contextlib.contextmanager
    def schema_lock(self):
        """One process at a time makes the tables: a DuckDB file has one writer already."""
        yield

    def export_table(self, select: str, target: Path, output_format: str) -> None:
        options = "FORMAT PARQUET" if output_format == "parquet" else "FORMAT CSV, HEADER"
        quoted = str(target).replace("'", "''")
        self.connection.execute(f"COPY ({select}) TO '{quoted}' ({options})")

    def close(self) -> None:
        self.connection.close()


class PostgresBackend:
    name = "postgresql"

    def __init__(self, url: str, read_only: bool):
        try:
            import psycopg
        except ImportError:
            raise CommuniqueError("C301", path=shown(url), reason="PostgreSQL needs psycopg: "
                                  "pip install 'psycopg[binary]'") from None
        self.psycopg = psycopg
        self.errors = (psycopg.Error,)
        self.path = shown(url)
        try:
            self.connection = psycopg.connect(url, autocommit=True, connect_timeout=20)
            if read_only:
                self.connection.execute("SET default_transaction_read_only = on")
        except psycopg.Error as exc:
            raise CommuniqueError("C301", path=self.path, reason=first_line(exc)) from None

    @staticmethod
    def day(column: str) -> str:
        # A date's first ten characters when they are a day ("2024-03-14T09:00" is); else none.
        return (f"CASE WHEN {column} ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}' "
                f"THEN CAST(substr({column}, 1, 10) AS DATE) END")

    @staticmethod
    def host(column: str) -> str:
        return f"substring({column} from '^[a-z]+://([^/]+)')"

    blob, double, band_index = "BYTEA", "DOUBLE PRECISION", True

    @staticmethod
    def _sql(sql: str) -> str:
        """`?` placeholders as psycopg's `%s` (a literal % doubled first)."""
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params=()):
        return self.connection.execute(self._sql(sql), list(params))

    def frame(self, sql: str, params=()):
        import pandas

        cursor = self.connection.execute(self._sql(sql), list(params))
        columns = [c.name for c in cursor.description]
        return pandas.DataFrame.from_records(cursor.fetchall(), columns=columns)

    def insert(self, table: str, columns: tuple[str, ...], rows: list[tuple], key: str | None = None) -> set | None:
        """Rows by COPY; with ``key``, by INSERT ... ON CONFLICT DO NOTHING RETURNING the keys
        of the rows this writer stored (another writer may have stored the same ones)."""
        if not rows:
            return set() if key else None
        names = ", ".join(columns)
        with self.connection.cursor() as cursor:
            if key is None:
                with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                return None
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))}) "
                               f"ON CONFLICT DO NOTHING RETURNING {key}", rows, returning=True)
            written = set()
            while True:
                written.update(row[0] for row in cursor.fetchall())
                if not cursor.nextset():
                    break
            return written

    @contextlib.contextmanager
    def schema_lock(self):
        """One process at a time makes the tables: two writers starting together would race
        in CREATE TABLE IF NOT EXISTS (a session-level advisory lock, released after)."""
        self.connection.execute("SELECT pg_advisory_lock(hashtext('communique store schema'))")
        try:
            yield
        finally:
            self.connection.execute("SELECT pg_advisory_unlock(hashtext('communique store schema'))")

    def export_table(self, select: str, target: Path, output_format: str) -> None:
        """Through an in-memory DuckDB: the same CSV and Parquet writers as the embedded store."""
        import duckdb

        frame = self.frame(select)
        with duckdb.connect() as local:
            local.register("rows", frame)
            options = "FORMAT PARQUET" if output_format == "parquet" else "FORMAT CSV, HEADER"
            local.execute(f"COPY (SELECT * FROM rows) TO '{str(target).replace(chr(39), chr(39) * 2)}' ({options})")

    def close(self) -> None:
        self.connection.close()


def connect(location: str, read_only: bool):
    """The backend for a location: a postgresql:// URL, else a DuckDB file."""
    if is_postgres(location):
        return PostgresBackend(location, read_only)
    return DuckDBBackend(location, read_only)
