// A Hrana-over-HTTP TEST server on the libSQL engine (npm package `libsql`). It exists so that djorm's
// tests can run against a server with sqld's semantics (one engine connection per stream, batons,
// real row counts and error codes) on machines without sqld. It is not a product: see README.md.
//
//   node server.mjs --db <file> --port <port> [--host 127.0.0.1] [--idle-timeout-ms 10000]
//                   [--busy-timeout-ms 5000] [--exit-with-parent]

import http from 'node:http';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// The engine is installed next to this file's copy (npm install --prefix <dir> libsql) or found through
// NODE_PATH; createRequire honours both.
const Database = require(process.env.LIBSQL_MODULE || 'libsql');

const options = parseArgs(process.argv.slice(2));
const SECRET = crypto.randomBytes(32);
// Infinite floats cannot be written by JSON.stringify; they travel as a marker replaced afterwards.
const INF_MARK = '\u0000inf:' + crypto.randomBytes(8).toString('hex');

/** Errors that end the whole HTTP request (4xx), as opposed to a failed statement. */
class ProtocolError extends Error {
    constructor(status, message, code) {
        super(message);
        this.status = status;
        this.code = code;
    }
}

/** A failed statement: reported inside the pipeline's results. */
class StmtError extends Error {
    constructor(message, code) {
        super(message);
        this.code = code;
    }
}

function parseArgs(argv) {
    const o = { host: '127.0.0.1', port: 0, db: null, idleTimeoutMs: 10000, busyTimeoutMs: 5000, exitWithParent: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--db') o.db = argv[++i];
        else if (a === '--port') o.port = Number(argv[++i]);
        else if (a === '--host') o.host = argv[++i];
        else if (a === '--idle-timeout-ms') o.idleTimeoutMs = Number(argv[++i]);
        else if (a === '--busy-timeout-ms') o.busyTimeoutMs = Number(argv[++i]);
        else if (a === '--exit-with-parent') o.exitWithParent = true;
        else throw new Error('unknown argument ' + a);
    }
    if (!o.db) throw new Error('--db <file> is required');
    return o;
}

// ---------------------------------------------------------------------------------------------------
// Streams: one engine connection each, named by a baton that changes with every answer.

const streams = new Map();      // id -> Stream
const expired = new Set();      // ids of streams closed for idling, to say so when a client comes back
let nextStreamId = 1;

class Stream {
    constructor() {
        this.id = nextStreamId++;
        this.seq = 0;
        this.db = openConnection();
        this.sqls = new Map();
        this.statements = new Map();
        this.meta = this.db.prepare('SELECT changes(), last_insert_rowid(), total_changes()').raw(true).safeIntegers(true);
        this.queue = Promise.resolve();
        this.busy = 0;
        this.timer = null;
        streams.set(this.id, this);
    }

    baton() {
        this.seq++;
        const body = this.id + '.' + this.seq;
        return body + '.' + sign(body);
    }

    touch() {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.expire(), options.idleTimeoutMs);
        this.timer.unref();
    }

    expire() {
        if (this.busy > 0) return this.touch();
        expired.add(this.id);
        this.close();
    }

    close() {
        clearTimeout(this.timer);
        streams.delete(this.id);
        try {
            this.db.close(); // an open transaction is rolled back with the connection
        } catch (ignored) {
            // already closed
        }
    }

    prepare(sql) {
        let stmt = this.statements.get(sql);
        if (!stmt) {
            stmt = this.db.prepare(sql);
            if (this.statements.size > 200) this.statements.clear();
            this.statements.set(sql, stmt);
        }
        return stmt;
    }
}

function openConnection() {
    const db = new Database(options.db, { timeout: 0 });
    // libsql-server turns foreign keys on for every connection.
    db.exec('PRAGMA foreign_keys = ON');
    return db;
}

function sign(body) {
    return crypto.createHmac('sha256', SECRET).update(body).digest('base64url').slice(0, 22);
}

function streamFor(baton) {
    if (baton === null || baton === undefined) return new Stream();
    if (typeof baton !== 'string') throw new ProtocolError(400, 'The baton must be a string or null', 'BATON_INVALID');
    const parts = baton.split('.');
    if (parts.length !== 3 || sign(parts[0] + '.' + parts[1]) !== parts[2]) {
        throw new ProtocolError(400, 'The baton is not one this server issued', 'BATON_INVALID');
    }
    const id = Number(parts[0]);
    const stream = streams.get(id);
    if (!stream) {
        if (expired.has(id)) throw new ProtocolError(400, 'The stream has expired due to inactivity', 'STREAM_EXPIRED');
        throw new ProtocolError(400, 'The stream of this baton was closed', 'STREAM_CLOSED');
    }
    if (String(stream.seq) !== parts[1]) {
        throw new ProtocolError(400, 'The baton was already used; send the baton of the latest answer', 'BATON_REUSED');
    }
    return stream;
}

// ---------------------------------------------------------------------------------------------------
// Values

function decodeValue(v) {
    if (!v || typeof v !== 'object') throw new ProtocolError(400, 'A value must be an object with a type', 'HRANA_PROTO_ERROR');
    switch (v.type) {
        case 'null': return null;
        case 'integer': return BigInt(v.value);
        case 'float': return Number(v.value);
        case 'text': return String(v.value);
        case 'blob': return Buffer.from(v.base64 || '', 'base64');
        default: throw new ProtocolError(400, 'Unknown value type ' + JSON.stringify(v.type), 'HRANA_PROTO_ERROR');
    }
}

function encodeValue(x) {
    if (x === null || x === undefined) return { type: 'null' };
    if (typeof x === 'bigint') return { type: 'integer', value: x.toString() };
    if (typeof x === 'number') {
        if (Number.isFinite(x)) return { type: 'float', value: x };
        if (Number.isNaN(x)) return { type: 'null' };
        return { type: 'float', value: INF_MARK + (x > 0 ? '+' : '-') };
    }
    if (typeof x === 'string') return { type: 'text', value: x };
    if (Buffer.isBuffer(x) || x instanceof Uint8Array) return { type: 'blob', base64: Buffer.from(x).toString('base64') };
    return { type: 'text', value: String(x) };
}

/** JSON text of an answer; infinite floats become 1e999 / -1e999, valid JSON numbers that parse as infinity. */
function toJson(obj) {
    const text = JSON.stringify(obj);
    if (!text.includes(INF_MARK.slice(1))) return text;
    const mark = JSON.stringify(INF_MARK).slice(1, -1);
    return text.split('"' + mark + '+"').join('1e999').split('"' + mark + '-"').join('-1e999');
}

function bindings(stmt) {
    const args = (stmt.args || []).map(decodeValue);
    const named = stmt.named_args || [];
    if (named.length === 0) return args;
    const bound = {};
    args.forEach((v, i) => { bound[i + 1] = v; });
    for (const n of named) bound[String(n.name).replace(/^[:@$]/, '')] = decodeValue(n.value);
    return bound;
}

// ---------------------------------------------------------------------------------------------------
// Running statements

function sqlOf(stream, holder) {
    if (typeof holder.sql === 'string') return holder.sql;
    if (holder.sql_id !== undefined && holder.sql_id !== null) {
        const sql = stream.sqls.get(holder.sql_id);
        if (sql === undefined) throw new ProtocolError(400, 'No SQL text is stored under id ' + holder.sql_id, 'SQL_NOT_FOUND');
        return sql;
    }
    throw new ProtocolError(400, 'A statement needs sql or sql_id', 'HRANA_PROTO_ERROR');
}

function engineError(e) {
    if (e instanceof ProtocolError) return e;
    return new StmtError(e.message, e.code || 'SQLITE_ERROR');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs fn; while another connection holds the write lock (SQLITE_BUSY), waits without blocking other streams. */
async function withBusyRetry(fn) {
    const deadline = Date.now() + options.busyTimeoutMs;
    let pause = 1;
    for (;;) {
        try {
            return fn();
        } catch (e) {
            if (e.code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw e;
        }
        await sleep(pause);
        pause = Math.min(pause * 2, 20);
    }
}

async function executeStmt(stream, stmt) {
    const sql = sqlOf(stream, stmt);
    const params = bindings(stmt);
    try {
        return await withBusyRetry(() => runOnce(stream, sql, params, stmt.want_rows !== false));
    } catch (e) {
        throw engineError(e);
    }
}

function runOnce(stream, sql, params, wantRows) {
    const prepared = stream.prepare(sql);
    const before = stream.meta.get()[2];
    let cols = [];
    let rows = [];
    if (prepared.reader) {
        prepared.raw(true).safeIntegers(true);
        const all = prepared.all(params);
        cols = prepared.columns().map((c) => ({ name: c.name, decltype: c.type ?? null }));
        if (wantRows) rows = all.map((row) => row.map(encodeValue));
    } else {
        prepared.run(params);
    }
    const [changes, lastRowid, total] = stream.meta.get();
    return {
        cols,
        rows,
        affected_row_count: total !== before ? Number(changes) : 0,
        last_insert_rowid: lastRowid === 0n ? null : lastRowid.toString(),
    };
}

function describe(stream, sql) {
    try {
        const prepared = stream.prepare(sql);
        const cols = prepared.reader ? prepared.columns().map((c) => ({ name: c.name, decltype: c.type ?? null })) : [];
        const isExplain = /^\s*explain\b/i.test(sql);
        const program = isExplain ? [] : stream.db.prepare('EXPLAIN ' + sql).all();
        const writes = program.some((op) => op.opcode === 'Transaction' && Number(op.p2) !== 0);
        const params = [];
        for (const op of program) {
            if (op.opcode === 'Variable') params[Number(op.p1) - 1] = op.p4 ? String(op.p4) : null;
        }
        for (let i = 0; i < params.length; i++) if (params[i] === undefined) params[i] = null;
        return { params: params.map((name) => ({ name })), cols, is_explain: isExplain, is_readonly: !writes };
    } catch (e) {
        throw engineError(e);
    }
}

function evalCond(cond, outcomes, stream) {
    if (cond === null || cond === undefined) return true;
    switch (cond.type) {
        case 'ok': return outcomes[cond.step] === 'ok';
        case 'error': return outcomes[cond.step] === 'error';
        case 'not': return !evalCond(cond.cond, outcomes, stream);
        case 'and': return cond.conds.every((c) => evalCond(c, outcomes, stream));
        case 'or': return cond.conds.some((c) => evalCond(c, outcomes, stream));
        case 'is_autocommit': return !stream.db.inTransaction;
        default: throw new ProtocolError(400, 'Unknown batch condition ' + JSON.stringify(cond.type), 'HRANA_PROTO_ERROR');
    }
}

async function runBatch(stream, batch, onEntry) {
    const steps = batch.steps || [];
    const outcomes = [];
    const results = [];
    const errors = [];
    for (let i = 0; i < steps.length; i++) {
        if (!evalCond(steps[i].condition, outcomes, stream)) {
            outcomes.push('skipped');
            results.push(null);
            errors.push(null);
            continue;
        }
        try {
            const result = await executeStmt(stream, steps[i].stmt);
            outcomes.push('ok');
            results.push(result);
            errors.push(null);
            if (onEntry) onEntry(i, result, null);
        } catch (e) {
            if (e instanceof ProtocolError) throw e;
            outcomes.push('error');
            results.push(null);
            errors.push({ message: e.message, code: e.code });
            if (onEntry) onEntry(i, null, errors[i]);
        }
    }
    return { step_results: results, step_errors: errors };
}

/** One stream request; returns the response, or throws StmtError (reported in results) / ProtocolError. */
async function handleRequest(stream, req) {
    switch (req.type) {
        case 'execute':
            return { type: 'execute', result: await executeStmt(stream, req.stmt) };
        case 'batch':
            return { type: 'batch', result: await runBatch(stream, req.batch) };
        case 'sequence': {
            const sql = sqlOf(stream, req);
            try {
                // No retry on SQLITE_BUSY: the statements before the busy one have run and must not run twice.
                stream.db.exec(sql);
            } catch (e) {
                throw engineError(e);
            }
            return { type: 'sequence' };
        }
        case 'describe':
            return { type: 'describe', result: describe(stream, sqlOf(stream, req)) };
        case 'store_sql':
            if (stream.sqls.has(req.sql_id)) {
                throw new ProtocolError(400, 'SQL id ' + req.sql_id + ' is already in use', 'SQL_ID_IN_USE');
            }
            stream.sqls.set(req.sql_id, String(req.sql));
            return { type: 'store_sql' };
        case 'close_sql':
            stream.sqls.delete(req.sql_id);
            return { type: 'close_sql' };
        case 'get_autocommit':
            return { type: 'get_autocommit', is_autocommit: !stream.db.inTransaction };
        case 'close':
            stream.close();
            return { type: 'close' };
        default:
            throw new ProtocolError(400, 'Unknown request type ' + JSON.stringify(req.type), 'HRANA_PROTO_ERROR');
    }
}

const REQUEST_TYPES_V2 = new Set(['execute', 'batch', 'sequence', 'describe', 'store_sql', 'close_sql', 'close']);
const REQUEST_TYPES_V3 = new Set([...REQUEST_TYPES_V2, 'get_autocommit']);

async function pipeline(body, version) {
    if (!body || !Array.isArray(body.requests)) {
        throw new ProtocolError(400, 'The body must be {"baton": ..., "requests": [...]}', 'HRANA_PROTO_ERROR');
    }
    // Like sqld, refuse the whole pipeline before running any of it when a request cannot be parsed.
    for (const req of body.requests) {
        const known = version >= 3 ? REQUEST_TYPES_V3 : REQUEST_TYPES_V2;
        if (!req || !known.has(req.type)) {
            throw new ProtocolError(400, 'Unknown request type ' + JSON.stringify(req && req.type) + ' in Hrana '
                + version + ': parse error', 'HRANA_PROTO_ERROR');
        }
    }
    const stream = streamFor(body.baton);
    return onStream(stream, async () => {
        const results = [];
        for (const req of body.requests) {
            if (!streams.has(stream.id)) throw new ProtocolError(400, 'The stream was closed by an earlier request', 'STREAM_CLOSED');
            try {
                results.push({ type: 'ok', response: await handleRequest(stream, req) });
            } catch (e) {
                if (e instanceof ProtocolError) throw e;
                results.push({ type: 'error', error: { message: e.message, code: e.code } });
            }
        }
        return { baton: finish(stream), base_url: null, results };
    });
}

async function cursor(body, write) {
    if (!body || !body.batch) throw new ProtocolError(400, 'The body must be {"baton": ..., "batch": {...}}', 'HRANA_PROTO_ERROR');
    const stream = streamFor(body.baton);
    return onStream(stream, async () => {
        const entries = [];
        await runBatch(stream, body.batch, (step, result, error) => {
            if (error) {
                entries.push({ type: 'step_error', step, error });
                return;
            }
            entries.push({ type: 'step_begin', step, cols: result.cols });
            for (const row of result.rows) entries.push({ type: 'row', row });
            entries.push({ type: 'step_end', affected_row_count: result.affected_row_count, last_insert_rowid: result.last_insert_rowid });
        });
        write(toJson({ baton: finish(stream), base_url: null }) + '\n');
        for (const e of entries) write(toJson(e) + '\n');
    });
}

/** Requests on one stream run strictly one after the other; other streams go on meanwhile. */
function onStream(stream, work) {
    stream.busy++;
    const run = stream.queue.then(work);
    stream.queue = run.catch(() => {});
    return run.finally(() => {
        stream.busy--;
    }).catch((e) => {
        if (e instanceof ProtocolError) stream.close(); // a 4xx answer means the stream is gone (the spec says so)
        throw e;
    });
}

function finish(stream) {
    if (!streams.has(stream.id)) return null;
    stream.touch();
    return stream.baton();
}

// ---------------------------------------------------------------------------------------------------
// HTTP

function send(res, status, text, type = 'application/json') {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
    res.end(text);
}

function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}

async function route(req, res) {
    const path = new URL(req.url, 'http://x').pathname;
    if (req.method === 'GET' && (path === '/v2' || path === '/v3')) return send(res, 200, '{}');
    if (req.method === 'GET' && (path === '/' || path === '/health')) {
        return send(res, 200, 'libsql-hrana-server: a test server for djorm\n', 'text/plain');
    }
    const pipe = /^\/v([23])\/pipeline$/.exec(path);
    if (req.method === 'POST' && (pipe || path === '/v3/cursor')) {
        let body;
        try {
            body = JSON.parse(await readBody(req));
        } catch (e) {
            throw new ProtocolError(400, 'The body is not JSON: ' + e.message, 'HTTP_PARSE_ERROR');
        }
        if (pipe) return send(res, 200, toJson(await pipeline(body, Number(pipe[1]))));
        res.writeHead(200, { 'content-type': 'text/plain' });
        await cursor(body, (line) => res.write(line));
        return res.end();
    }
    return send(res, 404, toJson({ message: 'Not found: ' + req.method + ' ' + path }));
}

const primary = new Database(options.db, { timeout: 0 });
primary.exec('PRAGMA journal_mode = WAL');

const server = http.createServer((req, res) => {
    route(req, res).catch((e) => {
        const status = e instanceof ProtocolError ? e.status : 500;
        if (status === 500) console.error(e);
        if (res.headersSent) return res.end();
        send(res, status, toJson({ message: e.message, code: e.code || 'INTERNAL_ERROR' }));
    });
});
// Clients keep idle HTTP connections for a few seconds; the server keeps them longer, so that a client
// never sends on a connection the server has just closed.
server.keepAliveTimeout = 65000;
server.headersTimeout = 66000;
server.listen(options.port, options.host, () => {
    console.log('libsql-hrana-server listening on http://' + options.host + ':' + server.address().port
        + ' (database ' + options.db + ')');
});

if (options.exitWithParent) {
    const parent = process.ppid;
    setInterval(() => {
        if (process.ppid !== parent) process.exit(0);
    }, 1000).unref();
}
