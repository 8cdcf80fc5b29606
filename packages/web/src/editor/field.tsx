/**
 * One field of the editor, bound to a model path. Numbers are edited as written ("17,485.15"),
 * right-aligned, tidied on leaving the field; every input has an accessible label and carries its path
 * (`data-path`) so that a finding can jump to it.
 * @module
 */
import { Input } from 'antd';
import { type ChangeEvent, type KeyboardEvent, createContext, memo, useCallback, useContext } from 'react';
import { tidyAmount, tidyRate } from '../lib/format.ts';
import { type FieldKind, NUMERIC_KINDS } from './sections.ts';

export type FieldStatus = 'error' | 'warning' | undefined;
export type FieldChange = (path: string, value: unknown) => void;

export type FieldProps = {
  readonly path: string;
  readonly kind: FieldKind;
  readonly label: string;
  readonly value: unknown;
  readonly status?: FieldStatus;
  readonly onChange: FieldChange;
  /** In a table: the row and column for keyboard moves. */
  readonly row?: number;
  readonly col?: string;
  readonly readOnly?: boolean;
  readonly placeholder?: string;
  readonly onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void;
  /** Multi-line fields: rows shown when empty. */
  readonly minRows?: number;
};

const asText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join('\n');
  return String(value);
};

/** No placeholder in number fields: a grey 0.00 reads like a value on a form. */
const PLACEHOLDERS: Partial<Record<FieldKind, string>> = {
  date: '2023年2月20日',
  lines: '每行一条',
};

/** Why a field cannot be saved as written, by path (「不是有效的金额：「abc」」): shown under the field. */
export const FieldMessages = createContext<ReadonlyMap<string, string>>(new Map());

export const domIdOf = (path: string): string => `field-${path.replace(/[^\w-]/gu, '_')}`;

export const Field = memo(function Field({ path, kind, label, value, status, onChange, row, col, readOnly, placeholder, onKeyDown, minRows }: FieldProps) {
  const numeric = NUMERIC_KINDS.has(kind);
  const problem = useContext(FieldMessages).get(path);
  const handle = useCallback(
    (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const text = e.target.value;
      if (kind === 'lines') onChange(path, text === '' ? [] : text.split('\n'));
      else onChange(path, text === '' ? null : text);
    },
    [kind, onChange, path],
  );
  const tidy = useCallback(() => {
    if (typeof value !== 'string') return;
    const next = kind === 'amount' ? tidyAmount(value) : kind === 'rate' ? tidyRate(value) : value;
    if (next !== value) onChange(path, next === '' ? null : next);
  }, [kind, onChange, path, value]);
  const common = {
    id: domIdOf(path),
    'data-path': path,
    'data-row': row,
    'data-col': col,
    'aria-label': label,
    'aria-invalid': status === 'error' ? true : undefined,
    status,
    value: asText(value),
    onChange: handle,
    readOnly,
    placeholder: placeholder ?? PLACEHOLDERS[kind],
    onKeyDown,
  };
  const input = kind === 'textarea' || kind === 'lines'
    ? <Input.TextArea {...common} autoSize={{ minRows: minRows ?? (kind === 'lines' ? 3 : 2), maxRows: 12 }} />
    : <Input {...common} inputMode={numeric ? 'decimal' : undefined} className={numeric ? 'jx-number' : undefined} onBlur={numeric ? tidy : undefined} />;
  if (!problem) return input;
  return (
    <>
      {input}
      <div className="jx-field-problem" role="alert" data-problem-for={path}>{problem}，未保存</div>
    </>
  );
});
