// Builds the playground into build/playground/ (a static folder: index.html, styles, the app and
// its training worker as bundles, the bundled datasets), and with --serve serves that folder on
// localhost and prints the address. `npm run playground` runs both.
//   node playground/build.mjs [--out <folder>] [--serve] [--port <n>]
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '..');

// NOTE: only data/'s sets: they come from scikit-learn (BSD-3-Clause, see data/README.md), as the
// repository ships them; the other sets in the shared folder carry GPL-2 terms.
export const DATASETS = ['breast_cancer.csv', 'iris.csv', 'digits.csv', 'README.md'];

/** Bundles the app and the worker and copies the static files; returns the output folder. */
export async function buildPlayground(out = join(root, 'build', 'playground')) {
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'data'), { recursive: true });
  await build({
    entryPoints: { app: join(here, 'src', 'main.ts'), worker: join(here, 'src', 'worker.ts') },
    outdir: out,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  await copyFile(join(here, 'index.html'), join(out, 'index.html'));
  await copyFile(join(here, 'styles.css'), join(out, 'styles.css'));
  for (const file of DATASETS) await copyFile(join(root, 'data', file), join(out, 'data', file));
  return out;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.csv': 'text/csv', '.md': 'text/markdown', '.map': 'application/json',
};

/** Serves `folder` on 127.0.0.1; resolves with the address once listening. */
export function serve(folder, port) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(decodeURIComponent(path === '/' ? '/index.html' : path)).replace(/^([/\\])+/, '');
    const body = file.startsWith('..') ? undefined : await readFile(join(folder, file)).catch(() => undefined);
    if (body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${path}\n`);
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(`http://localhost:${server.address().port}/`));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const out = await buildPlayground(option('--out') ? resolve(option('--out')) : undefined);
  console.log(`Built the playground into ${out} (a static folder: any web server can host it).`);
  if (args.includes('--serve')) {
    const address = await serve(out, Number(option('--port') ?? 8080)).catch((error) => {
      if (error.code !== 'EADDRINUSE') throw error;
      return serve(out, 0);
    });
    console.log(`Playground: ${address}  (Ctrl-C stops the server)`);
  }
}
