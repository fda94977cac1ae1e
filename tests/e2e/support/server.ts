/**
 * A tiny static server for the fixture pages, bound to 127.0.0.1 on a free port. Paths under
 * /spa/ all serve spa.html (a single-page app that routes with history.pushState).
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** Every path requested, in order. */
  requests: string[];
  /**
   * Serve fixture `file` at `path` from now on (e.g. an edited copy of an article at its own URL,
   * as if the site had changed it); `null` restores the normal file.
   */
  serveAs(path: string, file: string | null): void;
  close(): Promise<void>;
}

export async function startFixtureServer(dir = FIXTURES_DIR): Promise<FixtureServer> {
  const requests: string[] = [];
  const overrides = new Map<string, string>();
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const file = overrides.get(path) ?? (path.startsWith('/spa/') || path === '/spa' ? 'spa.html' : normalize(path).replace(/^[/\\]+/, ''));
    if (file.includes('..') || !file.endsWith('.html')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      const body = await readFile(join(dir, file));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p) => `${origin}/${p.replace(/^\//, '')}`,
    requests,
    serveAs: (path, file) => {
      const p = `/${path.replace(/^\//, '')}`;
      if (file === null) overrides.delete(p);
      else overrides.set(p, file);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
