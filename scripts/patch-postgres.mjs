/**
 * Run after every install (package.json "postinstall"): repairs a defect of postgres.js 3.4.9,
 * the last release, in both of its builds (ESM and CommonJS).
 *
 * When a connection dies in the middle of a transaction (PostgreSQL restarted or crashed, the
 * backend terminated), the driver writes the ROLLBACK on a connection whose socket is already
 * gone: the write, deferred to the next turn of the event loop, throws an uncaught TypeError
 * (porsager/postgres#1154, #1208), and the connection keeps a spent write timer and the dead
 * session's unsent bytes, so that once reconnected it never sends anything again and every
 * query given to it waits forever; the dead session's last error is also handed to the first
 * query of the next one. The repair: a write on a closed connection rejects its queries
 * instead of throwing, and a closed connection forgets its unsent bytes and its last error.
 *
 * A second defect (porsager/postgres#1189): a transaction's BEGIN written as the statement that
 * fills its connection's pipeline (max_pipeline statements in flight) does not reserve the
 * connection, which goes back to the pool inside the open transaction: sql.begin fails, and the
 * pool's next statements run in a transaction nobody commits. The repair: BEGIN reserves its
 * connection once written, whatever room is left behind it. A third (porsager/postgres#823):
 * when a large write has gone out and the socket drains between two statements of a
 * transaction, the driver hands the transaction's connection back to the pool, and other
 * requests' statements run inside it, lost if it rolls back. The repair: a drained connection
 * that a transaction (or sql.reserve) holds stays with it.
 *
 * Each edit is applied only to the exact text expected; a release whose text differs stops the
 * install with a message, so that an upgrade re-examines the defect instead of losing the repair.
 * A file repaired by an earlier version of this script gets the edits it lacks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MARK = '/* patched by scripts/patch-postgres.mjs */';

const edits = [
  {
    from: `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`,
    // A write deferred to the next turn of the event loop finds the socket closed meanwhile.
    to: `  function nextWrite(fn) {
    ${MARK}
    if (!socket) {
      chunk = nextWriteTimer = null
      const err = Errors.connection('CONNECTION_CLOSED', options)
      query && (queryError(query, err), query = null)
      while (sent.length)
        queryError(sent.shift(), err)
      return false
    }
    const x = socket.write(chunk, fn)`,
  },
  {
    // closed(): nothing of the dead session (unsent bytes, its last error) reaches the next one.
    from: `    clearImmediate(nextWriteTimer)
    socket.removeListener('data', data)`,
    to: `    clearImmediate(nextWriteTimer)
    chunk = nextWriteTimer = errorResponse = null ${MARK}
    socket.removeListener('data', data)`,
  },
  {
    // execute(): the transaction's hook (sql.begin's onexecute) runs whenever BEGIN is written,
    // not only when the connection can take more; the connection then takes nothing else.
    from: `      return write(toBuffer(q))
        && !q.describeFirst
        && !q.cursorFn
        && sent.length < max_pipeline
        && (!q.options.onexecute || q.options.onexecute(connection))`,
    to: `      const canTakeMore = write(toBuffer(q)) /* patched by scripts/patch-postgres.mjs (#1189) */
        && !q.describeFirst
        && !q.cursorFn
        && sent.length < max_pipeline
      return q.options.onexecute ? (q.options.onexecute(connection), false) : canTakeMore`,
  },
  {
    // drain(): a connection held by a transaction or by sql.reserve is not the pool's.
    from: `  function drain() {
    !query && onopen(connection)`,
    to: `  function drain() {
    !query && !connection.reserved && onopen(connection) /* patched by scripts/patch-postgres.mjs (#823) */`,
  },
  {
    // terminate()
    from: `    clearImmediate(nextWriteTimer)
    if (socket) {`,
    to: `    clearImmediate(nextWriteTimer)
    chunk = nextWriteTimer = null ${MARK}
    if (socket) {`,
  },
];

const root = path.join(process.cwd(), 'node_modules', 'postgres');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

for (const build of ['src', 'cjs/src']) {
  const file = path.join(root, build, 'connection.js');
  let text = readFileSync(file, 'utf8');
  const missing = edits.filter((edit) => !text.includes(edit.to));
  if (missing.length === 0) continue;
  for (const edit of missing) {
    if (text.split(edit.from).length !== 2) {
      console.error(
        `[patch-postgres] postgres ${version}: ${build}/connection.js is not the text this repair expects. Check whether the release fixes the write on a closed socket, BEGIN at a full pipeline and a drained transaction, then update or remove scripts/patch-postgres.mjs.`,
      );
      process.exit(1);
    }
    text = text.replace(edit.from, edit.to);
  }
  writeFileSync(file, text);
  console.log(`[patch-postgres] postgres ${version}: ${build}/connection.js repaired`);
}
