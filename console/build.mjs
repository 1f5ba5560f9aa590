// Builds the console into a folder of static files: node build.mjs <out dir>
// - bundles and minifies src/main.js and src/app.css with esbuild into content-hashed files (cacheable for ever);
// - writes index.html pointing at them, and copies the favicon;
// - fails when a language lacks a key of another, or when the JavaScript the browser loads is over 200 KB gzipped.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const MAX_JS_GZIP_BYTES = 200 * 1024;
const out = resolve(process.argv[2] || 'target/console');
const src = resolve('src');

const { MESSAGES } = await import(new URL('./src/i18n.js', import.meta.url));
const keys = Object.fromEntries(Object.entries(MESSAGES).map(([lang, table]) => [lang, new Set(Object.keys(table))]));
for (const [lang, own] of Object.entries(keys)) {
  for (const [other, theirs] of Object.entries(keys)) {
    const missing = [...theirs].filter((key) => !own.has(key));
    if (missing.length > 0) throw new Error(`messages/${lang}.js lacks keys that ${other}.js has: ${missing.join(', ')}`);
  }
  for (const [key, text] of Object.entries(MESSAGES[lang])) {
    if (typeof text !== 'string' || text.trim() === '' || text.includes("''")) {
      throw new Error(`messages/${lang}.js: ${key} is empty or has a stray ''`);
    }
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await esbuild.build({
  entryPoints: { app: join(src, 'main.js'), style: join(src, 'app.css') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  entryNames: '[name]-[hash]',
  outdir: out,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});
const outputs = Object.keys(result.metafile.outputs).map((file) => basename(file));
const js = outputs.filter((file) => file.endsWith('.js'));
const css = outputs.filter((file) => file.endsWith('.css'));
if (js.length !== 1 || css.length !== 1) throw new Error('expected one script and one style sheet: ' + outputs);

const gzipped = js.reduce((sum, file) => sum + gzipSync(readFileSync(join(out, file)), { level: 9 }).length, 0);
if (gzipped > MAX_JS_GZIP_BYTES) {
  throw new Error(`the console's JavaScript is ${gzipped} bytes gzipped, over the ${MAX_JS_GZIP_BYTES} allowed`);
}
const page = readFileSync(join(src, 'index.html'), 'utf8')
  .replace('{{app.js}}', js[0])
  .replace('{{app.css}}', css[0]);
writeFileSync(join(out, 'index.html'), page);
copyFileSync(join(src, 'favicon.svg'), join(out, 'favicon.svg'));
console.log(`console built in ${out}: ${readdirSync(out).join(', ')}; JavaScript ${gzipped} bytes gzipped`);
