// Recall@10 of a libSQL vector index against exact search, on the libSQL engine alone (npm `libsql`,
// the package the test kit installs), for choosing index options quickly. Not a test.
//
//   node orm-vector/src/test/node/ann-options.mjs <rows> '<option,option,...>' [queries]
//   e.g. node orm-vector/src/test/node/ann-options.mjs 20000 'metric=cosine,compress_neighbors=float8,max_neighbors=64,search_l=400' 30
//
// LIBSQL_DIR names the installed package (default: the test kit's .tools/libsql-server/node_modules/libsql).
// Data: 384 dimensions around 200 Gaussian centres (spread 0.3), like ApproximateSearchBenchmark; the
// database is in memory. Prints the build time, recall and time per query for 10, 40 and 100 candidates.
import { createRequire } from 'module';
import path from 'path';

const require = createRequire(import.meta.url);
const Database = require(path.resolve(process.env.LIBSQL_DIR ?? '.tools/libsql-server/node_modules/libsql'));
const rows = parseInt(process.argv[2]);
const options = process.argv[3] ?? 'metric=cosine';
const queries = parseInt(process.argv[4] ?? '30');
const dims = 384;

let seed = 7; // a small LCG, so every run sees the same data
const random = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return (seed + 1) / 0x80000001; };
const gaussian = (scale) => Float32Array.from({ length: dims },
    () => Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random()) * scale);
const near = (centre, spread) => gaussian(spread).map((x, i) => x + centre[i]);
const cosine = (a, b) => {
    let dot = 0, aa = 0, bb = 0;
    for (let i = 0; i < dims; i++) { dot += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
    return 1 - dot / Math.sqrt(aa * bb);
};

const centres = Array.from({ length: 200 }, () => gaussian(1));
const db = new Database(':memory:');
db.exec(`CREATE TABLE m (id INTEGER PRIMARY KEY, e F32_BLOB(${dims}))`);
const insert = db.prepare('INSERT INTO m (e) VALUES (?)');
const data = [];
db.exec('BEGIN');
for (let i = 0; i < rows; i++) {
    const v = near(centres[Math.floor(random() * 200)], 0.3);
    data.push(v);
    insert.run([Buffer.from(v.buffer)]);
}
db.exec('COMMIT');
const probes = Array.from({ length: queries }, () => near(centres[Math.floor(random() * 200)], 0.3));
const truth = probes.map((p) => data.map((v, i) => [cosine(v, p), i + 1]).sort((x, y) => x[0] - y[0])
    .slice(0, 10).map((x) => x[1]));

let start = Date.now();
const args = options.split(',').filter((o) => o).map((o) => `'${o}'`).join(', ');
db.exec(`CREATE INDEX m_idx ON m (libsql_vector_idx(e${args ? ', ' + args : ''}))`);
const build = (Date.now() - start) / 1000;
for (const candidates of [10, 40, 100]) {
    const search = db.prepare(`SELECT m.id FROM vector_top_k('m_idx', ?, ${candidates}) v JOIN m ON m.id = v.id `
        + 'ORDER BY vector_distance_cos(m.e, ?) LIMIT 10');
    let hits = 0;
    start = Date.now();
    for (let q = 0; q < queries; q++) {
        const blob = Buffer.from(probes[q].buffer);
        const exact = new Set(truth[q]);
        hits += search.all([blob, blob]).filter((r) => exact.has(r.id)).length;
    }
    console.log(`${rows} x ${dims} [${options}] build ${build} s, ${candidates} candidates: recall@10 `
        + `${(hits / (queries * 10)).toFixed(3)}, ${((Date.now() - start) / queries).toFixed(1)} ms per query`);
}
db.close();
