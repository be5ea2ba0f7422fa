import type { CreateOrgRequest, OrgView, UpdateOrgRequest } from '@contracts/orgs.ts';
import { CreateOrgRequest as CreateOrgSchema } from '@contracts/orgs.ts';
import { App, Descriptions, Form, Input } from 'antd';
import { createOrg, orgKeys, updateOrg } from '../../api/orgs.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useInvalidation, useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { zodRule } from '../../lib/form-rules.ts';

type OrgFields = Pick<CreateOrgRequest, 'name' | 'shortName' | 'divisionCode'>;

/** The kind of org that may be created under each parent kind. */
const CHILD_KIND: Partial<Record<OrgView['kind'], { kind: CreateOrgRequest['kind']; label: string }>> = {
  corps: { kind: 'detachment', label: '支队' },
  detachment: { kind: 'brigade', label: '大队' },
};

/** The kind label of the child org that may be created under `org` (支队 under 总队, 大队 under 支队), if any. */
export const childOrgKindLabel = (org: OrgView): string | undefined => CHILD_KIND[org.kind]?.label;

type OrgFormModalProps = ({ mode: 'create'; parent: OrgView } | { mode: 'edit'; org: OrgView }) & {
  onClose: () => void;
  onSaved: () => void;
};

/** Create a 支队/大队 under a parent (POST /api/orgs) or edit an org's names and code (PATCH /api/orgs/:id). */
export function OrgFormModal(props: OrgFormModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgFields>();
  const editing = props.mode === 'edit' ? props.org : null;
  const child = props.mode === 'create' ? CHILD_KIND[props.parent.kind] : undefined;

  const saveMutation = useNotifiedMutation(
    (values: OrgFields) => {
      if (props.mode === 'edit') return updateOrg(props.org.id, changedFields(props.org, values));
      if (!child) throw new Error(`${props.parent.kindLabel}下不能新建机构`);
      return createOrg({ ...values, parentId: props.parent.id, kind: child.kind });
    },
    { success: editing ? '机构已保存' : '机构已创建', form, onSuccess: props.onSaved },
    useInvalidation(orgKeys.all),
  );

  const submit = (values: OrgFields) => {
    if (editing && Object.keys(changedFields(editing, values)).length === 0) {
      void message.info('没有需要保存的修改');
      props.onClose();
      return;
    }
    saveMutation.mutate(values);
  };

  return (
    <FormModal<OrgFields>
      title={editing ? `编辑机构：${editing.name}` : `新建${child?.label ?? '下级机构'}`}
      name="orgForm"
      form={form}
      initialValues={
        editing ? { name: editing.name, shortName: editing.shortName, divisionCode: editing.divisionCode } : undefined
      }
      submitting={saveMutation.isPending}
      onSubmit={submit}
      onClose={props.onClose}
    >
      {props.mode === 'create' ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'parent', label: '上级机构', children: props.parent.name },
            { key: 'kind', label: '机构类型', children: child?.label ?? '—' },
          ]}
        />
      ) : null}
      <Form.Item label="名称" name="name" required rules={[zodRule(CreateOrgSchema.shape.name)]}>
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item label="简称" name="shortName" required rules={[zodRule(CreateOrgSchema.shape.shortName)]}>
        <Input maxLength={16} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="行政区划代码"
        name="divisionCode"
        required
        rules={[zodRule(CreateOrgSchema.shape.divisionCode)]}
        extra="6 位数字，依据 GB/T 2260。"
      >
        <Input maxLength={6} inputMode="numeric" autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}

/** Only the fields the user changed. */
function changedFields(org: OrgView, values: OrgFields): UpdateOrgRequest {
  const changes: UpdateOrgRequest = {};
  if (values.name.trim() !== org.name) changes.name = values.name.trim();
  if (values.shortName.trim() !== org.shortName) changes.shortName = values.shortName.trim();
  if (values.divisionCode.trim() !== org.divisionCode) changes.divisionCode = values.divisionCode.trim();
  return changes;
}
