/**
 * The portal's feeds written out (decision 0024): Atom 1.0 (RFC 4287) and JSON Feed 1.1, from entries the portal's
 * own presenters made. Links are absolute (PUBLIC_BASE_URL, else the request's origin), because a feed is read away
 * from the site. Pure.
 */
import type { DrawSummary } from '../../contracts/draws.ts';
import type { PublicPlanListView } from '../../contracts/plans.ts';
import type { PublicResultItem } from '../../contracts/publication.ts';

export type FeedEntry = { id: string; title: string; summary: string; path: string; published: string; updated: string };
export type Feed = { title: string; description: string; path: string; atomPath: string; jsonPath: string; entries: FeedEntry[] };

export const FEED_AUTHOR = '双随机消防监管系统';
export const FEED_LICENCE = '可自由使用，请注明来源';
/** When nothing has been published yet, a feed still needs an 'updated': the epoch of the system. */
const EMPTY_UPDATED = '2020-01-01T00:00:00+08:00';

/** A date of the local calendar (China Standard Time) as an RFC 3339 instant at its start. */
export const localDayInstant = (date: string): string => `${date}T00:00:00+08:00`;

// Characters XML 1.0 cannot carry (the input guard refuses NUL already; the rest are dropped, not escaped).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
function xml(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const latest = (feed: Feed) =>
  feed.entries.reduce((m, e) => (e.updated > m ? e.updated : m), feed.entries[0]?.updated ?? EMPTY_UPDATED);

export function renderAtom(feed: Feed, baseUrl: string): string {
  const self = baseUrl + feed.atomPath;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xml(self)}</id>`,
    `  <title>${xml(feed.title)}</title>`,
    `  <subtitle>${xml(feed.description)}</subtitle>`,
    `  <updated>${xml(latest(feed))}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(baseUrl + feed.path)}"/>`,
    `  <author><name>${xml(FEED_AUTHOR)}</name></author>`,
    `  <rights>${xml(FEED_LICENCE)}</rights>`,
  ];
  for (const e of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${xml(baseUrl + e.path)}#${xml(e.id)}</id>`,
      `    <title>${xml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(baseUrl + e.path)}"/>`,
      `    <published>${xml(e.published)}</published>`,
      `    <updated>${xml(e.updated)}</updated>`,
      `    <summary>${xml(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

export function renderJsonFeed(feed: Feed, baseUrl: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: `${feed.description}（${FEED_LICENCE}）`,
    home_page_url: baseUrl + feed.path,
    feed_url: baseUrl + feed.jsonPath,
    language: 'zh-CN',
    authors: [{ name: FEED_AUTHOR }],
    items: feed.entries.map((e) => ({
      id: `${baseUrl}${e.path}#${e.id}`,
      url: baseUrl + e.path,
      title: e.title,
      content_text: e.summary,
      summary: e.summary,
      date_published: e.published,
      date_modified: e.updated,
    })),
  });
}

// ---------- the three feeds, from what the portal's presenters publish ----------

export function resultsFeed(
  entries: readonly { item: PublicResultItem; publishedOn: string | null; withdrawnOn: string | null }[],
): Feed {
  return {
    title: '抽查结果与行政处罚公示',
    description: '双随机抽查结果和消防行政处罚决定的公示信息，最新 50 条',
    path: '/portal/results',
    atomPath: '/api/public/feeds/results.atom',
    jsonPath: '/api/public/feeds/results.json',
    entries: entries.map(({ item, publishedOn, withdrawnOn }) => {
      const published = localDayInstant(publishedOn ?? item.eventDate);
      return {
        id: item.id,
        title: `${item.unitName}：${item.withdrawn ? item.summary : `${item.kindLabel}，${item.outcomeLabel}`}`,
        summary: `${item.brigadeName}，${item.eventDate}，${item.summary}`,
        path: `/portal/results/${item.id}`,
        published,
        updated: withdrawnOn ? localDayInstant(withdrawnOn) : published,
      };
    }),
  };
}

export function plansFeed(list: PublicPlanListView, size: number): Feed {
  const entries: FeedEntry[] = [];
  for (const a of list.annual) {
    if (a.publishedAt)
      entries.push({
        id: a.id,
        title: `${a.orgName}：${a.name}`,
        summary: `${a.orgName}公布 ${a.year} 年度双随机抽查计划（第 ${a.revision} 版）`,
        path: `/portal/plans/annual/${a.id}`,
        published: a.publishedAt,
        updated: a.publishedAt,
      });
    for (const m of a.monthlyPlans)
      if (m.publishedAt)
        entries.push({
          id: m.id,
          title: `${m.orgName}：${m.year} 年 ${m.month} 月月度抽查计划`,
          summary: `抽查 ${m.totalQuota} 家单位，${m.dueDate} 前完成`,
          path: `/portal/plans/monthly/${m.id}`,
          published: m.publishedAt,
          updated: m.publishedAt,
        });
  }
  for (const c of list.campaigns)
    if (c.publishedAt)
      entries.push({
        id: c.id,
        title: `${c.orgName}：专项检查「${c.name}」`,
        summary: `${c.startsOn} 至 ${c.endsOn}`,
        path: '/portal/plans',
        published: c.publishedAt,
        updated: c.publishedAt,
      });
  entries.sort((x, y) => y.published.localeCompare(x.published) || x.id.localeCompare(y.id));
  return {
    title: '抽查计划公示',
    description: '公布的年度、月度抽查计划和专项检查，最新 50 条',
    path: '/portal/plans',
    atomPath: '/api/public/feeds/plans.atom',
    jsonPath: '/api/public/feeds/plans.json',
    entries: entries.slice(0, size),
  };
}

export function drawsFeed(draws: readonly DrawSummary[]): Feed {
  return {
    title: '随机抽取公示',
    description: '每次抽取自冻结清单起公开：清单哈希、种子、结果，最新 50 条',
    path: '/portal/draws',
    atomPath: '/api/public/feeds/draws.atom',
    jsonPath: '/api/public/feeds/draws.json',
    entries: draws.map((d) => ({
      id: d.id,
      title: `${d.orgName}：${d.sourceLabel}（抽取编号 ${d.code}）`,
      summary: `${d.statusLabel}；清单哈希 ${d.manifestHash}`,
      path: `/portal/draws/${d.code}`,
      published: d.frozenAt,
      updated: d.voidedAt ?? d.executedAt ?? d.frozenAt,
    })),
  };
}
