import type { PublicResultView } from '@contracts/publication.ts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { publicResultQuery } from '../../api/results.ts';
import { BackLink } from '../../components/back-link.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { formatLongDate } from '../../lib/format.ts';
import { PublicLayout } from '../layout/public-layout.tsx';
import { KindTag, NoticeList, OutcomeTag } from './result-parts.tsx';

const BACK = {
  title: '找不到该公示信息',
  subTitle: '它不存在、尚未公示，或已超过公示期限。',
  backTo: '/portal/results',
  backText: '返回抽查结果',
};

/** /portal/results/:id: one published result (items, hazards, notices) or penalty decision (or its withdrawal). */
export default function PortalResultPage() {
  const { id = '' } = useParams();
  const query = useQuery(publicResultQuery(id));
  return (
    <PublicLayout title={query.data ? `${query.data.unitName} ${query.data.kindLabel}` : '公示信息'}>
      <QueryGate query={query} notFound={BACK}>
        {(entry) => <ResultEntry entry={entry} />}
      </QueryGate>
    </PublicLayout>
  );
}

function ResultEntry({ entry }: { entry: PublicResultView }) {
  const isResult = entry.kind === 'result';
  return (
    <Flex vertical gap={16}>
      <Card>
        <BackLink to="/portal/results">返回抽查结果</BackLink>
        <Typography.Title level={1} style={{ fontSize: 22, margin: '12px 0' }}>
          {entry.unitName}
        </Typography.Title>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <KindTag label={entry.kindLabel} />
          <OutcomeTag item={entry} />
          {entry.corrected ? <OutcomeTag item={{ outcome: 'no_hazard', outcomeLabel: '已整改', withdrawn: false }} /> : null}
        </Flex>
        {entry.withdrawal ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`已撤回：${entry.withdrawal.reason}`}
            description={`${entry.withdrawal.on ? `${formatLongDate(entry.withdrawal.on)}撤回。` : ''}原处罚决定的内容不再公示。`}
          />
        ) : null}
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'summary', label: isResult ? '检查结果' : '处罚结果', children: entry.summary },
            { key: 'date', label: isResult ? '检查日期' : '决定日期', children: entry.eventDate },
            { key: 'brigade', label: isResult ? '检查机构' : '处罚机关', children: entry.brigadeName },
            ...(entry.uscc ? [{ key: 'uscc', label: '统一社会信用代码', children: <span data-latin>{entry.uscc}</span> }] : []),
            ...(entry.address ? [{ key: 'address', label: '地址', children: entry.address }] : []),
            ...(entry.districtName ? [{ key: 'district', label: '行政区划', children: entry.districtName }] : []),
            { key: 'published', label: '公示日期', children: entry.publishedOn ?? '—' },
            {
              key: 'links',
              label: '相关信息',
              children: (
                <Flex gap={16} wrap>
                  <Link to={`/portal/units/${entry.unitId}`}>该单位的全部公示信息</Link>
                  {entry.drawCode ? (
                    <Link to={`/portal/draws/${encodeURIComponent(entry.drawCode)}`}>随机抽取 {entry.drawCode}</Link>
                  ) : null}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      {isResult ? <ResultDetails entry={entry} /> : null}
      {entry.penalty ? (
        <Card title="行政处罚决定">
          <Descriptions
            column={1}
            items={[
              { key: 'party', label: '当事人', children: entry.penalty.partyName },
              { key: 'number', label: '决定书文号', children: entry.penalty.decisionNumber },
              { key: 'decided', label: '决定日期', children: entry.penalty.decidedOn },
              { key: 'penalty', label: '处罚内容', children: entry.penalty.penaltyLabel },
              { key: 'citation', label: '处罚依据', children: entry.penalty.citation },
              {
                key: 'facts',
                label: '违法事实',
                children: entry.penalty.facts.length ? (
                  <ol className="plain-ol">
                    {entry.penalty.facts.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ol>
                ) : (
                  '—'
                ),
              },
            ]}
          />
        </Card>
      ) : null}
    </Flex>
  );
}

function ResultDetails({ entry }: { entry: PublicResultView }) {
  return (
    <>
      {entry.outcome === 'unable' ? (
        <Card title="未能检查">
          <Typography.Paragraph style={{ marginBottom: 0 }}>原因：{entry.unableReasonLabel ?? '其他原因'}。</Typography.Paragraph>
        </Card>
      ) : (
        <>
          <Card title={`检查项目（${entry.items.length}）`}>
            {entry.items.length ? (
              <ul className="plain-ul">
                {entry.items.map((i) => (
                  <li key={i.code}>{i.name}</li>
                ))}
              </ul>
            ) : (
              <Typography.Paragraph style={{ marginBottom: 0 }}>—</Typography.Paragraph>
            )}
          </Card>
          <Card title={`发现的火灾隐患（${entry.hazards.length}）`}>
            {entry.hazards.length ? (
              <ol className="plain-ol">
                {entry.hazards.map((h) => (
                  <li key={h.seq}>
                    {h.item ? <Typography.Text strong>{h.item}：</Typography.Text> : null}
                    {h.text}
                    {h.fixedOnSpot ? '（已当场改正）' : ''}
                  </li>
                ))}
              </ol>
            ) : (
              <Typography.Paragraph style={{ marginBottom: 0 }}>本次检查未发现火灾隐患。</Typography.Paragraph>
            )}
          </Card>
        </>
      )}
      {entry.hazards.length || entry.notices.length ? (
        <Card title="整改通知书">
          <NoticeList notices={entry.notices} />
        </Card>
      ) : null}
    </>
  );
}
