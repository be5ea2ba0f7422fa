import type { DocumentType, NumberFormatView } from '@contracts/documents.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { documentKeys, numberFormatsQuery, updateNumberFormat } from '../../api/documents.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';

/** 文号格式: a brigade's number pattern per document type (tokens {代字} {年} {序号:N}), for its administrators. */
export function NumberFormatsCard({ orgId }: { orgId: string }) {
  const client = useQueryClient();
  const formats = useQuery(numberFormatsQuery(orgId));
  const [editing, setEditing] = useState<NumberFormatView | null>(null);
  const [form] = Form.useForm<{ pattern: string }>();
  const mutation = useNotifiedMutation(
    (v: { type: DocumentType; pattern: string }) => updateNumberFormat({ orgId, ...v }),
    { success: '文号格式已保存', form, onSuccess: () => setEditing(null) },
    { refresh: () => void client.invalidateQueries({ queryKey: documentKeys.formats(orgId) }) },
  );
  if (!formats.data) return null;
  const canManage = formats.data.canManage;
  return (
    <Card title={`文号格式（${formats.data.orgName}）`} size="small">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        可用 {'{代字}'}、{'{年}'}、{'{序号:位数}'}；序号按大队、文书类型和年度连续编号，不因格式修改而重置。
      </Typography.Paragraph>
      <Table<NumberFormatView>
        size="small"
        rowKey="type"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={formats.data.formats}
        columns={[
          { title: '文书', dataIndex: 'typeLabel' },
          { title: '格式', key: 'pattern', render: (_, f) => <span>{f.pattern} {f.isDefault ? <Tag>默认</Tag> : null}</span> },
          { title: '示例', dataIndex: 'example' },
          ...(canManage
            ? [
                {
                  title: '操作',
                  key: 'edit',
                  render: (_: unknown, f: NumberFormatView) => (
                    <Button type="link" size="small" onClick={() => setEditing(f)}>
                      修改
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <FormModal<{ pattern: string }>
          title={`修改文号格式：${editing.typeLabel}`}
          name="numberFormat"
          form={form}
          initialValues={{ pattern: editing.pattern }}
          submitting={mutation.isPending}
          onSubmit={(v) => mutation.mutate({ type: editing.type, pattern: v.pattern })}
          onClose={() => setEditing(null)}
        >
          <Form.Item label="文号格式" name="pattern" rules={[{ required: true, message: '文号格式：不能为空' }]}>
            <Input maxLength={60} />
          </Form.Item>
        </FormModal>
      ) : null}
    </Card>
  );
}
