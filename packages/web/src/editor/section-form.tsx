/**
 * A section of the report as a form: titled groups of fields, editable lists (add / remove rows) and
 * fixed matrices (附件1-1 经费控制情况, 项目资金). Tables move with the keyboard like a spreadsheet.
 * @module
 */
import { Button, Card, Select, Typography } from 'antd';
import { memo } from 'react';
import { getAt } from '../lib/paths.ts';
import { Field, type FieldChange, type FieldStatus } from './field.tsx';
import { moveInTable } from './keyboard.ts';
import { type Block, type ColumnSpec, type Section, NUMERIC_KINDS, THREE_PUBLIC_CATEGORIES } from './sections.ts';

type Common = {
  readonly input: Record<string, unknown>;
  readonly statuses: ReadonlyMap<string, FieldStatus>;
  readonly onChange: FieldChange;
};

const FieldsBlock = memo(function FieldsBlock({ block, input, statuses, onChange }: Common & { block: Extract<Block, { type: 'fields' }> }) {
  return (
    <div className="jx-grid">
      {block.fields.map((field) => (
        <label key={field.path} className={field.wide ? 'jx-cell jx-wide' : 'jx-cell'} htmlFor={`field-${field.path.replace(/[^\w-]/gu, '_')}`}>
          <span className="jx-label">{field.label}</span>
          <Field path={field.path} kind={field.kind} label={field.label} value={getAt(input, field.path)} status={statuses.get(field.path)} onChange={onChange} />
        </label>
      ))}
    </div>
  );
});

const CATEGORY_OPTIONS = Object.entries(THREE_PUBLIC_CATEGORIES).map(([value, label]) => ({ value, label }));

function Cell({ path, column, value, status, onChange, row, label }: { path: string; column: ColumnSpec; value: unknown; status: FieldStatus; onChange: FieldChange; row: number; label: string }) {
  if (column.key === 'category') {
    return (
      <Select
        aria-label={label}
        data-path={path}
        value={typeof value === 'string' ? value : undefined}
        options={CATEGORY_OPTIONS}
        onChange={(v) => onChange(path, v)}
        style={{ width: '100%' }}
        status={status}
      />
    );
  }
  return <Field path={path} kind={column.kind} label={label} value={value} status={status} onChange={onChange} row={row} col={column.key} onKeyDown={moveInTable} />;
}

const ListBlock = memo(function ListBlock({ block, input, statuses, onChange }: Common & { block: Extract<Block, { type: 'list' }> }) {
  const raw = getAt(input, block.path);
  const rows = Array.isArray(raw) ? (raw as Record<string, unknown>[]) : [];
  const add = () => {
    const blank: Record<string, unknown> = {};
    for (const c of block.columns) blank[c.key] = c.key === 'category' ? 'reception' : null;
    if (block.columns.some((c) => c.key === 'label')) blank.label = '';
    if (block.path === 'performance.statements') Object.assign(blank, { scope: { funds: false, level1: [], level2: null } });
    if (block.path.endsWith('paragraphs') || block.path === 'report') blank.text = '';
    onChange(block.path, [...rows, blank]);
  };
  const remove = (i: number) => onChange(block.path, rows.filter((_, j) => j !== i));
  return (
    <div className="jx-list">
      <table className="jx-table">
        <thead>
          <tr>
            <th style={{ width: 48 }}>序号</th>
            {block.columns.map((c) => (
              <th key={c.key} className={NUMERIC_KINDS.has(c.kind) ? 'jx-num-head' : undefined}>{c.label}</th>
            ))}
            <th style={{ width: 64 }}>操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={block.columns.length + 2} className="jx-empty">暂无{block.itemLabel}，点“添加”录入</td>
            </tr>
          )}
          {rows.map((_, i) => (
            <tr key={i}>
              <td className="jx-index">{i + 1}</td>
              {block.columns.map((c) => {
                const path = `${block.path}[${i}].${c.key}`;
                return (
                  <td key={c.key} className={c.kind === 'textarea' ? 'jx-text-cell' : NUMERIC_KINDS.has(c.kind) ? 'jx-num-cell' : undefined}>
                    <Cell path={path} column={c} value={getAt(input, path)} status={statuses.get(path)} onChange={onChange} row={i} label={`${block.title}第${i + 1}行${c.label}`} />
                  </td>
                );
              })}
              <td>
                <Button size="small" danger type="link" onClick={() => remove(i)} aria-label={`删除${block.title}第${i + 1}行`}>
                  删除
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button size="small" onClick={add} style={{ marginTop: 8 }}>
        添加{block.itemLabel}
      </Button>
    </div>
  );
});

const MatrixBlock = memo(function MatrixBlock({ block, input, statuses, onChange }: Common & { block: Extract<Block, { type: 'matrix' }> }) {
  return (
    <table className="jx-table">
      <thead>
        <tr>
          <th>项目</th>
          {block.columns.map((c) => (
            <th key={c.key} className={NUMERIC_KINDS.has(c.kind) ? 'jx-num-head' : undefined}>{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {block.rows.map((row, i) => (
          <tr key={row.key}>
            <th scope="row" className="jx-row-head">{row.label}</th>
            {block.columns.map((c) => {
              const path = `${block.path}.${row.key}.${c.key}`;
              return (
                <td key={c.key} className="jx-num-cell">
                  <Field path={path} kind={c.kind} label={`${row.label}${c.label}`} value={getAt(input, path)} status={statuses.get(path)} onChange={onChange} row={i} col={c.key} onKeyDown={moveInTable} />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});

export function SectionForm({ section, input, statuses, onChange, renderIndicators }: Common & { section: Section; renderIndicators: () => React.ReactNode }) {
  return (
    <div className="jx-section" aria-label={section.title}>
      {section.blocks.map((block, i) => {
        const title = block.type === 'indicators' ? null : block.title;
        const body =
          block.type === 'fields' ? <FieldsBlock block={block} input={input} statuses={statuses} onChange={onChange} />
          : block.type === 'list' ? <ListBlock block={block} input={input} statuses={statuses} onChange={onChange} />
          : block.type === 'matrix' ? <MatrixBlock block={block} input={input} statuses={statuses} onChange={onChange} />
          : renderIndicators();
        if (block.type === 'indicators') return <div key={i}>{body}</div>;
        return (
          <Card key={i} size="small" className="jx-block" title={title ? <Typography.Text strong>{title}</Typography.Text> : undefined}>
            {body}
          </Card>
        );
      })}
    </div>
  );
}
