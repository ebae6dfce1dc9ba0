/** `annotated-news.sqlite`: every table in one SQLite database (interim: node-sqlite3-wasm, ../sqlite.ts). */
import { generatedNotice } from '../../lib/generated.ts';
import { SQLITE_PATH, SqliteTables } from '../sqlite.ts';
import { BUILD_COMMAND, type Format } from './format.ts';
import { DATA_LICENSE } from './metadata.ts';
import { eachRow } from './rows.ts';

export const sqlite: Format = {
  name: 'sqlite',
  description: 'Every table in one SQLite database, with keys, views and full-text indexes.',
  write({ out, model, dataset, info }) {
    const db = new SqliteTables(model.tables, out);
    eachRow(out.root, model, (table, rows) => db.add(table, rows));
    db.finish({
      name: dataset.name,
      version: dataset.version,
      schemaVersion: info.schemaVersion,
      license: DATA_LICENSE,
      notice: generatedNotice(BUILD_COMMAND),
    });
    return [
      {
        name: 'sqlite',
        path: SQLITE_PATH,
        format: 'sqlite',
        mediatype: 'application/vnd.sqlite3',
        description:
          'Every table in one SQLite database: primary and foreign keys, indexes, views with names beside ids ' +
          '(mentions_with_names, quotes_with_names…), FTS5 full-text indexes (articles_fts, quotes_fts), the version ' +
          'in PRAGMA user_version and dataset_metadata, the column descriptions in dataset_columns.',
        npm: false,
        croissant: true,
      },
    ];
  },
};
