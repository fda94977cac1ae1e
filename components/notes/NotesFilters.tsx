/** The notes page's "Find notes" panel: search, page, verdicts, tag, dates, found or orphaned. */
import { VERDICT_LABELS, VERDICTS } from '@/lib/labels';
import { EMPTY_FORM, formProblem, isFiltered, type NotesForm, type PageChoice } from '@/lib/notes-ui/page';

/** One <option> per verdict, labelled as everywhere else (for the two verdict filters). */
function VerdictOptions() {
  return (
    <>
      {VERDICTS.map((v) => (
        <option key={v} value={v}>
          {VERDICT_LABELS[v]}
        </option>
      ))}
    </>
  );
}

export function NotesFilters({
  id,
  form,
  setForm,
  pages,
  tags,
}: {
  id: string;
  form: NotesForm;
  setForm: (f: (old: NotesForm) => NotesForm) => void;
  pages: PageChoice[];
  tags: string[];
}) {
  const set = (patch: Partial<NotesForm>) => setForm((f) => ({ ...f, ...patch }));
  const problem = formProblem(form);
  return (
    <section aria-labelledby={`${id}-find`} className="cc-panel">
      <h2 id={`${id}-find`}>Find notes</h2>
      <div className="cc-filters-grid">
        <div className="cc-field">
          <label htmlFor={`${id}-search`}>Search</label>
          <input
            id={`${id}-search`}
            type="search"
            value={form.search}
            onChange={(e) => set({ search: e.target.value })}
            placeholder="Words in the claim, note, tags…"
          />
        </div>
        <div className="cc-field">
          <label htmlFor={`${id}-page`}>Page</label>
          <select id={`${id}-page`} value={form.page} onChange={(e) => set({ page: e.target.value })}>
            <option value="">All pages</option>
            {pages.map((p) => (
              <option key={p.url} value={p.url}>
                {p.label} ({p.count})
              </option>
            ))}
          </select>
        </div>
        <div className="cc-field">
          <label htmlFor={`${id}-crosscheck-s-verdict`}>Crosscheck's verdict</label>
          <select id={`${id}-crosscheck-s-verdict`} value={form.verdict} onChange={(e) => set({ verdict: e.target.value as NotesForm['verdict'] })}>
            <option value="">Any</option>
            <VerdictOptions />
          </select>
        </div>
        <div className="cc-field">
          <label htmlFor={`${id}-your-verdict`}>Your verdict</label>
          <select id={`${id}-your-verdict`} value={form.readerVerdict} onChange={(e) => set({ readerVerdict: e.target.value as NotesForm['readerVerdict'] })}>
            <option value="">Any</option>
            <option value="none">None given</option>
            <VerdictOptions />
          </select>
        </div>
        <div className="cc-field">
          <label htmlFor={`${id}-tag`}>Tag</label>
          <select id={`${id}-tag`} value={form.tag} onChange={(e) => set({ tag: e.target.value })}>
            <option value="">Any</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="cc-field">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} />
        </div>
        <div className="cc-field">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} />
        </div>
        <div className="cc-field">
          <label htmlFor={`${id}-on-the-page`}>On the page</label>
          <select id={`${id}-on-the-page`} value={form.where} onChange={(e) => set({ where: e.target.value as NotesForm['where'] })}>
            <option value="">Found or not</option>
            <option value="found">Found when last opened</option>
            <option value="orphaned">Orphaned (text gone)</option>
          </select>
        </div>
      </div>
      {isFiltered(form) && (
        <button type="button" onClick={() => setForm(() => EMPTY_FORM)}>
          Clear filters
        </button>
      )}
      {problem && <p className="cc-field-error">{problem}</p>}
    </section>
  );
}
