import { describe, expect, it } from 'vitest';
import { REPORT_ERROR_CHARS, statusReport } from './status';
import { pageResultOf } from './page-result';
import { splitForAnalysis } from './chunks';

describe('statusReport', () => {
  it('keeps and sends the status, with the error only when there is one, shortened', () => {
    expect(statusReport('done', 'https://a.example/x')).toEqual({
      report: { status: 'done', error: null },
      message: { type: 'status', status: 'done', url: 'https://a.example/x' },
    });
    const long = statusReport('error', 'https://a.example/x', 'e'.repeat(REPORT_ERROR_CHARS + 50));
    expect(long.report.error).toHaveLength(REPORT_ERROR_CHARS);
    expect(long.message.error).toBe(long.report.error);
  });
});

describe('pageResultOf', () => {
  it('says nothing was checked before a run', () => {
    const r = pageResultOf(null, null, null, 'https://a.example/x');
    expect(r).toMatchObject({ url: 'https://a.example/x', checking: false, analysis: null, coverage: { parts: 0, checkedParts: 0 } });
    expect(r).not.toHaveProperty('status');
  });
  it('reports the run’s coverage and the last status', () => {
    const chunks = splitForAnalysis('One para.\n\nTwo para.\n\nThree para.', 12);
    const run = { url: 'https://a.example/y', chunks, done: 1, checking: true, totalChars: 35 };
    const r = pageResultOf(run, null, { status: 'analysing', error: null }, 'ignored');
    expect(r).toMatchObject({ url: 'https://a.example/y', checking: true, status: 'analysing', error: null });
    expect(r.coverage).toMatchObject({ parts: chunks.length, checkedParts: 1, complete: false, totalChars: 35 });
  });
});
