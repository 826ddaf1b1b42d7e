// A list's Datagrid cells from the same column declarations its export uses (exporter.ts).
import { cloneElement, type ReactElement } from 'react';
import { BooleanField, DateField, FunctionField, NumberField, ReferenceField, SelectField, TextField, useTranslate, type RaRecord } from 'react-admin';
import { may } from '../session';
import { DATE_TIME_OPTIONS } from './time';
import type { Column } from './exporter';

const Computed = ({ column, record }: { column: Extract<Column, { kind: 'computed' }>; record: RaRecord }) => <>{column.value(record, useTranslate())}</>;

const MONEY = { minimumFractionDigits: 2 };
/** Amounts as finance reads them on screen: ¥3,229,200.00 (an export keeps plain decimals). */
export const YUAN = { style: 'currency', currency: 'CNY', minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;

function columnField(c: Column) {
  const key = c.source;
  const common = { source: c.source, label: c.label, sortable: c.sortable, sortBy: c.sortBy };
  switch (c.kind) {
    case 'text':
      return <TextField key={key} {...common} />;
    case 'number':
      return <NumberField key={key} {...common} />;
    case 'money':
      return <NumberField key={key} {...common} options={MONEY} />;
    case 'percent':
      return <NumberField key={key} {...common} options={{ style: 'percent', maximumFractionDigits: 2 }} />;
    case 'date':
      return <DateField key={key} {...common} />;
    case 'datetime':
      return <DateField key={key} {...common} showTime options={DATE_TIME_OPTIONS} />;
    case 'bool':
      return <BooleanField key={key} {...common} />;
    case 'choice':
      return <SelectField key={key} {...common} choices={[...c.choices]} />;
    case 'reference':
      return (
        <ReferenceField key={key} {...common} reference={c.reference} link={c.link ?? false}>
          {c.field ? <TextField source={c.field} /> : undefined}
        </ReferenceField>
      );
    case 'computed':
      return <FunctionField key={key} {...common} render={(r: RaRecord) => <Computed column={c} record={r} />} />;
  }
}

/**
 * The Datagrid children for these columns, in order; `cells` gives a column the screen draws its own
 * way (a chip, a timer). A reference to a resource the user may not list is left out: its cells
 * would each show the refusal's error mark (the village doctor's catalogue, refused the suppliers).
 */
export const columnFields = (columns: readonly Column[], cells: Record<string, ReactElement> = {}) =>
  columns
    .filter((c) => c.kind !== 'reference' || may(c.reference, 'list'))
    .map((c) => (cells[c.source] ? cloneElement(cells[c.source], { key: c.source }) : columnField(c)));

/** Cells drawing every money column in yuan (¥), for `columnFields`' `cells`. */
export const yuanCells = (columns: readonly Column[]) =>
  Object.fromEntries(
    columns.filter((c) => c.kind === 'money').map((c) => [c.source, <NumberField source={c.source} label={c.label} sortable={c.sortable} options={YUAN} />]),
  );
