import { OpenCaseRequest, PROCEDURE_LABELS, SealRequest, type HazardItem, type PartyKind, type Procedure, type SealingView, type UnitFollowUpView } from '@contracts/cases.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Checkbox, DatePicker, Empty, Flex, Form, Input, List, Radio, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { liftSealing, openCase, seal, unitFollowUpQuery } from '../../api/cases.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageSpin } from '../../components/page-spin.tsx';
import { zodRule } from '../../lib/form-rules.ts';
import { todayInChina } from '../../lib/today.ts';
import { CASE_STATUS_COLORS, DeadlineTag, DocumentLink, HAZARD_STAGE_COLORS } from './case-tags.tsx';
import { useCaseMutation } from './use-case-mutation.ts';

const hazardColumns: TableColumnsType<HazardItem> = [
  {
    title: '隐患',
    key: 'description',
    render: (_, h) => (
      <div style={{ minWidth: 160 }}>
        {h.location ? `${h.location}：` : ''}
        {h.description}
      </div>
    ),
  },
  { title: '发现日期', key: 'foundOn', render: (_, h) => <Link to={`/admin/records/${h.recordId}`}>{h.foundOn}</Link> },
  { title: '状态', key: 'stage', render: (_, h) => <Tag color={HAZARD_STAGE_COLORS[h.stage]}>{h.stage === 'case' && !h.caseId ? '待立案' : h.stageLabel}</Tag> },
  { title: '整改期限', key: 'due', render: (_, h) => h.correctionDue ?? '—' },
  { title: '案件', key: 'case', render: (_, h) => (h.caseId ? <Link to={`/admin/cases/${h.caseId}`}>查看</Link> : '—') },
];

/**
 * 隐患与执法文书 on a unit's page (decision 0023): every hazard of the unit with its stage, 立案 for the chosen ones, the
 * cases, the documents, referrals and sealings — the unit's whole follow-up history in one place.
 */
export function UnitFollowUp({ unitId }: { unitId: string }) {
  const query = useQuery(unitFollowUpQuery(unitId));
  if (query.error) return <LoadFailed onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageSpin />;
  return <FollowUpView view={query.data} />;
}

type Dialog = { kind: 'open' } | { kind: 'seal' } | { kind: 'lift'; sealing: SealingView };

function FollowUpView({ view }: { view: UnitFollowUpView }) {
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const chosen = view.hazards.filter((h) => selected.includes(h.id) && h.canOpenCase);
  return (
    <Flex vertical gap={16} className="unit-follow-up">
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
            隐患（{view.hazards.length}）
          </Typography.Title>
          {view.canManage ? (
            <Flex gap={8} wrap>
              <Button type="primary" disabled={chosen.length === 0} onClick={() => setDialog({ kind: 'open' })}>
                立案{chosen.length ? `（${chosen.length}）` : ''}
              </Button>
              <Button onClick={() => setDialog({ kind: 'seal' })}>临时查封</Button>
            </Flex>
          ) : null}
        </Flex>
        <Table<HazardItem>
          rowKey="id"
          size="small"
          columns={hazardColumns}
          dataSource={view.hazards}
          pagination={view.hazards.length > 10 ? { pageSize: 10 } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '没有发现隐患' }}
          rowSelection={view.canManage ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), getCheckboxProps: (h) => ({ disabled: !h.canOpenCase, 'aria-label': `选择隐患：${h.description}` }) } : undefined}
        />
      </Flex>
      <Flex vertical gap={8}>
        <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
          案件（{view.cases.length}）
        </Typography.Title>
        {view.cases.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有案件" />
        ) : (
          <List
            size="small"
            dataSource={view.cases}
            renderItem={(c) => (
              <List.Item>
                <Flex vertical gap={2}>
                  <Flex gap={8} wrap align="center">
                    <Link to={`/admin/cases/${c.id}`}>{c.number}</Link>
                    <Tag color={CASE_STATUS_COLORS[c.status]}>{c.statusLabel}</Tag>
                    {c.penaltyLabel ? <span className="case-penalty">{c.penaltyLabel}</span> : null}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.openedOn} 立案 · {c.procedureLabel}
                    {c.decidedOn ? ` · ${c.decidedOn} 决定 · ${c.paymentStatusLabel}` : ''}
                  </Typography.Text>
                  {c.status === 'open' ? <DeadlineTag deadline={c.decisionDeadline} prefix="决定期限：" /> : null}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Flex>
      <Flex vertical gap={8}>
        <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
          执法文书（{view.documents.length}）
        </Typography.Title>
        {view.documents.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有开具文书" />
        ) : (
          <List size="small" dataSource={view.documents} renderItem={(d) => <List.Item><DocumentLink doc={d} /></List.Item>} />
        )}
      </Flex>
      {view.referrals.length > 0 ? (
        <Flex vertical gap={8}>
          <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
            移送（{view.referrals.length}）
          </Typography.Title>
          <List
            size="small"
            dataSource={view.referrals}
            renderItem={(r) => (
              <List.Item>
                {r.sentOn} 移送 {r.departmentName} <Tag color={r.status === 'replied' ? 'success' : 'processing'}>{r.statusLabel}</Tag>
                {r.caseId ? <Link to={`/admin/cases/${r.caseId}`}>案件</Link> : null}
              </List.Item>
            )}
          />
        </Flex>
      ) : null}
      {view.sealings.length > 0 ? (
        <Flex vertical gap={8}>
          <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
            临时查封（{view.sealings.length}）
          </Typography.Title>
          <List
            size="small"
            dataSource={view.sealings}
            renderItem={(s) => (
              <List.Item actions={view.canManage && s.status === 'sealed' ? [<Button key="lift" size="small" onClick={() => setDialog({ kind: 'lift', sealing: s })}>解除</Button>] : []}>
                <Flex vertical gap={2}>
                  <span>
                    {s.places} <Tag color={s.status === 'sealed' ? 'error' : 'default'}>{s.statusLabel}</Tag>
                    {s.emergency ? <Tag color="warning">紧急查封</Tag> : null}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.sealedOn} 至 {s.sealedUntil}
                    {s.liftedOn ? ` · ${s.liftedOn} 解除` : ''} · 集体议决：{s.deciders}
                  </Typography.Text>
                  {s.decision ? <DocumentLink doc={s.decision} /> : null}
                  {s.liftDocument ? <DocumentLink doc={s.liftDocument} /> : null}
                </Flex>
              </List.Item>
            )}
          />
        </Flex>
      ) : null}
      {dialog?.kind === 'open' ? <OpenCaseModal view={view} hazards={chosen} onClose={close} onOpened={() => setSelected([])} /> : null}
      {dialog?.kind === 'seal' ? <SealModal view={view} hazards={chosen} onClose={close} /> : null}
      {dialog?.kind === 'lift' ? <LiftModal sealing={dialog.sealing} onClose={close} /> : null}
    </Flex>
  );
}

type OpenValues = { reason: string; procedure: Procedure; partyKind: PartyKind; partyName?: string; partyMinor?: boolean };

function OpenCaseModal({ view, hazards, onClose, onOpened }: { view: UnitFollowUpView; hazards: HazardItem[]; onClose: () => void; onOpened: () => void }) {
  const [form] = Form.useForm<OpenValues>();
  const navigate = useNavigate();
  const partyKind = Form.useWatch('partyKind', form) ?? 'organisation';
  const mutation = useCaseMutation(
    (v: OpenValues) => openCase({ unitId: view.unitId, hazardIds: hazards.map((h) => h.id), reason: v.reason.trim(), procedure: v.procedure, partyKind: v.partyKind, ...(v.partyKind === 'person' && v.partyName?.trim() ? { partyName: v.partyName.trim(), partyMinor: v.partyMinor === true } : {}) }),
    {
      success: (c) => `已立案：${c.number}`,
      form,
      onSuccess: (c) => {
        onOpened();
        onClose();
        void navigate(`/admin/cases/${c.id}`);
      },
    },
  );
  return (
    <FormModal<OpenValues> title={`立案：${view.unitName}`} name="openCase" form={form} okText="立案" submitting={mutation.isPending} initialValues={{ reason: '经复查逾期未改正', procedure: 'ordinary', partyKind: 'organisation', partyName: '' }} onSubmit={(v) => mutation.mutate(v)} onClose={onClose}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`立案的隐患（${hazards.length}）`} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{hazards.map((h) => <li key={h.id}>{h.description}</li>)}</ul>} />
      <Form.Item label="立案理由" name="reason" required rules={[zodRule(OpenCaseRequest.shape.reason)]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Form.Item label="办理程序" name="procedure" rules={[{ required: true }]}>
        <Radio.Group options={(['ordinary', 'summary'] as const).map((p) => ({ value: p, label: PROCEDURE_LABELS[p] }))} />
      </Form.Item>
      <Form.Item label="当事人" name="partyKind" rules={[{ required: true }]}>
        <Radio.Group options={[{ value: 'organisation', label: `单位（${view.unitName}）` }, { value: 'person', label: '个人' }]} />
      </Form.Item>
      {partyKind === 'person' ? (
        <>
          <Form.Item label="当事人姓名" name="partyName" rules={[{ required: true, whitespace: true, message: '请填写当事人姓名' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="partyMinor" valuePropName="checked" extra="当事人为未成年人的，处罚信息依法不予公开。">
            <Checkbox>当事人为未成年人</Checkbox>
          </Form.Item>
        </>
      ) : null}
    </FormModal>
  );
}

type SealValues = { places: string; reason: string; emergency: boolean; sealedAt: Dayjs; decidedAt: Dayjs; deciders: string };

function SealModal({ view, hazards, onClose }: { view: UnitFollowUpView; hazards: HazardItem[]; onClose: () => void }) {
  const [form] = Form.useForm<SealValues>();
  const mutation = useCaseMutation(
    (v: SealValues) =>
      seal({ unitId: view.unitId, hazardIds: hazards.map((h) => h.id), places: v.places.trim(), reason: v.reason.trim(), emergency: v.emergency, sealedAt: v.sealedAt.toISOString(), decidedAt: v.decidedAt.toISOString(), deciders: v.deciders.trim() }),
    { success: '已临时查封，临时查封决定书已开具', form, onSuccess: onClose },
  );
  const now = dayjs();
  return (
    <FormModal<SealValues> title={`临时查封：${view.unitName}`} name="seal" form={form} okText="查封" submitting={mutation.isPending} initialValues={{ places: '', reason: hazards.map((h) => h.description).join('；'), emergency: false, sealedAt: now, decidedAt: now.subtract(1, 'hour'), deciders: '' }} onSubmit={(v) => mutation.mutate(v)} onClose={onClose}>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="临时查封须经集体议决" description="期限不超过 30 日；紧急情况可先行查封，并在 24 小时内集体议决。" />
      <Form.Item label="查封场所、部位" name="places" required rules={[zodRule(SealRequest.shape.places)]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item label="查封理由" name="reason" required rules={[zodRule(SealRequest.shape.reason)]}>
        <Input.TextArea rows={2} maxLength={1000} showCount />
      </Form.Item>
      <Form.Item name="emergency" valuePropName="checked">
        <Checkbox>紧急情况先行查封</Checkbox>
      </Form.Item>
      <Form.Item label="查封时间" name="sealedAt" rules={[{ required: true, message: '请选择时间' }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} />
      </Form.Item>
      <Form.Item label="集体议决时间" name="decidedAt" rules={[{ required: true, message: '请选择时间' }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} />
      </Form.Item>
      <Form.Item label="参加集体议决人员" name="deciders" required rules={[zodRule(SealRequest.shape.deciders)]}>
        <Input maxLength={300} placeholder="如：张某（大队长）、李某（教导员）、王某" />
      </Form.Item>
    </FormModal>
  );
}

function LiftModal({ sealing, onClose }: { sealing: SealingView; onClose: () => void }) {
  const [form] = Form.useForm<{ liftedOn: Dayjs }>();
  const mutation = useCaseMutation((v: { liftedOn: Dayjs }) => liftSealing(sealing.id, { liftedOn: v.liftedOn.format('YYYY-MM-DD') }), {
    success: '已解除临时查封，解除临时查封决定书已开具',
    form,
    onSuccess: onClose,
  });
  const today = todayInChina();
  return (
    <FormModal<{ liftedOn: Dayjs }> title={`解除临时查封：${sealing.places}`} name="liftSealing" form={form} okText="解除" submitting={mutation.isPending} initialValues={{ liftedOn: dayjs(sealing.sealedOn > today ? sealing.sealedOn : today) }} onSubmit={(v) => mutation.mutate(v)} onClose={onClose}>
      <Form.Item label="解除日期" name="liftedOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker allowClear={false} />
      </Form.Item>
    </FormModal>
  );
}
