/** Saves a notes export as a file from the notes page (no downloads permission needed). */
import type { ExportFile } from '@/lib/notes-ui/page';

/** How long a downloaded file's object URL is kept before it is revoked (the download has started by then). */
const REVOKE_AFTER_MS = 60_000;

/** Save a string as a file: Blob + <a download> (no downloads permission needed). */
export function download(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
