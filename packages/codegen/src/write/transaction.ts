import { existsSync, mkdirSync, openSync, closeSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { atEdge, EnvironmentError, environmentError } from "../errors.js";

/**
 * A run's writes are one transaction: every changed file is staged beside its target under a
 * temporary name, then a journal listing the renames is committed (itself written to a temporary
 * name and renamed, so it is whole or absent), then the renames and removals run, then the
 * journal is removed. A run killed at any point leaves a journal, and the next run (under the
 * lock) finishes it or undoes it before it looks at the disk: before the commit it removes the
 * staged files (the outputs are the old ones), after it completes the renames (the new ones).
 *
 * The journal and the lock live beside the cache, not in it: a cache that cannot be written only
 * costs time, while a run cannot write safely without these.
 *
 * Renames are atomic per file on one file system, which is why files are staged beside their
 * targets rather than in one staging tree that might sit on another device. Not fsync'd: this
 * protects against a killed process, not a power cut, as git's own index writes do by default.
 */
export const RUN_STATE_DIR = "node_modules/.cache/contracts-run";
export const JOURNAL_FILE = `${RUN_STATE_DIR}/journal.json`;
export const LOCK_FILE = `${RUN_STATE_DIR}/lock`;

/** Paths are project-relative. `staging`: temps may exist; `committed`: every temp is whole. */
type Journal =
  | { readonly state: "staging"; readonly temps: readonly string[] }
  | { readonly state: "committed"; readonly renames: readonly (readonly [temp: string, target: string])[]; readonly removals: readonly string[] };

export function writeJournal(root: string, journal: Journal): void {
  const file = path.join(root, JOURNAL_FILE);
  const temp = `${file}.tmp`;
  atEdge("write", file, root, () => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, `${JSON.stringify(journal)}\n`, "utf8");
    renameSync(temp, file);
  });
}

export function removeJournal(root: string): void {
  const file = path.join(root, JOURNAL_FILE);
  atEdge("remove", file, root, () => rmSync(file, { force: true }));
}

/** What `recover` did with a journal an interrupted run left. */
export type Recovery = { readonly action: "none" } | { readonly action: "rolled back" | "finished"; readonly files: number };

/**
 * Finishes or undoes the writes of a run that was interrupted (killed, or stopped by a failing
 * rename), so this run starts from old-or-new outputs and no stray temporary file. Call it with
 * the lock held.
 */
export function recover(root: string): Recovery {
  const file = path.join(root, JOURNAL_FILE);
  // A journal being written when the run stopped: never committed, so never acted on.
  atEdge("remove", `${file}.tmp`, root, () => rmSync(`${file}.tmp`, { force: true }));
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { action: "none" };
    throw environmentError(error, "read", file, root);
  }
  let journal: Journal;
  try {
    journal = JSON.parse(text) as Journal;
  } catch {
    // Only the journal's own temporary file can be cut short, and it is renamed whole: a journal
    // that does not parse was edited by someone else. Nothing in it can be trusted.
    removeJournal(root);
    return { action: "none" };
  }
  const at = (rel: string) => path.join(root, rel);
  if (journal.state === "staging") {
    for (const temp of journal.temps) atEdge("remove", at(temp), root, () => rmSync(at(temp), { force: true }));
    removeJournal(root);
    return { action: "rolled back", files: journal.temps.length };
  }
  for (const [temp, target] of journal.renames) {
    // A temp that is gone was renamed before the run stopped.
    if (existsSync(at(temp))) atEdge("write", at(target), root, () => renameSync(at(temp), at(target)));
  }
  for (const stale of journal.removals) atEdge("remove", at(stale), root, () => rmSync(at(stale), { force: true }));
  removeJournal(root);
  return { action: "finished", files: journal.renames.length + journal.removals.length };
}

/** True when an interrupted run's journal is waiting for the next `generate`. */
export function hasJournal(root: string): boolean {
  return existsSync(path.join(root, JOURNAL_FILE));
}

interface LockHolder {
  readonly pid: number;
  readonly command: string;
  readonly since: string;
}

export interface LockOptions {
  /** How long to wait for another live run to finish before giving up. */
  readonly timeoutMs?: number;
  readonly pollMs?: number;
  /** Told once, when the lock is held by another live run and this one starts to wait. */
  readonly onWait?: (holder: LockHolder) => void;
}

export interface WriteLock {
  release(): void;
}

/**
 * Serialises the runs that write one project (two `generate`s, or a `watch` and a `generate`):
 * each would otherwise see the other's staged files as stale outputs and remove them. A lock file
 * names its owner's pid; a lock whose owner is no longer alive (a killed run) is taken over.
 *
 * A lock file rather than an OS lock (flock): Node has no portable file locking, and a pid makes
 * a stuck lock explainable in the message. Taking over a stale lock re-reads it just before
 * removing it, so two runs racing for one stale lock can only both win in that instant.
 */
export async function acquireLock(root: string, command: string, options: LockOptions = {}): Promise<WriteLock> {
  const file = path.join(root, LOCK_FILE);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const pollMs = options.pollMs ?? 50;
  const started = Date.now();
  let told = false;
  atEdge("create directory", path.dirname(file), root, () => mkdirSync(path.dirname(file), { recursive: true }));
  for (;;) {
    const me: LockHolder = { pid: process.pid, command, since: new Date().toISOString() };
    try {
      const fd = openSync(file, "wx");
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      return { release: () => releaseIfOurs(file, me) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw environmentError(error, "create", file, root);
    }
    const text = readOrUndefined(file);
    if (text === undefined) continue; // released between our attempt and the read
    const holder = parseHolder(text);
    if (holder === undefined || !isAlive(holder.pid)) {
      // Stale: its owner was killed (or the file is not ours). Take it over if it is still that one.
      if (readOrUndefined(file) === text) rmSync(file, { force: true });
      continue;
    }
    if (Date.now() - started >= timeoutMs) {
      throw new EnvironmentError({
        operation: "lock",
        file: LOCK_FILE,
        code: "",
        reason: `another contracts ${holder.command} (pid ${holder.pid}, since ${holder.since}) is writing this project`,
        hint: `wait for it to finish, or stop it; if no contracts process is running, delete ${LOCK_FILE}`,
      });
    }
    if (!told) {
      told = true;
      options.onWait?.(holder);
    }
    await sleep(pollMs);
  }
}

function releaseIfOurs(file: string, me: LockHolder): void {
  const holder = parseHolder(readOrUndefined(file) ?? "");
  if (holder?.pid === me.pid && holder.since === me.since) rmSync(file, { force: true });
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    return typeof value.pid === "number" && typeof value.command === "string" && typeof value.since === "string" ? (value as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

/** Signal 0 checks that a process exists without touching it; EPERM means it exists as another user's. */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // our own leftover: a run of this process that ended without releasing
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
