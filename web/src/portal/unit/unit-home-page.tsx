import type { UnitNoticeView, UnitVisitView } from '@contracts/publication.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { loadUnitSession, saveUnitSession, unitOwnQuery, unitPageKeys, uploadUnitEvidence } from '../../api/unit-page.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { formatDateTime, formatLongDate } from '../../lib/format.ts';
import { PublicLayout } from '../layout/public-layout.tsx';
import { ComplaintModal, EarlyReinspectionModal, RatingModal } from './unit-action-modals.tsx';

const TITLE = '本单位检查与整改';
const STATE_COLORS: Record<string, string> = {
  correcting: 'blue',
  awaiting_reinspection: 'orange',
  corrected: 'green',
  case: 'red',
  voided: 'default',
  replaced: 'default',
};
const formatSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

function Expired() {
  return (
    <PublicLayout title={TITLE}>
      <Card>
        <Result
          status="info"
          title="查看已过期，请重新输入核验码"
          subTitle="为保护单位信息，查看页面在一段时间后自动失效。"
          extra={
            <Link to="/portal/unit">
              <Button type="primary">重新输入核验码</Button>
            </Link>
          }
        />
      </Card>
    </PublicLayout>
  );
}

function NoticeCard({ notice, onEarly }: { notice: UnitNoticeView; onEarly: (n: UnitNoticeView) => void }) {
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: unitPageKeys.me });
  const upload = useNotifiedMutation((file: File) => uploadUnitEvidence(notice.id, file), { success: '整改材料已上传，大队可在通知书页面查看' }, { refresh, refreshOnError: refresh });
  const titleId = `notice-${notice.id}`;
  return (
    <Card size="small" role="region" aria-labelledby={titleId} data-notice={notice.number}>
      <Flex vertical gap={10}>
        <Flex justify="space-between" align="start" wrap gap={8}>
          <div>
            <Typography.Title level={3} id={titleId} style={{ fontSize: 16, margin: 0 }}>
              {notice.typeLabel}
            </Typography.Title>
            <Typography.Text type="secondary">{notice.number}</Typography.Text>
          </div>
          <Tag color={STATE_COLORS[notice.state] ?? 'default'} style={{ whiteSpace: 'normal' }}>
            {notice.stateLabel}
          </Tag>
        </Flex>
        <Typography.Text>
          {notice.brigadeName} · {formatLongDate(notice.issueDate)}开具
        </Typography.Text>
        {notice.deadlineLabel ? (
          <Alert type={notice.overdue ? 'error' : 'warning'} showIcon message={`整改期限：${notice.correctionDue ? formatLongDate(notice.correctionDue) : ''}（${notice.deadlineLabel}）`} />
        ) : null}
        <ol style={{ margin: 0, paddingInlineStart: 22 }} aria-label="需要整改的隐患">
          {notice.hazards.map((h) => (
            <li key={h.seq} style={{ marginBottom: 6 }}>
              <div>
                {h.location ? `${h.location}：` : ''}
                {h.description}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {h.stageLabel}
                {h.correctionDue ? ` · 于${formatLongDate(h.correctionDue)}前改正` : ''}
                {h.deadlineLabel ? `（${h.deadlineLabel}）` : ''}
              </Typography.Text>
            </li>
          ))}
        </ol>
        {notice.earlyRequestedOn ? (
          <Alert
            type="info"
            showIcon
            message={`已于${formatLongDate(notice.earlyRequestedOn)}申请提前复查${notice.reinspectionDue ? `，大队将于${formatLongDate(notice.reinspectionDue)}前复查` : ''}`}
          />
        ) : notice.reinspectionDue ? (
          <Alert type="info" showIcon message={`大队将于${formatLongDate(notice.reinspectionDue)}前复查`} />
        ) : null}
        {notice.evidence.length ? (
          <div>
            <Typography.Text strong>已上传的整改材料</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {notice.evidence.map((e) => (
                <li key={e.id}>
                  {e.fileName}（{formatSize(e.byteSize)}，{formatDateTime(e.submittedAt)}）
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {notice.canUpload || notice.canRequestEarly ? (
          <Flex gap={8} wrap>
            {notice.canUpload ? (
              <>
                <input
                  ref={input}
                  type="file"
                  accept="image/jpeg,image/png,image/webp,application/pdf"
                  aria-label={`选择整改材料文件（${notice.number}）`}
                  tabIndex={-1}
                  style={{ position: 'absolute', width: 1, height: 1, opacity: 0, pointerEvents: 'none' }}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    e.target.value = '';
                    if (file) upload.mutate(file);
                  }}
                />
                <Button onClick={() => input.current?.click()} loading={upload.isPending}>
                  上传整改材料
                </Button>
              </>
            ) : null}
            {notice.canRequestEarly ? (
              <Button type="primary" onClick={() => onEarly(notice)}>
                申请提前复查
              </Button>
            ) : null}
          </Flex>
        ) : null}
        {notice.canUpload ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            可上传整改后的照片（JPEG、PNG、WebP）或 PDF 文件，每个不超过 15 MB。
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}

function VisitCard({ visit, onRate, onComplain }: { visit: UnitVisitView; onRate: (v: UnitVisitView) => void; onComplain: (v: UnitVisitView) => void }) {
  const titleId = `visit-${visit.taskId}`;
  return (
    <Card size="small" role="region" aria-labelledby={titleId} data-visit={visit.visitDate}>
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="start" wrap gap={8}>
          <Typography.Title level={3} id={titleId} style={{ fontSize: 16, margin: 0 }}>
            {formatLongDate(visit.visitDate)} {visit.kindLabel}
          </Typography.Title>
          <Tag>{visit.outcomeLabel}</Tag>
        </Flex>
        <Typography.Text>{visit.brigadeName}</Typography.Text>
        <Typography.Text type="secondary">检查人员：{visit.inspectors.map((i) => `${i.name}（${i.roleLabel}）`).join('、') || '—'}</Typography.Text>
        {visit.rating ? <Typography.Text>已评价：{visit.rating.scoreLabel}</Typography.Text> : null}
        <Flex gap={8} wrap>
          {visit.rating ? null : (
            <Button type="primary" onClick={() => onRate(visit)}>
              评价
            </Button>
          )}
          <Button onClick={() => onComplain(visit)}>投诉</Button>
        </Flex>
      </Flex>
    </Card>
  );
}

/**
 * /portal/unit/home — the inspected unit's own page (decision 0024): its 整改通知 with each hazard, the deadline and the
 * state, where it uploads 整改材料 and asks for an early 复查; its 检查记录, which it rates and may complain about
 * (straight to 纪检); its 行政处罚. Built for a phone first: one column of cards.
 */
export default function UnitHomePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = loadUnitSession();
  const me = useQuery({ ...unitOwnQuery, enabled: session !== null });
  const [early, setEarly] = useState<UnitNoticeView | null>(null);
  const [rating, setRating] = useState<UnitVisitView | null>(null);
  const [complaint, setComplaint] = useState<UnitVisitView | null>(null);

  const leave = () => {
    saveUnitSession(null);
    queryClient.removeQueries({ queryKey: unitPageKeys.me });
    void navigate('/portal/unit');
  };

  if (!session || (me.isError && me.error instanceof ApiError && me.error.status === 401)) return <Expired />;
  if (me.isPending) {
    return (
      <PublicLayout title={TITLE}>
        <Card>
          <Skeleton active />
        </Card>
      </PublicLayout>
    );
  }
  if (me.isError) {
    return (
      <PublicLayout title={TITLE}>
        <Card>
          <LoadFailed onRetry={() => void me.refetch()} />
        </Card>
      </PublicLayout>
    );
  }
  const data = me.data;
  return (
    <PublicLayout title={TITLE}>
      <Flex vertical gap={16} style={{ maxWidth: 760, margin: '0 auto' }}>
        <Card>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <div>
              <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
                {data.unitName}
              </Typography.Title>
              <Typography.Text type="secondary">本页在 {formatDateTime(data.expiresAt)} 前有效</Typography.Text>
            </div>
            <Button onClick={leave}>退出</Button>
          </Flex>
        </Card>

        <section aria-labelledby="unit-notices">
          <Typography.Title level={2} id="unit-notices" style={{ fontSize: 18 }}>
            整改通知
          </Typography.Title>
          {data.notices.length ? (
            <Flex vertical gap={12}>
              {data.notices.map((n) => (
                <NoticeCard key={n.id} notice={n} onEarly={setEarly} />
              ))}
            </Flex>
          ) : (
            <Card size="small">
              <Empty description="没有整改通知" />
            </Card>
          )}
        </section>

        <section aria-labelledby="unit-visits">
          <Typography.Title level={2} id="unit-visits" style={{ fontSize: 18 }}>
            检查记录
          </Typography.Title>
          {data.visits.length ? (
            <Flex vertical gap={12}>
              {data.visits.map((v) => (
                <VisitCard key={v.taskId} visit={v} onRate={setRating} onComplain={setComplaint} />
              ))}
            </Flex>
          ) : (
            <Card size="small">
              <Empty description="没有已完成的检查" />
            </Card>
          )}
        </section>

        <section aria-labelledby="unit-penalties">
          <Typography.Title level={2} id="unit-penalties" style={{ fontSize: 18 }}>
            行政处罚
          </Typography.Title>
          {data.penalties.length ? (
            <Flex vertical gap={12}>
              {data.penalties.map((p) => (
                <Card size="small" key={p.number}>
                  <Flex vertical gap={4}>
                    <Flex justify="space-between" wrap gap={8}>
                      <Typography.Text strong>{p.number}</Typography.Text>
                      <Tag>{p.statusLabel}</Tag>
                    </Flex>
                    <Typography.Text>
                      {p.penaltyLabel} · {formatLongDate(p.decidedOn)} · {p.brigadeName}
                    </Typography.Text>
                  </Flex>
                </Card>
              ))}
            </Flex>
          ) : (
            <Card size="small">
              <Empty description="没有行政处罚" />
            </Card>
          )}
        </section>
      </Flex>
      {early ? <EarlyReinspectionModal notice={early} onClose={() => setEarly(null)} /> : null}
      {rating ? <RatingModal visit={rating} onClose={() => setRating(null)} /> : null}
      {complaint ? <ComplaintModal visit={complaint} onClose={() => setComplaint(null)} /> : null}
    </PublicLayout>
  );
}
