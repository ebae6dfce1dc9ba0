/** `parquet/<table>.parquet`: every table, typed and compressed (interim: DuckDB from the CSV files, ../parquet.ts). */
import { PARQUET_COMPRESSION, parquetPath, writeParquet } from '../parquet.ts';
import { csvPath } from '../csv.ts';
import { resourceName } from '../table-schema.ts';
import type { Format } from './format.ts';

export const parquet: Format = {
  name: 'parquet',
  description: 'Every table as typed, compressed Parquet.',
  async write({ out, model, dataset }) {
    await writeParquet(out, model.tables, dataset);
    return model.tables.map((table) => ({
      name: `${resourceName(table.name)}-parquet`,
      path: parquetPath(table.name),
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      description: `The ${table.name} table (the rows and columns of ${csvPath(table.name)}), typed, ${PARQUET_COMPRESSION}-compressed; descriptions in the file's key-value metadata.`,
      npm: false,
      croissant: true,
      table: table.name,
    }));
  },
};
