/** Frictionless Table Schemas of the table model's tables, and the CSV dialect they are written in. */
import type { ForeignKey, Table } from './table-model.ts';
import type { FieldFacts } from './schema-fields.ts';

/** RFC 4180: comma, double quotes doubled inside quoted fields, CRLF line ends, a header row. */
export const DIALECT = {
  header: true,
  delimiter: ',',
  lineTerminator: '\r\n',
  quoteChar: '"',
  doubleQuote: true,
} as const;

/** An empty cell is a missing value (null). An empty string is written as `""` (see the README). */
export const MISSING_VALUES = [''];

export interface TableSchemaField {
  name: string;
  type: FieldFacts['type'];
  description: string;
  constraints: {
    required?: boolean;
    unique?: boolean;
    enum?: string[];
    minLength?: number;
    maxLength?: number;
    minimum?: number;
    maximum?: number;
  };
}

export interface TableSchema {
  fields: TableSchemaField[];
  missingValues: string[];
  primaryKey: string[];
  foreignKeys?: ForeignKey[];
}

/** A table's resource name in datapackage.json (Frictionless names allow `-` but not `_`). */
export const resourceName = (table: string) => table.replaceAll('_', '-');

export function tableSchema(table: Table): TableSchema {
  const fields = table.columns.map((column): TableSchemaField => {
    const { type, description, required, enum: values, minLength, maxLength, minimum, maximum } = column.facts;
    const constraints: TableSchemaField['constraints'] = {};
    if (required) constraints.required = true;
    if (table.primaryKey.length === 1 && table.primaryKey[0] === column.name) constraints.unique = true;
    if (values) constraints.enum = values;
    if (minLength !== undefined) constraints.minLength = minLength;
    if (maxLength !== undefined) constraints.maxLength = maxLength;
    if (minimum !== undefined) constraints.minimum = minimum;
    if (maximum !== undefined) constraints.maximum = maximum;
    return { name: column.name, type, description, constraints };
  });
  const foreignKeys = table.foreignKeys.map(({ fields, reference }) => ({
    fields,
    reference: { resource: resourceName(reference.resource), fields: reference.fields },
  }));
  // The profile wants at least one foreign key when the property is present.
  return {
    fields,
    missingValues: MISSING_VALUES,
    primaryKey: table.primaryKey,
    ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
  };
}
