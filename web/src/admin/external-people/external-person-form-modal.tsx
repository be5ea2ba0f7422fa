import type { ExternalPersonView, SaveExternalPersonRequest } from '@contracts/inspectors.ts';
import { SaveExternalPersonRequest as SaveSchema } from '@contracts/inspectors.ts';
import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { createExternalPerson, inspectorKeys, updateExternalPerson } from '../../api/inspectors.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useDictionaries } from '../../hooks/use-dictionaries.ts';
import { useInvalidation, useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { zodRule } from '../../lib/form-rules.ts';
import type { OrgOption } from '../../lib/org-tree.ts';
import type { ExternalKind } from '../../lib/registry-labels.ts';
import { OrgSelect } from '../components/org-select.tsx';

type PersonValues = Omit<SaveExternalPersonRequest, 'kind'>;

const { shape } = SaveSchema;
const blankToNull = (value: string | null | undefined) => value?.trim() || null;

/**
 * 新建 (POST) or 编辑 (PUT, the whole record) a 专家 or another department's 执法人员. The list only has the
 * phone masked, so when editing an empty 手机号 leaves the stored number as it is (`phone` is not sent).
 */
export function ExternalPersonFormModal({
  kind,
  person,
  orgs,
  defaultOrgId,
  onClose,
  onSaved,
}: {
  kind: ExternalKind;
  person?: ExternalPersonView;
  orgs: OrgOption[];
  defaultOrgId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<PersonValues>();
  const dictionaries = useDictionaries();
  const kindLabel = kind === 'expert' ? '专家' : '部门执法人员';

  const mutation = useNotifiedMutation(
    (values: PersonValues) => {
      const body: SaveExternalPersonRequest = {
        kind,
        orgId: values.orgId,
        name: values.name.trim(),
        organization: values.organization.trim(),
        title: blankToNull(values.title),
        specialties: values.specialties,
        certificateNo: blankToNull(values.certificateNo),
        active: values.active,
        notes: blankToNull(values.notes),
      };
      const phone = blankToNull(values.phone);
      if (phone || !person) body.phone = phone;
      return person ? updateExternalPerson(person.id, body) : createExternalPerson(body);
    },
    { success: person ? '已保存' : `${kindLabel}已登记`, form, onSuccess: onSaved },
    useInvalidation(inspectorKeys.external),
  );

  return (
    <FormModal<PersonValues>
      title={person ? `编辑${kindLabel}：${person.name}` : `新建${kindLabel}`}
      name={person ? 'externalPersonEditForm' : 'externalPersonCreateForm'}
      form={form}
      width={720}
      initialValues={
        person
          ? {
              orgId: person.orgId,
              name: person.name,
              organization: person.organization,
              title: person.title,
              specialties: person.specialties,
              certificateNo: person.certificateNo,
              active: person.active,
              notes: person.notes,
            }
          : { orgId: defaultOrgId, specialties: [], active: true }
      }
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate(values)}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="姓名" name="name" required rules={[zodRule(shape.name)]}>
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={kind === 'expert' ? '工作单位' : '所属部门'}
            name="organization"
            required
            rules={[zodRule(shape.organization)]}
          >
            <Input maxLength={100} autoComplete="off" placeholder={kind === 'expert' ? '' : '如：市场监督管理局'} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="职称/职务" name="title" rules={[zodRule(shape.title)]}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={kind === 'expert' ? '证件号' : '执法证号'}
            name="certificateNo"
            rules={[zodRule(shape.certificateNo)]}
          >
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="手机号"
            name="phone"
            rules={[zodRule(shape.phone)]}
            extra={person?.phoneMasked ? `已登记：${person.phoneMasked}；留空保持不变。` : undefined}
          >
            <Input maxLength={30} autoComplete="off" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="登记机构" name="orgId" rules={[{ required: true, message: '请选择登记机构' }]}>
            <OrgSelect orgs={orgs} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="专长" name="specialties" rules={[zodRule(shape.specialties, [])]}>
            <Select
              mode="tags"
              allowClear
              options={dictionaries.options('specialty', person?.specialties)}
              tokenSeparators={[',', '，', '、']}
              placeholder="从列表选择，或输入后回车"
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="备注" name="notes" rules={[zodRule(shape.notes)]}>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="在库" name="active" valuePropName="checked" extra="不在库的人员不会被选入联合检查或专家抽取。">
            <Switch checkedChildren="在库" unCheckedChildren="停用" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
