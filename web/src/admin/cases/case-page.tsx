import type { CaseView, ReferralView } from '@contracts/cases.ts';
import { useQuery } from '@tanstack/react-query';
import type { DescriptionsProps } from 'antd';
import { Alert, Button, Card, Descriptions, Empty, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { caseQuery } from '../../api/cases.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { CASE_STATUS_COLORS, DeadlineTag, DocumentLink, HAZARD_STAGE_COLORS, PAYMENT_STATUS_COLORS } from './case-tags.tsx';
import { CloseCaseModal, PaymentModal, ReferModal, ReferralReplyModal, RevokeModal } from './case-modals.tsx';
import { DecisionForm } from './decision-form.tsx';

type Dialog = { kind: 'payment' } | { kind: 'close' } | { kind: 'refer' } | { kind: 'revoke' } | { kind: 'reply'; referral: ReferralView };

export default function CasePage() {
  const { id = '' } = useParams();
  const query = useQuery(caseQuery(id));
  return (
    <QueryGate query={query} notFound={{ title: '找不到该案件', subTitle: '案件不存在，或不在您的管辖范围内。', backTo: '/admin/cases', backText: '返回案件列表' }}>
      {(c) => <CaseDetail c={c} />}
    </QueryGate>
  );
}

function CaseDetail({ c }: { c: CaseView }) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const canClose = c.canManage && (c.status === 'open' || (c.status === 'decided' && c.paymentStatus !== 'unpaid'));
  const facts: DescriptionsProps['items'] = [
    { key: 'unit', label: '单位', children: <Link to={`/admin/units/${c.unitId}`}>{c.unitName}</Link>, span: 2 },
    { key: 'party', label: '当事人', children: `${c.partyName}（${c.partyKindLabel}）` },
    { key: 'status', label: '状态', children: <Tag color={CASE_STATUS_COLORS[c.status]}>{c.statusLabel}</Tag> },
    { key: 'openedOn', label: '立案日期', children: c.openedOn },
    { key: 'procedure', label: '程序', children: c.procedureLabel },
    { key: 'reason', label: '立案理由', children: c.reason, span: 2 },
  ];
  if (c.status === 'open') facts.push({ key: 'deadline', label: '决定期限（立案之日起 90 日）', children: <DeadlineTag deadline={c.decisionDeadline} />, span: 2 });
  if (c.decidedOn) {
    facts.push(
      { key: 'penalty', label: '处罚', children: c.penaltyLabel ?? '—' },
      { key: 'decidedOn', label: '决定日期', children: c.decidedOn },
      { key: 'provision', label: '处罚依据', children: c.provisionCitation ?? '—', span: 2 },
      { key: 'decision', label: '决定书', children: c.decisionDocument ? <DocumentLink doc={c.decisionDocument} /> : '—', span: 2 },
      {
        key: 'payment',
        label: '缴纳',
        span: 2,
        children: (
          <Flex gap={8} wrap align="center">
            <Tag color={PAYMENT_STATUS_COLORS[c.paymentStatus]}>{c.paymentStatusLabel}</Tag>
            {c.paidOn ? <span>{c.paidOn}</span> : null}
            {c.paymentNote ? <Typography.Text type="secondary">{c.paymentNote}</Typography.Text> : null}
            {c.paymentDeadline ? <DeadlineTag deadline={c.paymentDeadline} prefix="缴款期限：" /> : null}
          </Flex>
        ),
      },
    );
  }
  if (c.closedOn) facts.push({ key: 'closed', label: '结案', children: `${c.closedOn} ${c.closeNote ?? ''}`, span: 2 });
  if (c.revokedOn) facts.push({ key: 'revoked', label: c.revokeKindLabel ?? '处罚决定已撤销', children: `${c.revokedOn} ${c.revokeReason ?? ''}`, span: 2 });
  if (c.partyMinor) facts.push({ key: 'minor', label: '当事人为未成年人', children: '处罚信息依法不予公开', span: 2 });
  if (c.publication) {
    const p = c.publication;
    facts.push({
      key: 'publication',
      label: '公示',
      span: 2,
      children: (
        <Flex gap={8} wrap align="center">
          <Tag>{p.statusLabel}</Tag>
          {p.publishedOn ? <span>公示于 {p.publishedOn}{p.displayUntil ? `，展示至 ${p.displayUntil}` : ''}</span> : null}
          <Link to="/admin/publications">公示管理</Link>
        </Flex>
      ),
    });
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={`案件 ${c.number}`}
        description={<BackLink to="/admin/cases">返回案件列表</BackLink>}
        extra={
          c.canManage ? (
            <>
              {c.status === 'decided' && c.paymentStatus === 'unpaid' ? <Button onClick={() => setDialog({ kind: 'payment' })}>登记缴纳</Button> : null}
              {c.status !== 'closed' ? <Button onClick={() => setDialog({ kind: 'refer' })}>移送</Button> : null}
              {canClose ? <Button onClick={() => setDialog({ kind: 'close' })}>结案</Button> : null}
              {c.status === 'decided' || (c.status === 'closed' && c.decidedOn) ? <Button danger onClick={() => setDialog({ kind: 'revoke' })}>撤销/变更处罚决定</Button> : null}
            </>
          ) : null
        }
      />
      <Card title="案件信息">
        <Descriptions items={facts} column={{ xs: 1, sm: 2 }} size="small" bordered />
      </Card>
      <Card title={`涉案隐患（${c.hazards.length}）`}>
        <List
          dataSource={c.hazards}
          locale={{ emptyText: '没有隐患' }}
          renderItem={(h, i) => (
            <List.Item>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex gap={8} wrap align="center" justify="space-between">
                  <Typography.Text>
                    {i + 1}. {h.location ? `${h.location}：` : ''}
                    {h.description}
                  </Typography.Text>
                  <Tag color={HAZARD_STAGE_COLORS[h.stage]}>{h.stageLabel}</Tag>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  发现于 {h.foundOn} · <Link to={`/admin/records/${h.recordId}`}>检查记录</Link>
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      {c.status === 'open' && c.canManage ? (
        <Card title="作出处罚决定">
          <DecisionForm c={c} />
        </Card>
      ) : c.status === 'open' ? (
        <Alert type="info" showIcon title="尚未作出处罚决定" description="由本大队的大队管理员作出处罚决定。" />
      ) : null}
      <Card title="执法文书">
        {c.documents.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有开具文书" />
        ) : (
          <List dataSource={c.documents} renderItem={(d) => <List.Item><DocumentLink doc={d} /></List.Item>} />
        )}
      </Card>
      <Card title="移送">
        {c.referrals.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未移送" />
        ) : (
          <List
            dataSource={c.referrals}
            renderItem={(r) => (
              <List.Item actions={c.canManage && r.status === 'sent' ? [<Button key="reply" size="small" onClick={() => setDialog({ kind: 'reply', referral: r })}>登记回复</Button>] : []}>
                <Flex vertical gap={2}>
                  <span>
                    {r.departmentName}（{r.departmentLabel}） <Tag color={r.status === 'replied' ? 'success' : 'processing'}>{r.statusLabel}</Tag>
                  </span>
                  <Typography.Text type="secondary">
                    {r.sentOn} 移送 · {r.reason}
                  </Typography.Text>
                  {r.letter ? <DocumentLink doc={r.letter} /> : null}
                  {r.replyOn ? <Typography.Text>回复（{r.replyOn}）：{r.replyText}</Typography.Text> : null}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      {dialog?.kind === 'payment' ? <PaymentModal c={c} onClose={close} /> : null}
      {dialog?.kind === 'close' ? <CloseCaseModal c={c} onClose={close} /> : null}
      {dialog?.kind === 'revoke' ? <RevokeModal c={c} onClose={close} /> : null}
      {dialog?.kind === 'refer' ? <ReferModal c={c} onClose={close} /> : null}
      {dialog?.kind === 'reply' ? <ReferralReplyModal referral={dialog.referral} onClose={close} /> : null}
    </Flex>
  );
}
