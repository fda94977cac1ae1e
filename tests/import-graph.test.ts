/**
 * The engine's import graph (lib/): no module of lib/corpus imports, directly or through other
 * modules, one of the verdict modules (lib/verdict, lib/decide), so the corpus index can be built
 * and loaded without the decision code — and no import cycle between them. Walks the relative
 * imports of the TypeScript sources (type-only imports included: they still tie the modules).
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

/** The file a relative specifier names (x.ts, x.tsx, x/index.ts), or null for packages and data files. */
function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
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
