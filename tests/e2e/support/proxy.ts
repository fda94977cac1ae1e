/**
 * A recording proxy on 127.0.0.1 for the browser's OWN traffic (Chromium's autofill, update and
 * sign-in services …, which the page and the extension never see): every request or CONNECT is
 * noted and refused. Chromium sends loopback traffic (the fixture server) past it directly.
 */
import { createServer, type Server } from 'node:http';

export interface RecordingProxy {
  /** `--proxy-server=…` for Chromium. */
  arg: string;
  /** Every host asked for, in order (`host:port` for CONNECT, the URL's host otherwise). */
  hosts: string[];
  close(): Promise<void>;
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const hosts: string[] = [];
  const server: Server = createServer((req, res) => {
    try {
      hosts.push(new URL(req.url ?? '').host);
    } catch {
      hosts.push(req.url ?? '?');
    }
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    hosts.push(req.url ?? '?');
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    arg: `--proxy-server=http://127.0.0.1:${port}`,
    hosts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
