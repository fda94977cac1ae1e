/**
 * The extension's databases are listed once (lib/store/databases.ts): each opens under the
 * listed name at the listed schema version, so a schema change that forgets the list fails here.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DATABASES } from '../lib/store/databases';
import { openDb } from '../lib/store/db';
import { NotesDB } from '../lib/notes/db';
import { SourcesDB } from '../lib/sources/db';

describe('the list of databases', () => {
  it('each database opens with the listed name and version', async () => {
    const impl = { indexedDB: new IDBFactory(), IDBKeyRange };
    const dbs = [
      ['cache', openDb(impl)],
      ['notes', new NotesDB(impl)],
      ['sources', new SourcesDB(impl)],
    ] as const;
    for (const [key, db] of dbs) {
      await db.open();
      expect(db.name, key).toBe(DATABASES[key].name);
      expect(db.verno, key).toBe(DATABASES[key].version);
      db.close();
    }
    expect(new Set(Object.values(DATABASES).map((d) => d.name)).size).toBe(3);
  });
});
