/**
 * A full-page notice for the shell (no server, page not found, page failed): plain markup, so the first
 * page does not carry antd's Result illustrations.
 * @module
 */
import type { ReactNode } from 'react';

export function Notice({ title, detail, actions, tone = 'warning' }: { title: string; detail?: string; actions?: ReactNode; tone?: 'warning' | 'error' | 'info' }) {
  return (
    <div className={`jx-notice jx-notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <h1>{title}</h1>
      {detail && <p className="jx-muted">{detail}</p>}
      {actions && <div className="jx-notice-actions">{actions}</div>}
    </div>
  );
}
