import type { CollaborationZoneView, OrgTreeNode, SaveCollaborationZoneRequest } from '@contracts/orgs.ts';
import { SaveCollaborationZoneRequest as SaveZoneSchema } from '@contracts/orgs.ts';
import { Form, Input, Select } from 'antd';
import { createCollaborationZone, orgKeys, updateCollaborationZone } from '../../api/orgs.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useInvalidation, useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { zodRule } from '../../lib/form-rules.ts';

type ZoneFormModalProps = {
  /** The zone to edit; absent to create one. */
  zone?: CollaborationZoneView;
  /** 支队 the user may pick, with their 大队 as children. */
  detachments: OrgTreeNode[];
  onClose: () => void;
  onSaved: () => void;
};

/** Create (POST) or edit (PUT) a 协作区: a 支队 and at least two of its 大队. */
export function ZoneFormModal({ zone, detachments, onClose, onSaved }: ZoneFormModalProps) {
  const [form] = Form.useForm<SaveCollaborationZoneRequest>();
  const detachmentId = Form.useWatch('detachmentId', form);
  const brigades = (detachments.find((d) => d.id === detachmentId)?.children ?? []).filter((o) => o.kind === 'brigade');

  const saveMutation = useNotifiedMutation(
    (values: SaveCollaborationZoneRequest) => (zone ? updateCollaborationZone(zone.id, values) : createCollaborationZone(values)),
    { success: zone ? '协作区已保存' : '协作区已创建', form, onSuccess: onSaved },
    useInvalidation(orgKeys.zones),
  );

  return (
    <FormModal<SaveCollaborationZoneRequest>
      title={zone ? `编辑协作区：${zone.name}` : '新建协作区'}
      name="zoneForm"
      form={form}
      initialValues={
        zone ? { detachmentId: zone.detachmentId, name: zone.name, brigadeIds: zone.brigades.map((b) => b.id) } : undefined
      }
      submitting={saveMutation.isPending}
      onSubmit={(values) => saveMutation.mutate(values)}
      onClose={onClose}
    >
      <Form.Item label="所属支队" name="detachmentId" rules={[{ required: true, message: '请选择所属支队' }]}>
        <Select
          options={detachments.map((d) => ({ value: d.id, label: d.name }))}
          onChange={() => form.setFieldValue('brigadeIds', [])}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item label="名称" name="name" required rules={[zodRule(SaveZoneSchema.shape.name)]}>
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="成员大队"
        name="brigadeIds"
        required
        rules={[zodRule(SaveZoneSchema.shape.brigadeIds, [])]}
        extra="协作区内的大队可共享执法检查人员，用于跨区域随机抽取。"
      >
        <Select
          mode="multiple"
          options={brigades.map((b) => ({ value: b.id, label: b.name }))}
          placeholder={detachmentId ? '请选择至少 2 个大队' : '请先选择所属支队'}
          disabled={!detachmentId}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
    </FormModal>
  );
}
