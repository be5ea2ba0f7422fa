import type { PublicNoticeView, PublicResultItem } from '@contracts/publication.ts';
import { Tag, Typography } from 'antd';
import { Link } from 'react-router';

/**
 * Tag colours with text dark enough for WCAG AA on their own background (antd's preset tag colours are lighter than
 * 4.5:1 for small text): green for no hazard, amber for hazards, red for a fine, grey for the rest.
 */
const TONES = {
  good: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  warn: { color: '#7c3a00', background: '#fff7e6', borderColor: '#ffc069' },
  bad: { color: '#820014', background: '#fff1f0', borderColor: '#ff9c6e' },
  plain: { color: '#262626', background: '#f5f5f5', borderColor: '#bfbfbf' },
  info: { color: '#002c8c', background: '#f0f5ff', borderColor: '#85a5ff' },
} as const;

function toneOf(item: Pick<PublicResultItem, 'outcome' | 'withdrawn'>): keyof typeof TONES {
  if (item.withdrawn) return 'plain';
  switch (item.outcome) {
    case 'no_hazard':
      return 'good';
    case 'hazards':
    case 'warning':
      return 'warn';
    case 'fine':
      return 'bad';
    case 'unable':
      return 'plain';
  }
}

export function OutcomeTag({ item }: { item: Pick<PublicResultItem, 'outcome' | 'outcomeLabel' | 'withdrawn'> }) {
  return <Tag style={TONES[toneOf(item)]}>{item.outcomeLabel}</Tag>;
}

export function KindTag({ label }: { label: string }) {
  return <Tag style={TONES.info}>{label}</Tag>;
}

/** A notice's state: 已整改 green, the rest amber unless voided or corrected (grey). */
export function NoticeStateTag({ label }: { label: string }) {
  const tone = label === '已整改' ? 'good' : label === '已作废' || label === '已更正' ? 'plain' : 'warn';
  return <Tag style={TONES[tone]}>{label}</Tag>;
}

/** A list of entries as cards that wrap on a phone: unit, kind, outcome, date, brigade and the one-line summary. */
export function ResultList({ items, showUnit = true }: { items: readonly PublicResultItem[]; showUnit?: boolean }) {
  return (
    <ul className="result-list">
      {items.map((item) => (
        <li key={item.id} className="result-list-item">
          <div className="result-list-head">
            <Link to={`/portal/results/${item.id}`} className="result-list-title">
              {showUnit ? item.unitName : `${item.eventDate} ${item.kindLabel}`}
            </Link>
            <span className="result-list-tags">
              <KindTag label={item.kindLabel} />
              <OutcomeTag item={item} />
            </span>
          </div>
          <div className="result-list-meta">
            {item.kind === 'result' ? '检查日期' : '决定日期'} {item.eventDate} · {item.brigadeName}
            {item.uscc ? (
              <>
                {' · 统一社会信用代码 '}
                <span data-latin>{item.uscc}</span>
              </>
            ) : null}
          </div>
          <div>{item.summary}</div>
        </li>
      ))}
    </ul>
  );
}

/** Correction notices with their public state and the link to check each paper notice (/portal/documents/<code>). */
export function NoticeList({ notices }: { notices: readonly PublicNoticeView[] }) {
  if (notices.length === 0) return <Typography.Paragraph style={{ marginBottom: 0 }}>没有下发整改通知书。</Typography.Paragraph>;
  return (
    <ul className="result-list">
      {notices.map((n) => (
        <li key={n.number} className="result-list-item">
          <div className="result-list-head">
            <span className="result-list-title">
              {n.typeLabel} {n.number}
            </span>
            <NoticeStateTag label={n.stateLabel} />
          </div>
          <div className="result-list-meta">签发日期 {n.issueDate}</div>
          {n.checkCode ? <Link to={`/portal/documents/${encodeURIComponent(n.checkCode)}`}>核验这份通知书</Link> : null}
        </li>
      ))}
    </ul>
  );
}
