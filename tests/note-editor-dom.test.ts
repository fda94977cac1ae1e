/**
 * The in-page note editor (entrypoints/content/note-editor.ts) on a linkedom document: nothing in
 * it is a field the browser's autofill looks at (item 7), and it keeps its labels and keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { createNoteEditor } from '../entrypoints/content/note-editor';

const g = globalThis as unknown as { document?: Document };
let saved: Document | undefined;

beforeAll(() => {
  saved = g.document;
  g.document = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
});
afterAll(() => {
  g.document = saved;
});

describe('the note editor is no autofill candidate', () => {
  it('has no form, no text input and no textarea; the select says autocomplete="off"', () => {
    const ed = createNoteEditor({ save: async () => null, onSaved: () => {}, onCancel: () => {} });
    const root = ed.root;
    expect(root.localName).not.toBe('form');
    expect(root.querySelectorAll('form').length).toBe(0);
    expect(root.querySelectorAll('textarea').length).toBe(0);
    expect(root.querySelectorAll('input').length).toBe(0);
    for (const s of Array.from(root.querySelectorAll('select'))) expect(s.getAttribute('autocomplete')).toBe('off');
  });

  it('keeps each field named by its label, as a text box assistive technology knows', () => {
    const ed = createNoteEditor({ save: async () => null, onSaved: () => {}, onCancel: () => {} });
    const boxes = Array.from(ed.root.querySelectorAll('[role="textbox"]'));
    const names = boxes.map((b) => ed.root.querySelector(`#${b.getAttribute('aria-labelledby')}`)?.textContent);
    expect(names).toEqual(['Note', 'Tags', 'Because']);
    expect(boxes.map((b) => b.getAttribute('contenteditable'))).toEqual(['plaintext-only', 'plaintext-only', 'plaintext-only']);
    expect(boxes[0]!.getAttribute('aria-multiline')).toBe('true');
    expect(boxes[1]!.getAttribute('aria-multiline')).toBe('false');
  });
});
