/** `csv/<table>.csv`: every table of the table model as RFC 4180 CSV (interim: the hand-written writer, ../csv.ts). */
import { CsvTables, csvPath } from '../csv.ts';
import { resourceName } from '../table-schema.ts';
import type { Format } from './format.ts';
import { eachRow } from './rows.ts';

export const csv: Format = {
  name: 'csv',
  description: 'Every table of the table model as CSV, with its Table Schema in datapackage.json.',
  write({ out, model }) {
    const tables = new CsvTables(model.tables, out);
    eachRow(out.root, model, (table, rows) => tables.add(table, rows));
    tables.close();
    return model.tables.map((table) => ({
      name: resourceName(table.name),
      path: csvPath(table.name),
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      description: table.description,
      npm: true,
      croissant: true,
      table: table.name,
    }));
  },
};
