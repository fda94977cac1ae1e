import { useId, useState, type FormEvent } from 'react';
import type { Settings } from '@/lib/settings';
import { formatHostList, parseHostList, type HostListError } from '@/lib/options/hosts';

export interface OptionsFormProps {
  initial: Settings;
  /** Persists the settings; rejects with a message on failure. */
  onSave(settings: Settings): Promise<void>;
}

/** The settings form. Saving validates the site lists first; a "Saved" confirmation follows. */
export function OptionsForm({ initial, onSave }: OptionsFormProps) {
  const id = useId();
  const [autoRun, setAutoRun] = useState(initial.autoRun);
  const [always, setAlways] = useState(formatHostList(initial.alwaysSites));
  const [never, setNever] = useState(formatHostList(initial.neverSites));
  const [highlightStyle, setHighlightStyle] = useState(initial.highlightStyle);
  const [showNotCovered, setShowNotCovered] = useState(initial.showNotCovered);
  const [errors, setErrors] = useState<{ always: HostListError[]; never: HostListError[] }>({ always: [], never: [] });
  const [status, setStatus] = useState<'' | 'saving' | 'saved' | string>('');

  const changed = () => setStatus('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const a = parseHostList(always);
    const n = parseHostList(never);
    setErrors({ always: a.errors, never: n.errors });
    if (a.errors.length || n.errors.length) {
      setStatus('Not saved: fix the site names marked above.');
      return;
    }
    setAlways(formatHostList(a.hosts));
    setNever(formatHostList(n.hosts));
    setStatus('saving');
    try {
      await onSave({ autoRun, alwaysSites: a.hosts, neverSites: n.hosts, highlightStyle, showNotCovered });
      setStatus('saved');
    } catch (err) {
      setStatus(`Not saved: ${(err as Error)?.message ?? String(err)}`);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>When to check pages</legend>
        <label>
          <input type="radio" name="autoRun" checked={autoRun} onChange={() => (setAutoRun(true), changed())} /> Every article page I open
        </label>
        <label>
          <input type="radio" name="autoRun" checked={!autoRun} onChange={() => (setAutoRun(false), changed())} /> Only when I click "Check this page" in
          Crosscheck's toolbar popup
        </label>
      </fieldset>
      <HostListField
        fieldId={`${id}-always`}
        legend="Sites always checked"
        help="One site per line, e.g. example.com (its subdomains are included). Checked even when you check only on click."
        value={always}
        errors={errors.always}
        onChange={(v) => (setAlways(v), changed())}
      />
      <HostListField
        fieldId={`${id}-never`}
        legend="Sites never checked"
        help="One site per line. These win over the list above."
        value={never}
        errors={errors.never}
        onChange={(v) => (setNever(v), changed())}
      />
      <fieldset>
        <legend>How claims are marked in the page</legend>
        <label>
          <input type="radio" name="highlightStyle" checked={highlightStyle === 'underline'} onChange={() => (setHighlightStyle('underline'), changed())} />{' '}
          Coloured underline
        </label>
        <label>
          <input type="radio" name="highlightStyle" checked={highlightStyle === 'background'} onChange={() => (setHighlightStyle('background'), changed())} />{' '}
          Tinted background
        </label>
        <label>
          <input type="checkbox" checked={showNotCovered} onChange={(e) => (setShowNotCovered(e.target.checked), changed())} /> Mark claims the corpus does not
          cover (in a quiet style)
        </label>
      </fieldset>
      <p className="cc-save-row">
        <button type="submit" className="cc-primary" disabled={status === 'saving'}>
          Save
        </button>
        <span className={status === 'saved' ? 'cc-saved' : 'cc-field-error'} role="status" aria-live="polite">
          {status === 'saved' ? 'Saved' : status === 'saving' ? '' : status}
        </span>
      </p>
      <p className="cc-note">Changes apply to pages you open or reload after saving.</p>
    </form>
  );
}

/** One list of sites (a textarea, a site a line) with its help and the lines that are not site names. */
function HostListField(p: { fieldId: string; legend: string; help: string; value: string; errors: HostListError[]; onChange(v: string): void }) {
  const { fieldId, errors: errs } = p;
  return (
    <fieldset>
      <legend>
        <label htmlFor={fieldId}>{p.legend}</label>
      </legend>
      <p className="cc-note" id={`${fieldId}-help`}>
        {p.help}
      </p>
      <textarea
        id={fieldId}
        rows={5}
        spellCheck={false}
        value={p.value}
        aria-invalid={errs.length > 0}
        aria-describedby={`${fieldId}-help${errs.length ? ` ${fieldId}-err` : ''}`}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {errs.length > 0 && (
        <ul className="cc-field-error" id={`${fieldId}-err`}>
          {errs.map((er) => (
            <li key={er.line}>{er.message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
