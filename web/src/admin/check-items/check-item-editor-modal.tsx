import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CheckItemContentView, CheckItemDetail, ChecklistAppliesTo, CheckMethod } from '@contracts/check-items.ts';
import {
  CHECK_ITEM_LIMITS,
  CHECK_METHOD_LABELS,
  CHECK_METHODS,
  CHECKLIST_APPLIES_TO,
  CHECKLIST_APPLIES_TO_LABELS,
  changeNoteProblem,
  checkItemCodeProblem,
  checkItemProblems,
  normalizeCheckItemCode,
  normalizeCheckItemFields,
} from '@contracts/check-items.ts';
import type { FormRule } from 'antd';
import { Button, Col, Flex, Form, Input, Row, Select, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { createCheckItem, saveCheckItemDraft } from '../../api/check-items.ts';
import { FormModal } from '../../components/form-modal.tsx';
import type { OrgOption } from '../../lib/org-tree.ts';
import { OrgSelect } from '../components/org-select.tsx';
import { useCheckItemMutation } from './use-check-item-mutation.ts';

type LineValues = { code?: string; text?: string; appliesTo?: ChecklistAppliesTo; basis?: string | null };
type TextKey =
  | 'name'
  | 'subItem'
  | 'legalBasis'
  | 'content'
  | 'inspectingBody'
  | 'objectType'
  | 'ratio'
  | 'frequency'
  | 'inspectorRequirements'
  | 'notes';
type DraftValues = { [K in TextKey]?: string | null } & {
  code?: string;
  ownerOrgId?: string;
  method?: CheckMethod;
  checklist?: LineValues[];
  changeNote?: string;
};

/** The owner value meaning 全国 (the national list) in the owner picker. */
const NATIONAL = 'national';
const METHOD_OPTIONS = CHECK_METHODS.map((value) => ({ value, label: CHECK_METHOD_LABELS[value] }));
const APPLIES_TO_OPTIONS = CHECKLIST_APPLIES_TO.map((value) => ({ value, label: CHECKLIST_APPLIES_TO_LABELS[value] }));

/** The form's values as the API takes them (before trimming, which the contract and the domain do). */
function fieldsOf(values: DraftValues) {
  return {
    name: values.name ?? '',
    subItem: values.subItem ?? null,
    legalBasis: values.legalBasis ?? '',
    content: values.content ?? '',
    inspectingBody: values.inspectingBody ?? '',
    objectType: values.objectType ?? '',
    method: values.method ?? 'on_site',
    ratio: values.ratio ?? null,
    frequency: values.frequency ?? null,
    inspectorRequirements: values.inspectorRequirements ?? null,
    notes: values.notes ?? null,
    checklist: (values.checklist ?? []).map((line) => ({
      code: line?.code ?? '',
      text: line?.text ?? '',
      appliesTo: line?.appliesTo ?? 'all',
      basis: line?.basis ?? null,
    })),
  };
}

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]) =>
  a.length === b.length && a.every((part, i) => part === b[i]);

/** A form rule showing the domain's own problem for the value at `path` — the rule the server applies. */
const problemRule =
  (path: (string | number)[]): FormRule =>
  ({ getFieldsValue }) => ({
    validator: () => {
      const values = getFieldsValue(true) as DraftValues;
      const problem = checkItemProblems(normalizeCheckItemFields(fieldsOf(values))).find((p) => samePath(p.path, path));
      return problem ? Promise.reject(new Error(problem.message)) : Promise.resolve();
    },
  });

const valueRule = (problemOf: (value: string) => string | null): FormRule => ({
  validator: (_rule, value: string | undefined) => {
    const problem = problemOf(value ?? '');
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
});

const toValues = (content: CheckItemContentView): DraftValues => ({
  name: content.name,
  subItem: content.subItem,
  legalBasis: content.legalBasis,
  content: content.content,
  inspectingBody: content.inspectingBody,
  objectType: content.objectType,
  method: content.method,
  ratio: content.ratio,
  frequency: content.frequency,
  inspectorRequirements: content.inspectorRequirements,
  notes: content.notes,
  checklist: content.checklist.map((line) => ({
    code: line.code,
    text: line.text,
    appliesTo: line.appliesTo,
    basis: line.basis,
  })),
});

type EditorProps = {
  onClose: () => void;
  onSaved: (saved: CheckItemDetail) => void;
} & (
  | { mode: 'create'; orgs: OrgOption[]; canCreateNational: boolean }
  | {
      mode: 'edit';
      item: CheckItemDetail;
      /** The text the draft starts from: the open draft, or the latest published version. */
      base: CheckItemContentView & { changeNote?: string | null };
      /** The version number the draft has or will get. */
      draftVersion: number;
    }
);

/** 新建抽查事项 / 编辑草稿: every field of a version and its checklist lines, checked with the server's rules. */
export function CheckItemEditorModal(props: EditorProps) {
  const [form] = Form.useForm<DraftValues>();
  const draftVersion = props.mode === 'edit' ? props.draftVersion : 1;
  const ownerOrgs = props.mode === 'create' ? props.orgs.filter((org) => org.kind !== 'brigade') : [];

  // A server error lands on the field its path names, a checklist row's error on that row's field.
  const mutation = useCheckItemMutation(
    (values: DraftValues) => {
      const body = { ...fieldsOf(values), changeNote: values.changeNote ?? null };
      if (props.mode === 'edit') return saveCheckItemDraft(props.item.id, body);
      const ownerOrgId = values.ownerOrgId === NATIONAL ? null : values.ownerOrgId;
      return createCheckItem({ ...body, code: values.code ?? '', ownerOrgId });
    },
    {
      success: (saved) => (props.mode === 'create' ? `已新建 ${saved.code}（第 1 版草稿）` : `已保存第 ${draftVersion} 版草稿`),
      form,
      onSuccess: props.onSaved,
    },
  );

  const initialValues: DraftValues =
    props.mode === 'edit'
      ? { ...toValues(props.base), changeNote: props.base.changeNote ?? '' }
      : {
          method: 'on_site',
          inspectingBody: '消防救援机构',
          checklist: [],
          ownerOrgId: props.canCreateNational ? NATIONAL : ownerOrgs[0]?.id,
        };

  const title = props.mode === 'create' ? '新建抽查事项' : `编辑 ${props.item.code} 第 ${draftVersion} 版草稿`;
  const text = (key: TextKey, label: string, rows?: number) => (
    <Form.Item
      label={label}
      name={key}
      rules={[problemRule([key])]}
      required={['name', 'legalBasis', 'content', 'inspectingBody', 'objectType'].includes(key)}
    >
      {rows ? (
        <Input.TextArea autoSize={{ minRows: rows, maxRows: 8 }} maxLength={CHECK_ITEM_LIMITS[key]} showCount />
      ) : (
        <Input maxLength={CHECK_ITEM_LIMITS[key]} autoComplete="off" />
      )}
    </Form.Item>
  );

  return (
    <FormModal<DraftValues>
      title={title}
      name="checkItemForm"
      form={form}
      width={1000}
      initialValues={initialValues}
      submitting={mutation.isPending}
      okText="保存草稿"
      onSubmit={(values) => mutation.mutate(values)}
      onClose={props.onClose}
    >
      {props.mode === 'create' ? (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label="事项编码"
              name="code"
              required
              rules={[valueRule((value) => checkItemCodeProblem(normalizeCheckItemCode(value)))]}
              extra="例如 XF-07；发布后用于门户网址，不能修改。"
            >
              <Input maxLength={CHECK_ITEM_LIMITS.code} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="所属" name="ownerOrgId" required rules={[{ required: true, message: '所属：请选择' }]}>
              {props.canCreateNational ? (
                <Select
                  options={[
                    { value: NATIONAL, label: '全国（系统内置清单）' },
                    ...ownerOrgs.map((org) => ({ value: org.id, label: `${org.name}（${org.kindLabel}）` })),
                  ]}
                />
              ) : (
                <OrgSelect orgs={ownerOrgs} />
              )}
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Typography.Paragraph type="secondary">
          {draftVersion > 1
            ? `已发布的版本不会改变：保存后形成第 ${draftVersion} 版草稿，发布前门户网站仍显示当前版本。`
            : '第 1 版尚未发布，保存只修改草稿。'}
        </Typography.Paragraph>
      )}
      <Row gutter={16}>
        <Col xs={24} md={14}>
          {text('name', '事项名称')}
        </Col>
        <Col xs={24} md={10}>
          {text('subItem', '子项')}
        </Col>
      </Row>
      {text('legalBasis', '抽查依据', 2)}
      {text('content', '抽查内容', 2)}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          {text('inspectingBody', '检查主体')}
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="检查方式" name="method" required rules={[problemRule(['method'])]}>
            <Select options={METHOD_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          {text('inspectorRequirements', '检查人员要求')}
        </Col>
      </Row>
      {text('objectType', '检查对象', 1)}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {text('ratio', '抽查比例', 2)}
        </Col>
        <Col xs={24} md={12}>
          {text('frequency', '抽查频次', 2)}
        </Col>
      </Row>
      {text('notes', '备注', 2)}
      <ChecklistEditor />
      <Form.Item
        label="修改说明"
        name="changeNote"
        required={draftVersion > 1}
        rules={[valueRule((value) => changeNoteProblem(draftVersion, value.trim() || null))]}
        extra="说明本版修改了什么；发布后在门户网站的版本历史中公开。"
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={CHECK_ITEM_LIMITS.changeNote} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** One value of a checklist line, checked by the domain rule for that line and part. */
function LineField({ row, part, flex, children }: { row: number; part: keyof LineValues; flex?: string; children: ReactNode }) {
  return (
    <Form.Item name={[row, part]} rules={[problemRule(['checklist', row, part])]} style={{ flex, marginBottom: 8 }}>
      {children}
    </Form.Item>
  );
}

/** The checklist lines: add, remove, move up and down, each with its applicability. */
function ChecklistEditor() {
  return (
    <Form.List name="checklist">
      {(fields, { add, remove, move }) => (
        <Flex vertical gap={8} style={{ marginBottom: 24 }}>
          <Typography.Text strong>检查表（{fields.length} 行）</Typography.Text>
          <Typography.Text type="secondary">
            每行一项检查内容。适用范围：所有单位都检查；“消防安全重点单位”“人员密集场所”的行只对这类单位列入现场检查表。
          </Typography.Text>
          {fields.map((field, index) => (
            <div key={field.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px 0' }}>
              <Flex gap={8} align="flex-start" wrap>
                <Tag style={{ marginTop: 5 }}>第 {index + 1} 行</Tag>
                <LineField row={field.name} part="code" flex="0 0 110px">
                  <Input
                    aria-label={`第 ${index + 1} 行编号`}
                    placeholder="编号"
                    maxLength={CHECK_ITEM_LIMITS.lineCode}
                    autoComplete="off"
                  />
                </LineField>
                <LineField row={field.name} part="appliesTo" flex="0 0 170px">
                  <Select aria-label={`第 ${index + 1} 行适用范围`} options={APPLIES_TO_OPTIONS} />
                </LineField>
                <LineField row={field.name} part="basis" flex="1 1 220px">
                  <Input
                    aria-label={`第 ${index + 1} 行依据`}
                    placeholder="依据（可选），例如《消防监督检查规定》第十条"
                    maxLength={CHECK_ITEM_LIMITS.lineBasis}
                    autoComplete="off"
                  />
                </LineField>
                <Flex gap={4}>
                  <Button
                    icon={<ArrowUpOutlined />}
                    aria-label={`上移第 ${index + 1} 行`}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                  />
                  <Button
                    icon={<ArrowDownOutlined />}
                    aria-label={`下移第 ${index + 1} 行`}
                    disabled={index === fields.length - 1}
                    onClick={() => move(index, index + 1)}
                  />
                  <Button
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除第 ${index + 1} 行`}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              </Flex>
              <LineField row={field.name} part="text">
                <Input.TextArea
                  aria-label={`第 ${index + 1} 行检查内容`}
                  placeholder="检查内容"
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={CHECK_ITEM_LIMITS.lineText}
                />
              </LineField>
            </div>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={fields.length >= CHECK_ITEM_LIMITS.checklistLines}
            onClick={() => add({ code: '', text: '', appliesTo: 'all', basis: '' })}
          >
            添加检查内容
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
