import { VerdictBadge } from '@/components/VerdictBadge';
import { VERDICTS } from '@/lib/labels';

/** Popup. For now it only says what Crosscheck is; page analysis arrives in the next version. */
export default function App() {
  return (
    <main style={{ width: 320, padding: 12, fontFamily: 'system-ui, sans-serif', fontSize: 14 }}>
      <h1 style={{ fontSize: 18, margin: '0 0 8px' }}>Crosscheck</h1>
      <p style={{ margin: '0 0 8px' }}>
        Checks claims in war coverage against a local reference corpus of news articles. Everything
        runs on your computer; nothing is sent anywhere.
      </p>
      <p style={{ margin: '0 0 8px' }}>
        This version does not analyse pages yet: highlighting and checking the article you are
        reading arrives in the next version. Until then, use the command line (
        <code>npm run check -- FILE</code>).
      </p>
      <p style={{ margin: 0, display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        {VERDICTS.map((v) => (
          <VerdictBadge key={v} verdict={v} />
        ))}
      </p>
    </main>
  );
}
