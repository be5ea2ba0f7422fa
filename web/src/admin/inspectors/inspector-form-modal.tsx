import type { CreateInspectorRequest, InspectorDetail, UpdateInspectorRequest } from '@contracts/inspectors.ts';
import { InspectorFields } from '@contracts/inspectors.ts';
import { useQuery } from '@tanstack/react-query';
import { App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { createInspector, updateInspector } from '../../api/inspectors.ts';
import { collaborationZonesQuery } from '../../api/orgs.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useDictionaries } from '../../hooks/use-dictionaries.ts';
import { optionalZodRule, zodRule } from '../../lib/form-rules.ts';
import type { OrgOption } from '../../lib/org-tree.ts';
import type { InspectorPost, InspectorStatus } from '../../lib/registry-labels.ts';
import {
  INSPECTOR_POST_LABELS,
  INSPECTOR_POST_OPTIONS,
  INSPECTOR_ROLE_OPTIONS,
  INSPECTOR_STATUS_OPTIONS,
  labelOf,
} from '../../lib/registry-labels.ts';
import { OrgSelect } from '../components/org-select.tsx';
import { useInspectorMutation } from './use-inspector-mutation.ts';

type InspectorFormValues = {
  name: string;
  badgeNo: string;
  certificateNo?: string | null;
  certificateValidFrom?: Dayjs | null;
  certificateValidUntil?: Dayjs | null;
  orgId: string;
  post: InspectorPost;
  duty?: string | null;
  roles: CreateInspectorRequest['roles'];
  specialties?: string[];
  drawWeight?: number | null;
  phone?: string | null;
  zoneIds?: string[];
  status?: InspectorStatus;
};

const DATE = 'YYYY-MM-DD';
const blankToNull = (value: string | null | undefined) => value?.trim() || null;
const dateOrNull = (value: Dayjs | null | undefined) => (value ? value.format(DATE) : null);

function toRequest(values: InspectorFormValues): CreateInspectorRequest {
  const body: CreateInspectorRequest = {
    name: values.name.trim(),
    badgeNo: values.badgeNo.trim(),
    certificateNo: blankToNull(values.certificateNo),
    certificateValidFrom: dateOrNull(values.certificateValidFrom),
    certificateValidUntil: dateOrNull(values.certificateValidUntil),
    orgId: values.orgId,
    post: values.post,
    duty: blankToNull(values.duty),
    roles: values.roles,
    specialties: values.specialties ?? [],
    phone: blankToNull(values.phone),
    zoneIds: values.zoneIds ?? [],
  };
  if (typeof values.drawWeight === 'number') body.drawWeight = values.drawWeight;
  return body;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** Only the changed fields. A cleared 抽取权重 cannot be sent (the API has no "back to default"), so it is kept. */
function changedFields(inspector: InspectorDetail, values: InspectorFormValues): UpdateInspectorRequest {
  const next = toRequest(values);
  const before: CreateInspectorRequest = {
    name: inspector.name,
    badgeNo: inspector.badgeNo,
    certificateNo: inspector.certificateNo,
    certificateValidFrom: inspector.certificateValidFrom,
    certificateValidUntil: inspector.certificateValidUntil,
    orgId: inspector.orgId,
    post: inspector.post as InspectorPost,
    duty: inspector.duty,
    roles: inspector.roles as CreateInspectorRequest['roles'],
    specialties: inspector.specialties,
    drawWeight: inspector.drawWeight,
    phone: inspector.phone,
    zoneIds: inspector.zones.map((zone) => zone.id),
  };
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next) as [keyof CreateInspectorRequest, unknown][]) {
    const old: unknown = before[key] ?? null;
    if (Array.isArray(value) && Array.isArray(old)) {
      if (!sameList(value as string[], old as string[])) changes[key] = value;
    } else if ((value ?? null) !== old) {
      changes[key] = value;
    }
  }
  if (values.status && values.status !== inspector.status) changes.status = values.status;
  return changes as UpdateInspectorRequest;
}

type InspectorFormModalProps = {
  inspector?: InspectorDetail;
  orgs: OrgOption[];
  onClose: () => void;
  onSaved: (inspector: InspectorDetail) => void;
};

const { shape } = InspectorFields;

/** 新建 (POST /api/inspectors) or 编辑 (PATCH, changed fields only) an 执法检查人员. */
export function InspectorFormModal({ inspector, orgs, onClose, onSaved }: InspectorFormModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<InspectorFormValues>();
  const dictionaries = useDictionaries();
  const zones = useQuery(collaborationZonesQuery);
  const post = Form.useWatch('post', form);
  const postWeight = dictionaries.entries('inspector_post_weight').find((entry) => entry.code === post)?.weight;

  const saveMutation = useInspectorMutation(
    (values: InspectorFormValues) =>
      inspector ? updateInspector(inspector.id, changedFields(inspector, values)) : createInspector(toRequest(values)),
    { success: inspector ? '检查人员信息已保存' : '检查人员已登记', form, onSuccess: onSaved },
  );

  const submit = (values: InspectorFormValues) => {
    if (inspector && Object.keys(changedFields(inspector, values)).length === 0) {
      void message.info('没有需要保存的修改');
      onClose();
      return;
    }
    saveMutation.mutate(values);
  };

  return (
    <FormModal<InspectorFormValues>
      title={inspector ? `编辑检查人员：${inspector.name}` : '新建检查人员'}
      name={inspector ? 'inspectorEditForm' : 'inspectorCreateForm'}
      form={form}
      width={760}
      initialValues={
        inspector
          ? {
              name: inspector.name,
              badgeNo: inspector.badgeNo,
              certificateNo: inspector.certificateNo,
              certificateValidFrom: inspector.certificateValidFrom ? dayjs(inspector.certificateValidFrom) : null,
              certificateValidUntil: inspector.certificateValidUntil ? dayjs(inspector.certificateValidUntil) : null,
              orgId: inspector.orgId,
              post: inspector.post as InspectorPost,
              duty: inspector.duty,
              roles: inspector.roles as CreateInspectorRequest['roles'],
              specialties: inspector.specialties,
              drawWeight: inspector.drawWeight,
              phone: inspector.phone,
              zoneIds: inspector.zones.map((zone) => zone.id),
              status: inspector.status as InspectorStatus,
            }
          : { post: 'full_time', roles: ['lead', 'assistant'], specialties: [], zoneIds: [] }
      }
      submitting={saveMutation.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="姓名" name="name" required rules={[zodRule(shape.name)]}>
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="警号/工号" name="badgeNo" required rules={[zodRule(shape.badgeNo)]}>
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="执法证号" name="certificateNo" rules={[zodRule(shape.certificateNo)]}>
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="执法证有效期起" name="certificateValidFrom">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label="执法证有效期止"
            name="certificateValidUntil"
            dependencies={['certificateValidFrom']}
            extra="执法证过期后不能被抽取。"
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value: Dayjs | null | undefined) => {
                  const from = getFieldValue('certificateValidFrom') as Dayjs | null | undefined;
                  return value && from && value.isBefore(from, 'day')
                    ? Promise.reject(new Error('执法证有效期止：不能早于有效期起'))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="所属机构" name="orgId" rules={[{ required: true, message: '请选择所属机构' }]}>
            <OrgSelect orgs={orgs} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="岗位" name="post" rules={[{ required: true, message: '请选择岗位' }]}>
            <Select options={INSPECTOR_POST_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="职务" name="duty" rules={[zodRule(shape.duty)]}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="手机号" name="phone" rules={[zodRule(shape.phone)]}>
            <Input maxLength={30} autoComplete="off" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="可任角色" name="roles" required rules={[zodRule(shape.roles, [])]}>
            <Checkbox.Group options={INSPECTOR_ROLE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="抽取权重"
            name="drawWeight"
            rules={[optionalZodRule(shape.drawWeight)]}
            extra={
              inspector
                ? '1–64，数值越大被抽中的机会越大。'
                : `留空则按岗位默认权重（${labelOf(INSPECTOR_POST_LABELS, post)}：${postWeight ?? '—'}）。`
            }
          >
            <InputNumber min={1} max={64} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="专长" name="specialties" rules={[zodRule(shape.specialties, [])]}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={dictionaries.options('specialty', inspector?.specialties)}
              loading={dictionaries.loading}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="协作区" name="zoneIds" extra="协作区内的大队可共享检查人员，用于跨区域抽取。">
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={zones.isPending}
              options={(zones.data ?? []).map((zone) => ({
                value: zone.id,
                label: `${zone.name}（${zone.detachmentName}）`,
              }))}
            />
          </Form.Item>
        </Col>
        {inspector ? (
          <Col xs={24} md={12}>
            <Form.Item label="人员状态" name="status" extra="调离、退休的人员不再参与抽取。">
              <Select options={INSPECTOR_STATUS_OPTIONS} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
    </FormModal>
  );
}
