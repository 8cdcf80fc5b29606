import { Tag } from 'antd';
import { STATUS_COLORS, STATUS_NAMES, type Status } from '../api/types.ts';

export const StatusTag = ({ status }: { status: Status }) => (
  <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="status">{STATUS_NAMES[status] ?? status}</Tag>
);
