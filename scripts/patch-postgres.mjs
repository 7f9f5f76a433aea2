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
 * And one change of behaviour, not a defect: sql.begin waits for BEGIN's answer before it sends
 * the transaction's first statement, one round trip more for every transaction (of five for a
 * call saved). A plain BEGIN (no options) now goes out with the first statements, as psql sends
 * them pipelined, and its answer is checked before COMMIT: a transaction whose BEGIN failed rolls
 * back and throws. A plain BEGIN fails only with its connection, which the statements after it
 * then fail with; a BEGIN with options (isolation level, read only) still waits for its answer,
 * since a refused option must not leave the statements after it outside a transaction. Drizzle
 * sends a transaction's settings as its first statement (SET TRANSACTION) after a plain BEGIN:
 * refused, that statement fails and the transaction rolls back.
 *
 * Two more, for a transaction whose COMMIT goes out behind its last statements without waiting
 * for their answer (transactionCommittedBehind, db/index.ts). A prepared statement that PostgreSQL
 * no longer knows, or whose plan changed shape, is sent again by the driver once its error is
 * read: in a failed transaction that second try can only fail, and behind a COMMIT already sent
 * it would run after it, outside the transaction. A statement refused in a failed transaction
 * (PostgreSQL's ReadyForQuery says E) is no longer sent again. And a COMMIT that PostgreSQL
 * answers by ROLLBACK (the transaction had failed) throws the statement's error that failed it,
 * where the driver took it as committed.
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
    file: 'connection.js',
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
    file: 'connection.js',
    // closed(): nothing of the dead session (unsent bytes, its last error) reaches the next one.
    from: `    clearImmediate(nextWriteTimer)
    socket.removeListener('data', data)`,
    to: `    clearImmediate(nextWriteTimer)
    chunk = nextWriteTimer = errorResponse = null ${MARK}
    socket.removeListener('data', data)`,
  },
  {
    file: 'connection.js',
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
    file: 'connection.js',
    // drain(): a connection held by a transaction or by sql.reserve is not the pool's.
    from: `  function drain() {
    !query && onopen(connection)`,
    to: `  function drain() {
    !query && !connection.reserved && onopen(connection) /* patched by scripts/patch-postgres.mjs (#823) */`,
  },
  {
    file: 'connection.js',
    // terminate()
    from: `    clearImmediate(nextWriteTimer)
    if (socket) {`,
    to: `    clearImmediate(nextWriteTimer)
    chunk = nextWriteTimer = null ${MARK}
    if (socket) {`,
  },
  {
    // begin(): a plain BEGIN goes out with the transaction's first statements.
    file: 'index.js',
    from: `      await sql.unsafe('begin ' + options.replace(/[^a-z ]/ig, ''), [], { onexecute }).execute()
      return await Promise.race([
        scope(connection, fn),`,
    to: `      let connected ${MARK}
      const ready = new Promise(resolve => connected = resolve)
      const begun = sql.unsafe('begin ' + options.replace(/[^a-z ]/ig, ''), [], { onexecute: c => (onexecute(c), connected()) }).execute()
      options ? await begun : (await Promise.race([ready, begun]), begun.catch(() => { /* read before COMMIT */ }))
      // BEGIN left its connection with the pool's full ones; it is the transaction's, and takes its statements.
      connection.queue === full && move(connection, reserved)
      return await Promise.race([
        scope(connection, fn, undefined, options ? null : begun),`,
  },
  {
    // scope(): BEGIN's answer read before COMMIT; a failed one rolls back and throws.
    file: 'index.js',
    from: `    async function scope(c, fn, name) {`,
    to: `    async function scope(c, fn, name, begun) { ${MARK}`,
  },
  {
    file: 'index.js',
    from: `        if (uncaughtError)
          throw uncaughtError
      } catch (e) {`,
    to: `        if (uncaughtError)
          throw uncaughtError
        begun && await begun ${MARK}
      } catch (e) {`,
  },
  {
    // ReadyForQuery(): a prepared statement refused in a failed transaction is not sent again.
    file: 'connection.js',
    from: `          : query.prepared && retryRoutines.has(errorResponse.routine)`,
    to: `          : query.prepared && x[5] !== 69 /* E: a failed transaction; patched by scripts/patch-postgres.mjs */ && retryRoutines.has(errorResponse.routine)`,
  },
  {
    // scope(): a COMMIT answered by ROLLBACK throws the error that failed the transaction.
    file: 'index.js',
    from: `          : await sql\`commit\``,
    to: `          : (await sql\`commit\`).command === 'ROLLBACK' && rolledBack(uncaughtError) ${MARK}`,
  },
  {
    file: 'index.js',
    from: `      function savepoint(name, fn) {`,
    to: `      function rolledBack(error) { ${MARK}
        throw error || Errors.generic('ROLLED_BACK', 'COMMIT was answered by ROLLBACK: the transaction had failed')
      }

      function savepoint(name, fn) {`,
  },
];

const root = path.join(process.cwd(), 'node_modules', 'postgres');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

for (const build of ['src', 'cjs/src'])
  for (const name of new Set(edits.map((edit) => edit.file))) {
    const file = path.join(root, build, name);
    let text = readFileSync(file, 'utf8');
    const missing = edits.filter((edit) => edit.file === name && !text.includes(edit.to));
    if (missing.length === 0) continue;
    for (const edit of missing) {
      if (text.split(edit.from).length !== 2) {
        console.error(
          `[patch-postgres] postgres ${version}: ${build}/${name} is not the text this repair expects. Check whether the release fixes the write on a closed socket, BEGIN at a full pipeline and a drained transaction, how it sends BEGIN, retries a prepared statement in a failed transaction and takes a COMMIT answered by ROLLBACK, then update or remove scripts/patch-postgres.mjs.`,
        );
        process.exit(1);
      }
      text = text.replace(edit.from, edit.to);
    }
    writeFileSync(file, text);
    console.log(`[patch-postgres] postgres ${version}: ${build}/${name} repaired`);
  }
