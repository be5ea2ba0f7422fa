import type { CreateUnitRequest, UnitDetail, UpdateUnitRequest } from '@contracts/units.ts';
import { UnitFields } from '@contracts/units.ts';
import { App, Checkbox, Col, Form, Input, Row, Select, Typography } from 'antd';
import { createUnit, updateUnit } from '../../api/units.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useDictionaries } from '../../hooks/use-dictionaries.ts';
import { zodRule } from '../../lib/form-rules.ts';
import { UNIT_CATEGORY_OPTIONS, UNIT_SOURCE_OPTIONS } from '../../lib/registry-labels.ts';
import { DivisionSelect } from './division-select.tsx';
import { useUnitMutation } from './use-unit-mutation.ts';

/** The text fields of a unit that may be left empty (sent as null). */
const OPTIONAL_TEXT_FIELDS = [
  'registeredAddress',
  'address',
  'street',
  'community',
  'legalRepresentative',
  'contactName',
  'contactPhone',
  'safetyOwner',
  'safetyManager',
] as const;
/** Dictionary-backed single values (a code, or null). */
const CODE_FIELDS = ['districtCode', 'industry', 'buildingScale', 'riskLevel', 'creditLevel'] as const;
const FLAG_FIELDS = ['isCrowded', 'isFlammable', 'isHighRise'] as const;

type OptionalTextField = (typeof OPTIONAL_TEXT_FIELDS)[number];
type CodeField = (typeof CODE_FIELDS)[number];
type FlagField = (typeof FLAG_FIELDS)[number];

export type UnitFormValues = {
  name: string;
  uscc: string;
  category: CreateUnitRequest['category'];
  source: CreateUnitRequest['source'];
  brigadeId?: string;
  tags?: string[];
} & Partial<Record<OptionalTextField | CodeField, string | null>> &
  Partial<Record<FlagField, boolean>>;

type CleanUnit = Omit<CreateUnitRequest, 'brigadeId'>;

const blankToNull = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : null;
};

/** Form values → the request's field values: trimmed, empty text as null, flags as booleans. */
function cleanValues(values: UnitFormValues): CleanUnit {
  const clean = {
    name: values.name.trim(),
    uscc: values.uscc.trim().toUpperCase(),
    category: values.category,
    source: values.source,
    tags: values.tags ?? [],
  } as CleanUnit;
  for (const field of OPTIONAL_TEXT_FIELDS) clean[field] = blankToNull(values[field]);
  for (const field of CODE_FIELDS) clean[field] = values[field] || null;
  for (const field of FLAG_FIELDS) clean[field] = Boolean(values[field]);
  return clean;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** Only what the user changed, so the history and the audit log record the real edit. */
export function changedUnitFields(unit: UnitDetail, values: UnitFormValues): UpdateUnitRequest {
  const clean = cleanValues(values);
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(clean) as [keyof CleanUnit, unknown][]) {
    const before: unknown = unit[key as keyof UnitDetail] ?? null;
    if (Array.isArray(value) && Array.isArray(before)) {
      if (!sameList(value as string[], before as string[])) changes[key] = value;
    } else if (value !== before) {
      changes[key] = value;
    }
  }
  return changes as UpdateUnitRequest;
}

function initialValuesOf(unit: UnitDetail): UnitFormValues {
  return {
    name: unit.name,
    uscc: unit.uscc,
    category: unit.category as CreateUnitRequest['category'],
    source: unit.source as CreateUnitRequest['source'],
    tags: unit.tags,
    registeredAddress: unit.registeredAddress,
    address: unit.address,
    street: unit.street,
    community: unit.community,
    legalRepresentative: unit.legalRepresentative,
    contactName: unit.contactName,
    contactPhone: unit.contactPhone,
    safetyOwner: unit.safetyOwner,
    safetyManager: unit.safetyManager,
    districtCode: unit.districtCode,
    industry: unit.industry,
    buildingScale: unit.buildingScale,
    riskLevel: unit.riskLevel,
    creditLevel: unit.creditLevel,
    isCrowded: unit.isCrowded,
    isFlammable: unit.isFlammable,
    isHighRise: unit.isHighRise,
  };
}

type UnitFormModalProps = {
  /** The unit to edit; absent to create one (then 所属大队 is asked). */
  unit?: UnitDetail;
  /** 大队 the user may create units in. */
  brigades: { id: string; name: string }[];
  onClose: () => void;
  onSaved: (unit: UnitDetail) => void;
};

const { shape } = UnitFields;

/** 新建单位 (POST /api/units) or 编辑 (PATCH /api/units/:id with the changed fields only). */
export function UnitFormModal({ unit, brigades, onClose, onSaved }: UnitFormModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitFormValues>();
  const dictionaries = useDictionaries();

  const saveMutation = useUnitMutation(
    (values: UnitFormValues) => {
      if (unit) return updateUnit(unit.id, changedUnitFields(unit, values));
      return createUnit({ ...cleanValues(values), brigadeId: values.brigadeId ?? '' });
    },
    { success: unit ? '单位信息已保存' : '单位已创建', form, onSuccess: onSaved },
  );

  const submit = (values: UnitFormValues) => {
    if (unit && Object.keys(changedUnitFields(unit, values)).length === 0) {
      void message.info('没有需要保存的修改');
      onClose();
      return;
    }
    saveMutation.mutate(values);
  };

  const keep = (field: CodeField) => [unit?.[field]];
  const text = (field: OptionalTextField, label: string, max: number, extra?: string) => (
    <Form.Item label={label} name={field} rules={[zodRule(shape[field])]} extra={extra}>
      <Input maxLength={max} autoComplete="off" />
    </Form.Item>
  );

  return (
    <FormModal<UnitFormValues>
      title={unit ? `编辑单位：${unit.name}` : '新建单位'}
      name={unit ? 'unitEditForm' : 'unitCreateForm'}
      form={form}
      width={880}
      initialValues={
        unit
          ? initialValuesOf(unit)
          : {
              category: 'general',
              source: 'manual',
              tags: [],
              brigadeId: brigades.length === 1 ? brigades[0]?.id : undefined,
            }
      }
      submitting={saveMutation.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Typography.Title level={5}>基本信息</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="单位名称" name="name" required rules={[zodRule(shape.name)]}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="统一社会信用代码"
            name="uscc"
            required
            rules={[zodRule(shape.uscc)]}
            extra="18 位，保存时校验校验位；全系统唯一。"
          >
            <Input maxLength={40} autoComplete="off" style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="单位类别" name="category" rules={[{ required: true, message: '请选择单位类别' }]}>
            <Select options={UNIT_CATEGORY_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="数据来源" name="source" rules={[{ required: true, message: '请选择数据来源' }]}>
            <Select options={UNIT_SOURCE_OPTIONS} />
          </Form.Item>
        </Col>
        {unit ? null : (
          <Col xs={24} md={12}>
            <Form.Item label="所属大队" name="brigadeId" rules={[{ required: true, message: '请选择所属大队' }]}>
              <Select
                options={brigades.map((brigade) => ({ value: brigade.id, label: brigade.name }))}
                showSearch={{ optionFilterProp: 'label' }}
                notFoundContent="您的管辖范围内没有大队"
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={unit ? 24 : 12}>
          <Form.Item label="场所属性" style={{ marginBottom: 0 }}>
            <Row>
              <Form.Item name="isCrowded" valuePropName="checked" noStyle>
                <Checkbox>人员密集场所</Checkbox>
              </Form.Item>
              <Form.Item name="isFlammable" valuePropName="checked" noStyle>
                <Checkbox>易燃易爆场所</Checkbox>
              </Form.Item>
              <Form.Item name="isHighRise" valuePropName="checked" noStyle>
                <Checkbox>高层建筑</Checkbox>
              </Form.Item>
            </Row>
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        地址与区划
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {text('address', '实际经营地址', 200, '检查人员上门的地址；缺少时单位不能被抽取。')}
        </Col>
        <Col xs={24} md={12}>
          {text('registeredAddress', '住所（注册地址）', 200)}
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="行政区划" name="districtCode" rules={[zodRule(shape.districtCode, null)]}>
            <DivisionSelect allowClear placeholder="选择区县" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          {text('street', '街道（乡镇）', 50)}
        </Col>
        <Col xs={24} md={8}>
          {text('community', '社区（村）', 50)}
        </Col>
      </Row>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        分类与等级
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="行业" name="industry">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={dictionaries.options('industry', keep('industry'))}
              loading={dictionaries.loading}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="建筑规模" name="buildingScale">
            <Select
              allowClear
              options={dictionaries.options('building_scale', keep('buildingScale'))}
              loading={dictionaries.loading}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="风险等级" name="riskLevel">
            <Select allowClear options={dictionaries.options('risk_level', keep('riskLevel'))} loading={dictionaries.loading} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="信用等级" name="creditLevel">
            <Select
              allowClear
              options={dictionaries.options('credit_level', keep('creditLevel'))}
              loading={dictionaries.loading}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="标签" name="tags" rules={[zodRule(shape.tags, [])]}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={dictionaries.options('special_tag', unit?.tags)}
              loading={dictionaries.loading}
            />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        责任人与联系方式
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {text('safetyOwner', '消防安全责任人', 50)}
        </Col>
        <Col xs={24} md={12}>
          {text('safetyManager', '消防安全管理人', 50)}
        </Col>
        <Col xs={24} md={12}>
          {text('legalRepresentative', '法定代表人', 50)}
        </Col>
        <Col xs={24} md={12}>
          {text('contactName', '联系人', 50)}
        </Col>
        <Col xs={24} md={12}>
          {text('contactPhone', '联系电话', 30)}
        </Col>
      </Row>
      {unit ? null : (
        <Typography.Text type="secondary">
          提示：同一统一社会信用代码在全系统只能登记一次；保存后可在详情页查看疑似重复单位。
        </Typography.Text>
      )}
    </FormModal>
  );
}
