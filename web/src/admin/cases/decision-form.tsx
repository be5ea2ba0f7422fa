import { checkPenalty, formatYuan, PENALTY_KIND_LABELS, PROCEDURE_LABELS, type CaseView, type FireLawProvisionView, type PenaltyKind, type Procedure } from '@contracts/cases.ts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { decidePenalty, provisionsQuery } from '../../api/cases.ts';
import { todayInChina } from '../../lib/today.ts';
import { useCaseMutation } from './use-case-mutation.ts';

type DecisionValues = { provisionCode?: string; kind: PenaltyKind; amount?: number | null; procedure: Procedure; decidedOn: Dayjs };

/** What the provision allows the case's party: 「罚款 5,000 至 50,000 元」「警告或罚款 0 至 500 元」「不适用」. */
export function rangeText(p: FireLawProvisionView, partyKind: CaseView['partyKind']): string {
  const allowed = p[partyKind];
  if (!allowed) return '不适用于该当事人';
  const fine = allowed.fine ? `罚款 ${formatYuan(allowed.fine.min)} 至 ${formatYuan(allowed.fine.max)} 元` : '';
  return [allowed.warning ? '警告' : '', fine].filter(Boolean).join('或');
}

/**
 * 作出处罚决定: the provision (with what it allows), the kind, the amount, the procedure and the date, checked as they
 * are typed by the same checkPenalty the server runs; the server's answer (a 400 naming the field) shows on that field.
 */
export function DecisionForm({ c }: { c: CaseView }) {
  const [form] = Form.useForm<DecisionValues>();
  const provisions = useQuery(provisionsQuery());
  const mutation = useCaseMutation(
    (v: DecisionValues) =>
      decidePenalty(c.id, {
        provisionCode: v.provisionCode ?? '',
        kind: v.kind,
        amount: v.kind === 'fine' ? (v.amount ?? null) : null,
        procedure: v.procedure,
        decidedOn: v.decidedOn.format('YYYY-MM-DD'),
      }),
    { success: (view) => `已作出处罚决定，文书 ${view.decisionDocument?.number ?? ''} 已开具`, form },
  );
  const provisionCode = Form.useWatch('provisionCode', form);
  const kind = Form.useWatch('kind', form) ?? 'fine';
  const amount = Form.useWatch('amount', form);
  const procedure = Form.useWatch('procedure', form) ?? c.procedure;
  const selected = provisions.data?.find((p) => p.code === provisionCode);
  const problems =
    provisionCode && (kind === 'warning' || typeof amount === 'number')
      ? checkPenalty({ provisionCode, partyKind: c.partyKind, kind, amount: kind === 'fine' ? (amount ?? null) : null, procedure })
      : [];
  const today = todayInChina();
  return (
    <Form<DecisionValues>
      form={form}
      name="decision"
      layout="vertical"
      requiredMark
      initialValues={{ kind: 'fine', procedure: c.procedure, decidedOn: dayjs(c.openedOn > today ? c.openedOn : today), amount: null }}
      onFinish={(values) => mutation.mutate(values)}
      onValuesChange={() => form.setFields([{ name: 'amount', errors: [] }, { name: 'procedure', errors: [] }, { name: 'kind', errors: [] }])}
    >
      <Form.Item label="处罚依据" name="provisionCode" rules={[{ required: true, message: '请选择处罚依据' }]} extra={selected ? `${selected.conduct}。可处：${rangeText(selected, c.partyKind)}` : undefined}>
        <Select
          placeholder="选择消防法条款"
          loading={provisions.isFetching}
          showSearch={{ optionFilterProp: 'label' }}
          options={(provisions.data ?? []).map((p) => ({ value: p.code, label: `${p.citation}（${rangeText(p, c.partyKind)}）`, disabled: !p[c.partyKind] }))}
          popupMatchSelectWidth={false}
          style={{ maxWidth: '100%' }}
        />
      </Form.Item>
      <Form.Item label="处罚种类" name="kind" rules={[{ required: true, message: '请选择处罚种类' }]}>
        <Radio.Group options={(['fine', 'warning'] as const).map((k) => ({ value: k, label: PENALTY_KIND_LABELS[k] }))} />
      </Form.Item>
      {kind === 'fine' ? (
        <Form.Item label="罚款金额（元）" name="amount" rules={[{ required: true, message: '请填写罚款金额' }]}>
          <InputNumber<number> min={0} precision={0} step={1000} style={{ width: 200 }} formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : formatYuan(Number(v)))} parser={(v) => Number((v ?? '').replace(/[^\d]/g, ''))} />
        </Form.Item>
      ) : null}
      <Form.Item label="办理程序" name="procedure" rules={[{ required: true, message: '请选择办理程序' }]}>
        <Radio.Group options={(['ordinary', 'summary'] as const).map((p) => ({ value: p, label: PROCEDURE_LABELS[p] }))} />
      </Form.Item>
      <Form.Item label="决定日期" name="decidedOn" rules={[{ required: true, message: '请选择决定日期' }]}>
        <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') < c.openedOn} />
      </Form.Item>
      {problems.length > 0 ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title="处罚超出法定范围" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p) => <li key={p.message}>{p.message}</li>)}</ul>} />
      ) : provisionCode && kind === 'fine' && typeof amount === 'number' ? (
        <Typography.Paragraph type="success">金额在法定幅度内。</Typography.Paragraph>
      ) : null}
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        作出处罚决定
      </Button>
    </Form>
  );
}
