"""The team hub's store (PostgreSQL): every PostgreSQL statement of the annotator lives in
this module; the project's side of a sync is :mod:`.hub_outbox`.

The hub is one PostgreSQL schema (``annotator_hub``). Every row carries ``rev``, a number
from one sequence, set by a trigger on each insert and update; a desktop remembers the
highest ``rev`` it has seen and asks only for rows above it. The same trigger takes a
transaction-level advisory lock first, so writers commit one after another and in ``rev``
order: a reader can never see rev 10 while rev 9 is still to come.

Security lives in the database: each person connects as their own role, a member of the
hub's annotator or reviewer group role; row-level security lets annotators read their
assigned articles (every article on an "open" hub) and write only their own annotations;
only reviewers write articles, assignments and gold.

The sync logic (what wins, what is a conflict) is in ``core/sync/hub.py``; this module only moves rows.
"""
from __future__ import annotations

import contextlib
import json
import re
import secrets
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from ..errors import HubError, HubUnavailable

SCHEMA = "annotator_hub"
HUB_SCHEMA_VERSION = 1
CONNECT_TIMEOUT_S = 8
# pg_advisory_xact_lock key of the writer lock (advisory locks are per database).
WRITER_LOCK = 0x616E6E6F

# An article as moved between stores: (content_hash, external_id, title, text, source, url,
# published, meta_json, search_key, created_at).
ArticleRecord = tuple
# (content_hash, annotator, status, comment, seconds, updated_at, spans, rejected); spans are
# [start, end, label, attributes (dict), origin, created_at], rejected [start, end, label, created_at].
AnnotationRecord = tuple
# (content_hash, adjudicator, strategy, status, created_at, updated_at, spans)
GoldRecord = tuple


@dataclass
class Pull:
    """What a desktop receives in one sync."""

    labels: list[tuple] = field(default_factory=list)  # (name, name_ar, name_en, color, key, description, position)
    members: list[tuple[str, str]] = field(default_factory=list)  # (name, role)
    articles: list[ArticleRecord] = field(default_factory=list)
    assignments: list[tuple[str, str]] = field(default_factory=list)  # (content_hash, annotator)
    annotations: list[AnnotationRecord] = field(default_factory=list)
    gold: list[GoldRecord] = field(default_factory=list)
    rev: int = 0


def safe_conninfo(url: str) -> str:
    """The connection string without any password: what a project file may keep."""
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise HubError(f"not a PostgreSQL connection string: {exc}") from None
    params.pop("password", None)
    return make_conninfo("", **params)


def describe(url: str) -> str:
    """user@host:port/dbname, for messages (never the password)."""
    try:
        p = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "the hub"
    who = f"{p['user']}@" if p.get("user") else ""
    port = f":{p['port']}" if p.get("port") else ""
    return f"{who}{p.get('host', 'localhost')}{port}/{p.get('dbname', '')}"


def _ident(*parts: str) -> sql.Identifier:
    return sql.Identifier(*parts)


def _t(name: str) -> sql.Composed:
    return sql.SQL("{}.{}").format(_ident(SCHEMA), _ident(name))


def _q(text: str) -> sql.SQL:
    """SQL text with {s} standing for the hub schema (a fixed, trusted identifier)."""
    return sql.SQL(text.replace("{s}", SCHEMA))


def _group_roles(dbname: str) -> tuple[str, str]:
    slug = re.sub(r"[^a-z0-9_]", "_", dbname.lower())[:36]
    return f"annotator_hub_{slug}_annotator", f"annotator_hub_{slug}_reviewer"


def login_role_for(name: str) -> str:
    """The PostgreSQL role of a member: the name itself when it is a plain lower-case
    identifier, else a stable ASCII name derived from it (names may be Arabic)."""
    if re.fullmatch(r"[a-z][a-z0-9_]{0,40}", name):
        return name
    import hashlib

    ascii_part = re.sub(r"[^a-z0-9]", "", name.lower())[:20]
    return f"u_{ascii_part}_{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}".replace("__", "_")


def _schema_sql(annotator_group: str, reviewer_group: str) -> list[sql.SQL | sql.Composed]:
    ann, rev = _ident(annotator_group), _ident(reviewer_group)
    stmts = [
        "CREATE SCHEMA {s}",
        "CREATE TABLE {s}.meta (key text PRIMARY KEY, value text NOT NULL)",
        "CREATE SEQUENCE {s}.rev",
        f"""CREATE FUNCTION {{s}}.bump() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock({WRITER_LOCK});
                NEW.rev := nextval('{{s}}.rev');
                RETURN NEW;
            END $$""",
        """CREATE TABLE {s}.members (
            name text PRIMARY KEY,
            role text NOT NULL CHECK (role IN ('annotator', 'reviewer')),
            pg_role text UNIQUE,
            created_at timestamptz NOT NULL DEFAULT now(),
            rev bigint NOT NULL DEFAULT 0)""",
        """CREATE TABLE {s}.labels (
            name text PRIMARY KEY, name_ar text, name_en text, color text NOT NULL, key text,
            description text, position integer NOT NULL DEFAULT 0, rev bigint NOT NULL DEFAULT 0)""",
        """CREATE TABLE {s}.articles (
            id bigserial PRIMARY KEY,
            content_hash text NOT NULL UNIQUE,
            external_id text, title text, text text NOT NULL, source text, url text, published text,
            meta text NOT NULL DEFAULT '{}', search_key text, created_at text,
            rev bigint NOT NULL DEFAULT 0)""",
        "CREATE INDEX ON {s}.articles (rev)",
        """CREATE TABLE {s}.assignments (
            article_id bigint NOT NULL REFERENCES {s}.articles ON DELETE CASCADE,
            annotator text NOT NULL REFERENCES {s}.members ON UPDATE CASCADE,
            rev bigint NOT NULL DEFAULT 0,
            PRIMARY KEY (annotator, article_id))""",
        "CREATE INDEX ON {s}.assignments (article_id)",
        "CREATE INDEX ON {s}.assignments (rev)",
        """CREATE TABLE {s}.annotations (
            article_id bigint NOT NULL REFERENCES {s}.articles ON DELETE CASCADE,
            annotator text NOT NULL REFERENCES {s}.members ON UPDATE CASCADE,
            status text NOT NULL CHECK (status IN ('new', 'in_progress', 'done', 'skipped', 'flagged')),
            comment text,
            seconds double precision NOT NULL DEFAULT 0,
            updated_at text,
            spans jsonb NOT NULL DEFAULT '[]',
            rejected jsonb NOT NULL DEFAULT '[]',
            rev bigint NOT NULL DEFAULT 0,
            PRIMARY KEY (article_id, annotator))""",
        "CREATE INDEX ON {s}.annotations (rev)",
        "CREATE INDEX ON {s}.annotations (annotator)",
        """CREATE TABLE {s}.gold (
            article_id bigint PRIMARY KEY REFERENCES {s}.articles ON DELETE CASCADE,
            adjudicator text NOT NULL,
            strategy text,
            status text NOT NULL DEFAULT 'accepted' CHECK (status IN ('draft', 'accepted')),
            created_at text,
            updated_at text,
            spans jsonb NOT NULL DEFAULT '[]',
            rev bigint NOT NULL DEFAULT 0)""",
        "CREATE INDEX ON {s}.gold (rev)",
        """CREATE TABLE {s}.member_sync (
            name text PRIMARY KEY REFERENCES {s}.members ON UPDATE CASCADE ON DELETE CASCADE,
            last_sync timestamptz NOT NULL)""",
        # Who is asking: the member whose PostgreSQL role is the current user.
        """CREATE FUNCTION {s}.me() RETURNS text LANGUAGE sql STABLE AS
            $$ SELECT name FROM {s}.members WHERE pg_role = current_user $$""",
        """CREATE FUNCTION {s}.is_reviewer() RETURNS boolean LANGUAGE sql STABLE AS
            $$ SELECT coalesce((SELECT role = 'reviewer' FROM {s}.members WHERE pg_role = current_user), false) $$""",
        """CREATE FUNCTION {s}.is_open() RETURNS boolean LANGUAGE sql STABLE AS
            $$ SELECT coalesce((SELECT value = 'true' FROM {s}.meta WHERE key = 'open'), false) $$""",
        # The highest rev committed, rows hidden from the caller included: a desktop's
        # high-water mark must not stop below rows it cannot see yet.
        """CREATE FUNCTION {s}.max_rev() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = pg_catalog, pg_temp AS $$
            SELECT coalesce(greatest((SELECT max(rev) FROM {s}.articles), (SELECT max(rev) FROM {s}.assignments),
                (SELECT max(rev) FROM {s}.annotations), (SELECT max(rev) FROM {s}.gold),
                (SELECT max(rev) FROM {s}.labels), (SELECT max(rev) FROM {s}.members)), 0) $$""",
    ]
    for table in ("members", "labels", "articles", "assignments", "annotations", "gold"):
        stmts.append(f"CREATE TRIGGER bump_rev BEFORE INSERT OR UPDATE ON {{s}}.{table} "
                     "FOR EACH ROW EXECUTE FUNCTION {s}.bump()")
    me, reviewer = "(SELECT {s}.me())", "(SELECT {s}.is_reviewer())"
    for table in ("articles", "assignments", "annotations", "gold", "member_sync"):
        stmts.append(f"ALTER TABLE {{s}}.{table} ENABLE ROW LEVEL SECURITY")
    stmts += [
        f"""CREATE POLICY read_articles ON {{s}}.articles FOR SELECT USING ({reviewer} OR (SELECT {{s}}.is_open())
            OR EXISTS (SELECT 1 FROM {{s}}.assignments g WHERE g.article_id = articles.id AND g.annotator = {me}))""",
        f"CREATE POLICY reviewers_add_articles ON {{s}}.articles FOR INSERT WITH CHECK ({reviewer})",
        f"CREATE POLICY read_assignments ON {{s}}.assignments FOR SELECT USING (annotator = {me} OR {reviewer})",
        f"CREATE POLICY reviewers_assign ON {{s}}.assignments FOR INSERT WITH CHECK ({reviewer})",
        f"CREATE POLICY reviewers_reassign ON {{s}}.assignments FOR DELETE USING ({reviewer})",
        f"CREATE POLICY read_annotations ON {{s}}.annotations FOR SELECT USING (annotator = {me} OR {reviewer})",
        # An annotator may annotate only articles they can read.
        f"""CREATE POLICY add_own_annotations ON {{s}}.annotations FOR INSERT WITH CHECK (annotator = {me}
            AND EXISTS (SELECT 1 FROM {{s}}.articles a WHERE a.id = article_id))""",
        f"""CREATE POLICY change_own_annotations ON {{s}}.annotations FOR UPDATE USING (annotator = {me})
            WITH CHECK (annotator = {me})""",
        f"CREATE POLICY reviewers_gold ON {{s}}.gold FOR ALL USING ({reviewer}) WITH CHECK ({reviewer})",
        f"CREATE POLICY own_sync ON {{s}}.member_sync FOR ALL USING (name = {me}) WITH CHECK (name = {me})",
        f"CREATE POLICY reviewers_read_sync ON {{s}}.member_sync FOR SELECT USING ({reviewer})",
    ]
    out: list[sql.SQL | sql.Composed] = [_q(s) for s in stmts]
    grants = [
        "GRANT USAGE ON SCHEMA {s} TO {a}, {r}",
        "GRANT USAGE ON SEQUENCE {s}.rev TO {a}, {r}",
        "GRANT SELECT ON {s}.meta, {s}.members, {s}.labels, {s}.articles, {s}.assignments TO {a}, {r}",
        "GRANT SELECT, INSERT, UPDATE ON {s}.annotations, {s}.member_sync TO {a}, {r}",
        "GRANT INSERT ON {s}.articles TO {r}",
        "GRANT USAGE ON SEQUENCE {s}.articles_id_seq TO {r}",
        "GRANT INSERT, DELETE ON {s}.assignments TO {r}",
        "GRANT SELECT, INSERT, UPDATE ON {s}.gold TO {r}",
    ]
    out += [sql.SQL(text.replace("{s}", SCHEMA)).format(a=ann, r=rev) for text in grants]
    return out


class HubStore:
    """One connection to a hub. Use as a context manager; it closes the connection."""

    def __init__(self, url: str, *, connect_timeout: int = CONNECT_TIMEOUT_S):
        self.url = url
        self.where = describe(url)
        try:
            # Keepalives: a network that silently drops mid-sync fails in seconds, not hours.
            self.conn = psycopg.connect(url, connect_timeout=connect_timeout, application_name="annotator",
                                        keepalives=1, keepalives_idle=10, keepalives_interval=5,
                                        keepalives_count=3)
        except psycopg.OperationalError as exc:
            raise HubUnavailable(f"cannot reach the hub {self.where}: {_first_line(exc)}") from None
        except psycopg.ProgrammingError as exc:
            raise HubError(f"not a PostgreSQL connection string: {exc}") from None

    def close(self) -> None:
        with contextlib.suppress(psycopg.Error):
            self.conn.close()

    def __enter__(self) -> HubStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self, *, lock: bool = True) -> Iterator[HubStore]:
        """One server transaction; ``lock`` takes the writer lock first, so the whole sync
        sees one consistent hub and no other writer interleaves with it."""
        try:
            with self.conn.transaction():
                if lock:
                    self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
                yield self
        except psycopg.OperationalError as exc:
            raise HubUnavailable(f"lost the connection to the hub {self.where}: {_first_line(exc)}") from None
        except psycopg.errors.InsufficientPrivilege as exc:
            raise HubError(f"the hub {self.where} refused: {_first_line(exc)}") from None
        except psycopg.errors.UndefinedTable:
            raise HubError(f"{self.where} is not an annotator hub; create it with: annotator hub init URL") from None
        except psycopg.Error as exc:
            raise HubError(f"the hub {self.where} failed: {_first_line(exc)}") from None

    def _rows(self, query: sql.SQL | sql.Composed | str, params: Sequence[Any] | None = None) -> list[tuple]:
        return self.conn.execute(_q(query) if isinstance(query, str) else query, params).fetchall()

    # ------------------------------------------------------------- schema
    def initialise(self) -> bool:
        """Create the hub schema and its two group roles; False if it already exists."""
        with self.transaction():
            exists = self._rows("SELECT 1 FROM pg_namespace WHERE nspname = %s", (SCHEMA,))
            if exists:
                version = self._rows("SELECT value FROM {s}.meta WHERE key = 'schema_version'")
                if version and int(version[0][0]) > HUB_SCHEMA_VERSION:
                    raise HubError(f"{self.where} holds a newer hub (schema {version[0][0]}); update the annotator")
                return False
            dbname = self._rows("SELECT current_database()")[0][0]
            groups = _group_roles(dbname)
            for group in groups:
                if not self._rows("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)):
                    self.conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(_ident(group)))
            for stmt in _schema_sql(*groups):
                self.conn.execute(stmt)
            self.conn.cursor().executemany(_q("INSERT INTO {s}.meta(key, value) VALUES (%s, %s)"), [
                ("schema_version", str(HUB_SCHEMA_VERSION)), ("hub_id", str(uuid.uuid4())),
                ("annotator_group", groups[0]), ("reviewer_group", groups[1]), ("open", "false"),
            ])
        return True

    def hub_id(self) -> str:
        with self.transaction(lock=False):
            return self.meta("hub_id")

    def meta(self, key: str) -> str:
        """A value of the hub's meta table (inside a transaction)."""
        row = self._rows("SELECT value FROM {s}.meta WHERE key = %s", (key,))
        if not row:
            raise HubError(f"{self.where}: the hub has no {key}; is it initialised?")
        return row[0][0]

    # ------------------------------------------------------------- members
    def members(self) -> list[tuple[str, str]]:
        return [tuple(r) for r in self._rows("SELECT name, role FROM {s}.members ORDER BY name")]

    def member_role(self, name: str) -> str | None:
        row = self._rows("SELECT role FROM {s}.members WHERE name = %s", (name,))
        return row[0][0] if row else None

    def current_member(self) -> str | None:
        """The member this connection's role belongs to (None for the hub's owner)."""
        return self._rows("SELECT {s}.me()")[0][0]

    def is_owner(self) -> bool:
        """The connected role owns the hub tables (it bypasses row-level security)."""
        return bool(self._rows(
            "SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relname = 'members'",
            (SCHEMA,))[0][0])

    def upsert_members(self, members: Sequence[tuple[str, str]]) -> None:
        """Add members; a reviewer stays a reviewer (roles only go up, as in merge)."""
        self.conn.cursor().executemany(_q(
            "INSERT INTO {s}.members(name, role) VALUES (%s, %s) ON CONFLICT (name) DO UPDATE "
            "SET role = 'reviewer' WHERE {s}.members.role <> 'reviewer' AND excluded.role = 'reviewer'"),
            members)

    def add_user(self, name: str, role: str) -> tuple[str, str]:
        """Create (or reset) the member's login role; return (role name, one-time password)."""
        login = login_role_for(name)
        password = secrets.token_urlsafe(18)
        group = self.meta("reviewer_group" if role == "reviewer" else "annotator_group")
        other = self.meta("annotator_group" if role == "reviewer" else "reviewer_group")
        taken = self._rows("SELECT name FROM {s}.members WHERE pg_role = %s AND name <> %s", (login, name))
        if taken:
            raise HubError(f"the PostgreSQL role {login} already belongs to member {taken[0][0]}")
        verb = "ALTER" if self._rows("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)) else "CREATE"
        # Only the SCRAM verifier, hashed here by libpq, reaches the server (and its statement log).
        verifier = self.conn.pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256").decode()
        self.conn.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(_ident(login), sql.Literal(verifier)))
        self.conn.execute(sql.SQL("GRANT {} TO {}").format(_ident(group), _ident(login)))
        with contextlib.suppress(psycopg.errors.Warning):
            self.conn.execute(sql.SQL("REVOKE {} FROM {}").format(_ident(other), _ident(login)))
        self.conn.execute(_q(
            "INSERT INTO {s}.members(name, role, pg_role) VALUES (%s, %s, %s) ON CONFLICT (name) DO UPDATE "
            "SET role = excluded.role, pg_role = excluded.pg_role"), (name, role, login))
        return login, password

    def record_sync(self, name: str) -> None:
        self.conn.execute(_q(
            "INSERT INTO {s}.member_sync(name, last_sync) VALUES (%s, now()) "
            "ON CONFLICT (name) DO UPDATE SET last_sync = excluded.last_sync"), (name,))

    def status(self) -> list[tuple[str, str, int, int, Any]]:
        """(name, role, assigned, done, last sync) per member."""
        return [tuple(r) for r in self._rows(
            "SELECT m.name, m.role, "
            "(SELECT count(*) FROM {s}.assignments g WHERE g.annotator = m.name), "
            "(SELECT count(*) FROM {s}.annotations an WHERE an.annotator = m.name AND an.status = 'done'), "
            "s.last_sync FROM {s}.members m LEFT JOIN {s}.member_sync s ON s.name = m.name ORDER BY m.name")]

    def labels(self) -> list[tuple]:
        """(name, name_ar, name_en, color, key, description, position) in order."""
        return self._rows("SELECT name, name_ar, name_en, color, key, description, position "
                          "FROM {s}.labels ORDER BY position, name")

    def article_count(self) -> int:
        return int(self._rows("SELECT count(*) FROM {s}.articles")[0][0])

    # ------------------------------------------------------------- publish
    def set_open(self, is_open: bool) -> None:
        self.conn.execute(_q("UPDATE {s}.meta SET value = %s WHERE key = 'open'"), ("true" if is_open else "false",))

    def upsert_labels(self, labels: Sequence[tuple]) -> None:
        """(name, name_ar, name_en, color, key, description, position); only real changes bump rev."""
        self.conn.cursor().executemany(_q(
            "INSERT INTO {s}.labels(name, name_ar, name_en, color, key, description, position) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (name) DO UPDATE SET name_ar = excluded.name_ar, "
            "name_en = excluded.name_en, color = excluded.color, key = excluded.key, "
            "description = excluded.description, position = excluded.position "
            "WHERE (labels.name_ar, labels.name_en, labels.color, labels.key, labels.description, labels.position) "
            "IS DISTINCT FROM (excluded.name_ar, excluded.name_en, excluded.color, excluded.key, "
            "excluded.description, excluded.position)"), labels)

    def add_articles(self, rows: Iterable[ArticleRecord]) -> int:
        """Add articles by COPY; existing content hashes are skipped. Returns how many were new."""
        self.conn.execute(
            "CREATE TEMP TABLE incoming_articles (n bigserial, content_hash text, external_id text, title text, "
            "text text, source text, url text, published text, meta text, search_key text, created_at text) "
            "ON COMMIT DROP")
        with self.conn.cursor().copy(
            "COPY incoming_articles (content_hash, external_id, title, text, source, url, published, meta, "
            "search_key, created_at) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row(row)
        cur = self.conn.execute(_q(
            "INSERT INTO {s}.articles(content_hash, external_id, title, text, source, url, published, meta, "
            "search_key, created_at) SELECT content_hash, external_id, title, text, source, url, published, "
            "coalesce(meta, '{}'), search_key, created_at FROM incoming_articles ORDER BY n "
            "ON CONFLICT (content_hash) DO NOTHING"))  # hub ids keep the project's article order
        self.conn.execute("DROP TABLE incoming_articles")
        return cur.rowcount

    def add_assignments(self, pairs: Sequence[tuple[str, str]]) -> int:
        """(content_hash, annotator) pairs; unknown articles are skipped. Returns how many were new."""
        if not pairs:
            return 0
        cur = self.conn.execute(_q(
            "INSERT INTO {s}.assignments(article_id, annotator) SELECT a.id, p.annotator "
            "FROM unnest(%s::text[], %s::text[]) AS p(content_hash, annotator) "
            "JOIN {s}.articles a ON a.content_hash = p.content_hash ON CONFLICT DO NOTHING"),
            ([h for h, _ in pairs], [n for _, n in pairs]))
        return cur.rowcount

    # ------------------------------------------------------------- push
    def article_ids(self, hashes: Sequence[str]) -> dict[str, int]:
        """Hub ids of these content hashes (of the articles the caller may see)."""
        return {h: i for h, i in self._rows(
            "SELECT content_hash, id FROM {s}.articles WHERE content_hash = ANY(%s)", (list(hashes),))}

    def annotations_for_update(self, annotator: str, article_ids: Sequence[int]) -> dict[int, tuple]:
        """article id -> (status, comment, seconds, updated_at, spans, rejected), locked."""
        return {r[0]: tuple(r[1:]) for r in self._rows(
            "SELECT article_id, status, comment, seconds, updated_at, spans, rejected FROM {s}.annotations "
            "WHERE annotator = %s AND article_id = ANY(%s) FOR UPDATE", (annotator, list(article_ids)))}

    def write_annotations(self, rows: Sequence[tuple]) -> None:
        """(article_id, annotator, status, comment, seconds, updated_at, spans, rejected) upserts."""
        self.conn.cursor().executemany(_q(
            "INSERT INTO {s}.annotations(article_id, annotator, status, comment, seconds, updated_at, spans, "
            "rejected) VALUES (%s, %s, %s, %s, %s, %s, %s::jsonb, %s::jsonb) ON CONFLICT (article_id, annotator) "
            "DO UPDATE SET status = excluded.status, comment = excluded.comment, seconds = excluded.seconds, "
            "updated_at = excluded.updated_at, spans = excluded.spans, rejected = excluded.rejected"),
            [(*r[:6], json.dumps(r[6], ensure_ascii=False), json.dumps(r[7], ensure_ascii=False)) for r in rows])

    def gold_for_update(self, article_ids: Sequence[int]) -> dict[int, tuple]:
        """article id -> (adjudicator, strategy, status, created_at, updated_at, spans), locked."""
        return {r[0]: tuple(r[1:]) for r in self._rows(
            "SELECT article_id, adjudicator, strategy, status, created_at, updated_at, spans FROM {s}.gold "
            "WHERE article_id = ANY(%s) FOR UPDATE", (list(article_ids),))}

    def write_gold(self, rows: Sequence[tuple]) -> None:
        """(article_id, adjudicator, strategy, status, created_at, updated_at, spans) upserts."""
        self.conn.cursor().executemany(_q(
            "INSERT INTO {s}.gold(article_id, adjudicator, strategy, status, created_at, updated_at, spans) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s::jsonb) ON CONFLICT (article_id) DO UPDATE SET "
            "adjudicator = excluded.adjudicator, strategy = excluded.strategy, status = excluded.status, "
            "updated_at = excluded.updated_at, spans = excluded.spans"),
            [(*r[:6], json.dumps(r[6], ensure_ascii=False)) for r in rows])

    # ------------------------------------------------------------- pull
    def pull(self, *, since: int, member: str, everyone: bool, all_articles: bool,
             also_annotations: Sequence[int] = (), also_gold: Sequence[int] = ()) -> Pull:
        """Rows above ``since`` that this member receives. ``everyone``: every annotator's
        annotations, all assignments and gold (a reviewer); ``all_articles``: every new
        article the caller may read, not only the assigned ones. ``also_*``: hub article
        ids whose row is sent whatever its rev (the push just kept the hub's newer version)."""
        out = Pull()
        out.rev = self.max_rev()
        out.labels = self._rows("SELECT name, name_ar, name_en, color, key, description, position "
                                "FROM {s}.labels WHERE rev > %s ORDER BY position, name", (since,))
        out.members = [tuple(r) for r in self._rows("SELECT name, role FROM {s}.members WHERE rev > %s", (since,))]
        who = sql.SQL("") if everyone else sql.SQL(" AND x.annotator = {}").format(sql.Literal(member))
        out.assignments = [tuple(r) for r in self._rows(_q(
            "SELECT a.content_hash, x.annotator FROM {s}.assignments x JOIN {s}.articles a ON a.id = x.article_id "
            "WHERE x.rev > %s") + who, (since,))]
        articles = ("SELECT content_hash, external_id, title, text, source, url, published, meta, search_key, "
                    "created_at FROM {s}.articles a ")
        if all_articles:
            out.articles = self._rows(articles + "WHERE a.rev > %s ORDER BY a.id", (since,))
        elif since == 0 and not everyone:
            # A clone: every assigned article in one pass.
            out.articles = self._rows(articles + "JOIN {s}.assignments x ON x.article_id = a.id "
                                      "WHERE x.annotator = %s ORDER BY a.id", (member,))
        else:
            out.articles = self._rows(articles + "WHERE a.content_hash = ANY(%s) ORDER BY a.id",
                                      ([h for h, n in out.assignments if n == member],))
        out.annotations = [
            (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]) for r in self._rows(_q(
                "SELECT a.content_hash, x.annotator, x.status, x.comment, x.seconds, x.updated_at, x.spans, "
                "x.rejected FROM {s}.annotations x JOIN {s}.articles a ON a.id = x.article_id "
                "WHERE (x.rev > %s OR (x.annotator = %s AND x.article_id = ANY(%s)))") + who,
                (since, member, list(also_annotations)))]
        if everyone:
            out.gold = self._rows(
                "SELECT a.content_hash, x.adjudicator, x.strategy, x.status, x.created_at, x.updated_at, x.spans "
                "FROM {s}.gold x JOIN {s}.articles a ON a.id = x.article_id "
                "WHERE x.rev > %s OR x.article_id = ANY(%s)", (since, list(also_gold)))
        return out

    def max_rev(self) -> int:
        return int(self._rows("SELECT {s}.max_rev()")[0][0])

    def articles_by_hash(self, hashes: Sequence[str]) -> list[ArticleRecord]:
        return self._rows(
            "SELECT content_hash, external_id, title, text, source, url, published, meta, search_key, created_at "
            "FROM {s}.articles WHERE content_hash = ANY(%s) ORDER BY id", (list(hashes),))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
