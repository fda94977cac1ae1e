/**
 * Reader settings, stored with the extension's storage (never in the page). Validated with zod
 * on load: a corrupt or old value falls back to the defaults field by field, nothing throws.
 */
import { z } from './zod';

export const SettingsSchema = z.object({
  /** Analyse every article page automatically, or only when the reader asks from the popup. */
  autoRun: z.catch(z.boolean(), true),
  /** Hostnames always checked, even when autoRun is off. */
  alwaysSites: z.catch(z.array(z.string()), []),
  /** Hostnames never checked. */
  neverSites: z.catch(z.array(z.string()), []),
  /** How highlights look: a coloured underline (default) or a tinted background. */
  highlightStyle: z.catch(z.enum(['underline', 'background']), 'underline'),
  /** Show claims the corpus does not cover (in a quiet style). */
  showNotCovered: z.catch(z.boolean(), true),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  autoRun: true,
  alwaysSites: [],
  neverSites: [],
  highlightStyle: 'underline',
  showNotCovered: true,
};

export function parseSettings(raw: unknown): Settings {
  const obj = raw && typeof raw === 'object' ? raw : {};
  return SettingsSchema.parse({ ...DEFAULT_SETTINGS, ...obj });
}

/** Hostname in the lists: exact or a parent domain ("example.com" covers "news.example.com"). */
function listed(host: string, list: string[]): boolean {
  const h = host.toLowerCase();
  return list.some((d) => {
    const x = d.trim().toLowerCase().replace(/^\*\./, '');
    return x !== '' && (h === x || h.endsWith(`.${x}`));
  });
}

export type SiteDecision = 'auto' | 'on_click' | 'never';

export function siteDecision(url: string, s: Settings): SiteDecision {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    return 'never';
  }
  if (listed(host, s.neverSites)) return 'never';
  if (listed(host, s.alwaysSites)) return 'auto';
  return s.autoRun ? 'auto' : 'on_click';
}
