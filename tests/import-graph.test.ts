/**
 * The engine's import graph (lib/): no module of lib/corpus imports, directly or through other
 * modules, one of the verdict modules (lib/verdict, lib/decide), so the corpus index can be built
 * and loaded without the decision code — and no import cycle between them. Walks the relative
 * imports of the TypeScript sources (type-only imports included: they still tie the modules).
 *
 * And the content script's graph (what its bundle holds: type-only imports left out): it reaches
 * its part of the protocol map (lib/protocol/map-content.ts), never the whole map, whose schemas
 * of the messages only extension pages send would weigh on every page the reader opens.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const LIB = join(ROOT, 'lib');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** The file a relative (or `@/`) specifier names (x.ts, x.tsx, x/index.ts), or null for packages and data files. */
function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.') && !spec.startsWith('@/')) return null;
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : resolve(dirname(from), spec);
  for (const p of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(p) && statSync(p).isFile() && /\.tsx?$/.test(p)) return p;
  return null;
}

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const file of sources(LIB)) {
    const text = readFileSync(file, 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const to = resolveImport(file, m[1] ?? m[2] ?? m[3]!);
      if (to) deps.push(to);
    }
    g.set(file, deps);
  }
  return g;
}

/** Every module reachable from `start` (itself excluded unless a cycle leads back to it). */
function reachable(g: Map<string, string[]>, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(g.get(start) ?? [])];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...(g.get(f) ?? []));
  }
  return seen;
}

/**
 * Every module whose code a bundle starting at `entry` holds: static imports that bring values.
 * Left out: `import type` / `export type`, and `import('…')`, which in this code only names types
 * (`import('./map').RequestOf`): the content script loads no code dynamically.
 */
function bundled(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (/^\s*(?:import|export)\s+type\s/.test(m[0]) || m[3]) continue;
      const to = resolveImport(file, (m[1] ?? m[2])!);
      if (to && !seen.has(to)) {
        seen.add(to);
        stack.push(to);
      }
    }
  }
  return seen;
}

const rel = (f: string) => relative(ROOT, f);
const inDir = (dir: string) => (f: string) => rel(f).startsWith(`lib/${dir}/`);

describe('the engine import graph', () => {
  const g = graph();

  it('reads the imports it should (sanity check of the walker)', () => {
    const verdict = join(LIB, 'verdict', 'index.ts');
    expect([...reachable(g, verdict)].map(rel)).toContain('lib/config.ts');
    expect(g.size).toBeGreaterThan(50);
  });

  it('lib/corpus never reaches lib/verdict or lib/decide, so there is no cycle between them', () => {
    const corpus = [...g.keys()].filter(inDir('corpus'));
    expect(corpus.length).toBeGreaterThan(3);
    const offending = corpus.flatMap((f) => [...reachable(g, f)].filter((t) => inDir('verdict')(t) || inDir('decide')(t)).map((t) => `${rel(f)} → ${rel(t)}`));
    expect(offending).toEqual([]);
  });

  it('no module of the engine imports itself through others', () => {
    const engineDirs = ['align', 'decide', 'retrieve', 'verdict', 'facts', 'claims', 'parts', 'corpus'];
    const cyclic = [...g.keys()].filter((f) => engineDirs.some((d) => inDir(d)(f)) && reachable(g, f).has(f)).map(rel);
    expect(cyclic).toEqual([]);
  });
});

describe('the content script import graph', () => {
  it('holds its part of the protocol map, not the whole map or the schemas only extension pages use', () => {
    const held = [...bundled(join(ROOT, 'entrypoints', 'content', 'index.ts'))].map(rel);
    // The walker follows the content script's own imports (sanity check).
    expect(held).toEqual(expect.arrayContaining(['entrypoints/content/controller.ts', 'lib/protocol/content.ts', 'lib/protocol/map-content.ts']));
    expect(held.filter((f) => ['lib/protocol/index.ts', 'lib/protocol/map.ts', 'lib/sources/schema.ts'].includes(f))).toEqual([]);
  });
});
