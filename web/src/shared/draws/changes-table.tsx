import type { TaskChangeView } from '@contracts/draws.ts';
import type { TableColumnsType } from 'antd';
import { Table } from 'antd';
import { formatDateTime } from '../../lib/format.ts';

const columns: TableColumnsType<TaskChangeView> = [
  { title: '时间', key: 'at', width: 170, render: (_, c) => formatDateTime(c.at) },
  { title: '类型', key: 'kind', render: (_, c) => (c.roleLabel ? `${c.kindLabel}（${c.roleLabel}）` : c.kindLabel) },
  { title: '变更', key: 'change', render: (_, c) => `${c.from ?? '—'} → ${c.to ?? '—'}` },
  { title: '理由', dataIndex: 'reason', key: 'reason' },
  {
    title: '证明材料',
    key: 'evidence',
    render: (_, c) => (
      <>
        {c.evidence}
        {c.evidenceFiles.map((f) => (
          <div key={f.sha256}>
            <a href={f.url} target="_blank" rel="noreferrer">
              {f.fileName}
            </a>
          </div>
        ))}
      </>
    ),
  },
];

/** 变更记录: every change to the draw's tasks since it was executed (递补, cancellation), with reason and evidence. */
export function ChangesTable({ changes }: { changes: TaskChangeView[] }) {
  return (
    <Table<TaskChangeView>
      rowKey={(c) => `${c.at}/${c.kind}/${c.from ?? ''}/${c.to ?? ''}`}
      size="middle"
      columns={columns}
      dataSource={changes}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '抽取后没有变更' }}
    />
  );
}
