/**
 * The options page's site lists: one host per line, validated. Pure (uses only the URL parser,
 * which Node and browsers share).
 */

export interface HostListError {
  /** 1-based line number in the textarea. */
  line: number;
  value: string;
  message: string;
}

export interface HostList {
  hosts: string[];
  errors: HostListError[];
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Accepts "example.com", "*.example.com" (same meaning: the site and its subdomains),
 * "news.example.co.uk", "localhost", an IP address, or a pasted URL ("https://example.com/a" →
 * "example.com"). Blank lines and "#" comments are ignored; duplicates are dropped; hosts are
 * lower-cased (international names in their xn-- form).
 */
export function parseHostList(text: string): HostList {
  const hosts: string[] = [];
  const errors: HostListError[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((rawLine, i) => {
    const value = rawLine.replace(/#.*$/, '').trim();
    if (value === '') return;
    const host = normaliseHost(value);
    if (host === null) {
      errors.push({ line: i + 1, value, message: `line ${i + 1}: "${value}" is not a site name (write it like example.com)` });
      return;
    }
    if (!seen.has(host)) {
      seen.add(host);
      hosts.push(host);
    }
  });
  return { hosts, errors };
}

function normaliseHost(value: string): string | null {
  let v = value.toLowerCase();
  let hostname: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(v)) {
    try {
      hostname = new URL(v).hostname;
    } catch {
      return null;
    }
  } else {
    v = v.replace(/^\*\./, '').replace(/\/.*$/, '').replace(/\.$/, '');
    if (v === '' || /[\s@:*?#%\\]/.test(v)) return null;
    try {
      hostname = new URL(`http://${v}/`).hostname;
    } catch {
      return null;
    }
  }
  if (hostname === '' || hostname.startsWith('[')) return hostname || null;
  const labels = hostname.split('.');
  if (!labels.every((l) => LABEL.test(l))) return null;
  return hostname;
}

/** One host per line, for a textarea. */
export function formatHostList(hosts: readonly string[]): string {
  return hosts.join('\n');
}
