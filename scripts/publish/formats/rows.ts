/** The table model's rows of every record of the canonical stream, collection by collection (the table formats). */
import { join } from 'node:path';
import { COLLECTIONS } from '../../lib/collections.ts';
import { readLines } from '../../lib/lines.ts';
import { jsonlPath } from '../json.ts';
import { RowMaker, type Row, type Table, type TableModel } from '../table-model.ts';

export function eachRow(outRoot: string, model: TableModel, emit: (table: Table, rows: readonly Row[]) => void): void {
  const rows = new RowMaker(model);
  for (const { name } of COLLECTIONS)
    for (const line of readLines(join(outRoot, jsonlPath(name))))
      rows.rows(name, JSON.parse(line) as Record<string, unknown>, (table, made) => {
        if (made.length > 0) emit(table, made);
      });
}
