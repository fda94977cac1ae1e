/**
 * A short notice at the bottom of the page (e.g. "this note's text is no longer on the page"),
 * in its own closed shadow root (open in test builds) so neither the page's scripts nor its CSS
 * can reach it. Text only. It goes away by itself (unless it must stay), with its × button, or
 * with Escape while it has focus.
 */
import { UI_SHADOW_MODE } from './signals';

export const NOTICE_HOST_TAG = 'crosscheck-notice';

const CSS = `
:host { all: initial; }
.n { position: fixed; left: 50%; bottom: 16px; transform: translateX(-50%); max-width: min(560px, calc(100vw - 32px));
  box-sizing: border-box; display: flex; gap: 10px; align-items: flex-start; padding: 10px 12px; border-radius: 8px;
  background: #1f2328; color: #fff; box-shadow: 0 8px 24px rgba(0,0,0,.25);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.t { flex: 1; }
button { all: unset; cursor: pointer; padding: 0 6px; border-radius: 4px; font-size: 16px; line-height: 1.2; }
button:focus-visible { outline: 2px solid #79c0ff; }
`;

const SHOW_MS = 12_000;

export class Notice {
  private host: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Show `text`; `stay`: until the reader dismisses it (no timeout). */
  show(text: string, opts: { stay?: boolean } = {}): void {
    this.hide();
    const host = document.createElement(NOTICE_HOST_TAG);
    // Hidden until the content script's stylesheet shows it (entrypoints/content/hosts.css).
    host.style.cssText = 'all: initial; display: none; position: fixed; z-index: 2147483647;';
    const root = host.attachShadow({ mode: UI_SHADOW_MODE });
    const style = document.createElement('style');
    style.textContent = CSS;
    const box = document.createElement('div');
    box.className = 'n';
    box.setAttribute('role', 'status');
    const t = document.createElement('div');
    t.className = 't';
    t.textContent = text;
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Dismiss');
    close.addEventListener('click', () => this.hide());
    box.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        ev.stopPropagation();
        this.hide();
      }
    });
    box.append(t, close);
    root.append(style, box);
    document.documentElement.appendChild(host);
    this.host = host;
    if (!opts.stay) this.timer = setTimeout(() => this.hide(), SHOW_MS);
  }

  hide(): void {
    clearTimeout(this.timer);
    this.host?.remove();
    this.host = null;
  }
}
