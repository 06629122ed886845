import { randomBytes } from "node:crypto";
import type { ConnectorWithStatus } from "@contracts/types";
import { fixtures } from "@contracts/fixtures";
import Database from "better-sqlite3";

/**
 * Connectors in SQLite (better-sqlite3: synchronous, so a request's reads and writes never
 * interleave with another's). Each connector is one row: its slug (unique, the URL key), an
 * insertion sequence (the pagination order) and the connector as JSON, which is what the
 * contract describes; SQLite never needs to see inside it.
 */
export interface ConnectorStore {
  /** The connectors after `after` (a sequence number from a previous page), at most `limit`, in insertion order. */
  list(limit: number, after?: number): { items: ConnectorWithStatus[]; last?: number; more: boolean };
  get(slug: string): ConnectorWithStatus | undefined;
  /** Inserts a connector; `undefined` when its slug is taken. */
  insert(connector: ConnectorWithStatus): ConnectorWithStatus | undefined;
  /** Replaces the connector stored under `slug` (its slug may change); "missing" or "conflict" when it cannot. */
  replace(slug: string, connector: ConnectorWithStatus): ConnectorWithStatus | "missing" | "conflict";
  /** Deletes the connector; false when there was none. */
  delete(slug: string): boolean;
  close(): void;
}

interface Row {
  readonly seq: number;
  readonly body: string;
}

/** A server-assigned id in the fixtures' style: `connector_` and 16 hex digits. */
export function newConnectorId(): string {
  return `connector_${randomBytes(8).toString("hex")}`;
}

/**
 * The seed of an in-memory database: the fixtures' valid cases, `full` first under its own slug,
 * the others under a slug (and id) suffixed with their case name, since the cases share one.
 */
export function seedConnectors(): ConnectorWithStatus[] {
  const cases = [...fixtures.ConnectorWithStatus.valid].sort((a, b) => Number(b.name === "full") - Number(a.name === "full"));
  return cases.map(({ name, value }) => {
    if (name === "full") return value;
    const suffix = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    return { ...value, id: `${value.id}_${suffix.replaceAll("-", "_")}`, slug: `${value.slug}-${suffix}` };
  });
}

/** Opens the store at `path` (a file, created if missing; `:memory:` for a database seeded from the fixtures). */
export function openStore(path: string): ConnectorStore {
  const db = new Database(path);
  // WAL: readers never wait for the writer, and a committed write survives a crash of the process.
  if (path !== ":memory:") db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE IF NOT EXISTS connectors (seq INTEGER PRIMARY KEY AUTOINCREMENT, slug TEXT NOT NULL UNIQUE, body TEXT NOT NULL)");
  const page = db.prepare<[number, number], Row>("SELECT seq, body FROM connectors WHERE seq > ? ORDER BY seq LIMIT ?");
  const one = db.prepare<[string], Row>("SELECT seq, body FROM connectors WHERE slug = ?");
  const insert = db.prepare<[string, string]>("INSERT INTO connectors (slug, body) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING");
  const update = db.prepare<[string, string, string]>("UPDATE connectors SET slug = ?, body = ? WHERE slug = ?");
  const remove = db.prepare<[string]>("DELETE FROM connectors WHERE slug = ?");
  const parse = (row: Row) => JSON.parse(row.body) as ConnectorWithStatus;

  if (path === ":memory:") for (const connector of seedConnectors()) insert.run(connector.slug, JSON.stringify(connector));

  return {
    list(limit, after = 0) {
      // One row more than asked says whether there is a next page.
      const rows = page.all(after, limit + 1);
      const items = rows.slice(0, limit);
      const last = items.at(-1)?.seq;
      return { items: items.map(parse), ...(last === undefined ? {} : { last }), more: rows.length > limit };
    },
    get(slug) {
      const row = one.get(slug);
      return row === undefined ? undefined : parse(row);
    },
    insert(connector) {
      return insert.run(connector.slug, JSON.stringify(connector)).changes === 1 ? connector : undefined;
    },
    replace(slug, connector) {
      if (one.get(slug) === undefined) return "missing";
      if (connector.slug !== slug && one.get(connector.slug) !== undefined) return "conflict";
      update.run(connector.slug, JSON.stringify(connector), slug);
      return connector;
    },
    delete(slug) {
      return remove.run(slug).changes === 1;
    },
    close() {
      db.close();
    },
  };
}
