/**
 * The install must be reproducible whatever the registry publishes next. `npm ci` refuses to
 * install when a package in the lock file no longer satisfies what its parent asks for, and a
 * parent asking for a dist-tag (`latest`, `next`) stops being satisfied the moment that tag moves.
 * So every dependency edge in package-lock.json must be a semver range (or be pinned by an
 * `overrides` entry of package.json), and the engines field must say which Node runs it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));

/** A spec npm resolves through a moving dist-tag rather than a version range. */
export function isMovingSpec(spec: string): boolean {
  const s = spec.trim();
  if (s === '' || s === '*' || s === 'x') return false; // any version satisfies: never invalidated
  if (/^(npm:|file:|link:|git|https?:|github:|workspace:)/.test(s)) return false;
  return /^[a-z][a-z0-9._-]*$/i.test(s) && !/^v?\d/.test(s); // a bare word: latest, next, beta …
}

/** Overrides flattened to `parent>child` (nested) and `name` (top level) keys. */
function overrideKeys(o: Record<string, unknown>, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [k, v] of Object.entries(o ?? {})) {
    const name = k.replace(/@[^@/]+$/, '') || k;
    keys.add(prefix + name);
    if (v && typeof v === 'object') for (const n of overrideKeys(v as Record<string, unknown>, `${prefix}${name}>`)) keys.add(n);
  }
  return keys;
}

describe('package-lock.json', () => {
  it('recognises moving specs', () => {
    expect(isMovingSpec('latest')).toBe(true);
    expect(isMovingSpec('next')).toBe(true);
    expect(isMovingSpec('^7.5.0')).toBe(false);
    expect(isMovingSpec('*')).toBe(false);
    expect(isMovingSpec('7.5.23')).toBe(false);
    expect(isMovingSpec('npm:foo@1')).toBe(false);
  });

  it('has no dependency on a dist-tag that an override does not pin', () => {
    const pinned = overrideKeys(pkg.overrides ?? {});
    const moving: string[] = [];
    for (const [path, entry] of Object.entries<Record<string, unknown>>(lock.packages ?? {})) {
      const parent = path.replace(/^.*node_modules\//, '') || pkg.name;
      for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies']) {
        for (const [dep, spec] of Object.entries<string>((entry[field] as Record<string, string>) ?? {})) {
          if (!isMovingSpec(spec)) continue;
          if (pinned.has(dep) || pinned.has(`${parent}>${dep}`)) continue;
          moving.push(`${parent} → ${dep}@${spec}`);
        }
      }
    }
    expect(moving).toEqual([]);
  });

  it('matches package.json (the root entry lists the same dependencies)', () => {
    const root = lock.packages[''];
    expect(root.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
  });

  it('installs on the Node this project states, and every locked package accepts that Node', () => {
    expect(pkg.engines?.node).toMatch(/>=\s*20/);
    const needs22: string[] = [];
    for (const [path, entry] of Object.entries<{ engines?: { node?: string } }>(lock.packages ?? {})) {
      const node = entry.engines?.node;
      if (typeof node !== 'string') continue;
      const min = /^>=\s*v?(\d+)/.exec(node.trim());
      if (min && Number(min[1]) > 20) needs22.push(`${path.replace(/^.*node_modules\//, '')}: node ${node}`);
    }
    expect(needs22).toEqual([]);
  });
});
