/**
 * Empty, loading and error states that say in Chinese what is happening and what to do.
 * @module
 */
import { Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { describeError } from '../lib/notify.tsx';

export const LoadingState = ({ what = '数据' }: { what?: string }) => (
  <div className="jx-center" role="status" aria-live="polite">
    <Spin size="large" description={`正在加载${what}…`} />
  </div>
);

export function ErrorState({ error, onRetry, what = '数据' }: { error: unknown; onRetry?: () => void; what?: string }) {
  const { title, details } = describeError(error);
  return (
    <Result
      status="warning"
      title={`${what}加载失败`}
      subTitle={[title, ...details].join('；')}
      extra={onRetry ? <Button type="primary" onClick={onRetry}>重试</Button> : undefined}
    />
  );
}

export const EmptyState = ({ description, action }: { description: string; action?: ReactNode }) => (
  <Empty description={description}>{action}</Empty>
);
