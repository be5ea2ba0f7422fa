import {
  PUBLICATION_KIND_LABELS,
  PUBLICATION_KINDS,
  PUBLICATION_OUTCOME_LABELS,
  PUBLICATION_OUTCOMES,
} from '@contracts/publication.ts';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PortalIntro } from '../layout/portal-intro.tsx';
import { PublicLayout } from '../layout/public-layout.tsx';

const { Paragraph, Text, Title } = Typography;

type Param = { name: string; text: ReactNode };
type Endpoint = { path: string; text: ReactNode; params?: Param[] };

const code = (s: string) => <Text code>{s}</Text>;
const list = (values: readonly string[], labels: Record<string, string>) =>
  values.map((v, i) => (
    <span key={v}>
      {i > 0 ? '、' : ''}
      {code(v)}（{labels[v]}）
    </span>
  ));

const API: Endpoint[] = [
  {
    path: 'GET /api/public/results',
    text: '查询公示中的抽查结果和行政处罚，按检查（决定）日期从新到旧排列。',
    params: [
      { name: 'q', text: '单位名称的一部分，或完整的统一社会信用代码' },
      { name: 'district', text: <>行政区划代码前缀，2–6 位数字，例如 {code('3307')}（金华市）</> },
      { name: 'from', text: <>开始日期，格式 {code('2026-01-01')}</> },
      { name: 'to', text: '结束日期，格式同上' },
      { name: 'outcome', text: <>结果：{list(PUBLICATION_OUTCOMES, PUBLICATION_OUTCOME_LABELS)}</> },
      { name: 'kind', text: <>类别：{list(PUBLICATION_KINDS, PUBLICATION_KIND_LABELS)}</> },
      { name: 'page', text: '页码，从 1 开始' },
      { name: 'pageSize', text: '每页条数，1–200，默认 20' },
    ],
  },
  {
    path: 'GET /api/public/results/{id}',
    text: '一条公示信息的全部公开内容：检查项目、隐患（标准表述）、整改通知书及其状态、处罚决定或撤回情况。',
  },
  {
    path: 'GET /api/public/units/{id}',
    text: '一个单位正在公示的全部抽查结果、公示期内的行政处罚和整改通知书状态。没有公示信息的单位返回 404。',
  },
  { path: 'GET /api/public/results/districts', text: '有公示信息的地区（地级市 4 位代码、县级 6 位代码）及其名称。' },
  {
    path: 'GET /api/public/draws/{code}',
    text: <>一次随机抽取的输入、过程和结果；每个任务的结果编号在字段 {code('resultId')} 中（未公示的为空）。</>,
  },
];

const FIELDS: Param[] = [
  {
    name: 'id',
    text: (
      <>
        公示信息编号，用于 {code('/api/public/results/{id}')} 和网页 {code('/portal/results/{id}')}
      </>
    ),
  },
  { name: 'kind / kindLabel', text: '类别及其中文名称' },
  { name: 'unitId / unitName', text: '单位编号和名称' },
  { name: 'uscc', text: '统一社会信用代码；当事人为自然人时为空' },
  { name: 'brigadeName', text: '检查机构或处罚机关' },
  { name: 'eventDate', text: '检查日期或处罚决定日期' },
  { name: 'outcome / outcomeLabel', text: '结果及其中文名称；处罚已撤回的，名称为「已撤回」' },
  { name: 'summary', text: '一句话的结果，例如「发现火灾隐患 2 处」「罚款 5,000 元」「已撤回：处罚决定已撤销」' },
  { name: 'withdrawn', text: '处罚决定被撤销、变更或作废后已撤回的为真，此时不再公开原决定内容' },
  { name: 'drawCode', text: '抽查结果所属的随机抽取编号' },
  { name: 'total / totalCapped', text: <>符合条件的条数；超过 10000 条时只计到 10000，{code('totalCapped')} 为真</> },
];

const FEEDS: { name: string; path: string }[] = [
  { name: '抽查结果与行政处罚', path: '/api/public/feeds/results' },
  { name: '抽查计划', path: '/api/public/feeds/plans' },
  { name: '随机抽取', path: '/api/public/feeds/draws' },
];

function ParamList({ params }: { params: readonly Param[] }) {
  return (
    <dl className="open-data-params">
      {params.map((p) => (
        <div key={p.name}>
          <dt>{code(p.name)}</dt>
          <dd>{p.text}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * /portal/open-data: the open JSON interface and the feeds for journalists and the 协同监管平台 — endpoints,
 * parameters, fields, a curl example and the licence.
 */
export default function PortalOpenDataPage() {
  const origin = window.location.origin;
  return (
    <PublicLayout title="开放数据">
      <Flex vertical gap={16}>
        <PortalIntro title="开放数据">
          本门户公开的抽查结果、行政处罚、抽查计划和随机抽取信息，同时以开放接口和订阅源提供，供新闻媒体、研究人员和协同监管平台使用，无需登录或申请。
          <strong>可自由使用，请注明来源</strong>（{'双随机消防监管系统'}
          ）。接口只提供网页上公开的内容，自然人姓名、联系方式等个人信息不会出现在接口中。
        </PortalIntro>
        <Card title="订阅源">
          <Paragraph>
            每个订阅源包含最新 50 条信息，提供两种格式：{code('Atom 1.0')}（{code('.atom')}）和 {code('JSON Feed 1.1')}（
            {code('.json')}）。可以用阅读器订阅，或由程序定时读取。
          </Paragraph>
          <ul className="open-data-feeds">
            {FEEDS.map((f) => (
              <li key={f.path}>
                <Text strong>{f.name}：</Text>
                <a href={`${f.path}.atom`}>
                  <code>{`${f.path}.atom`}</code>
                </a>
                {'　'}
                <a href={`${f.path}.json`}>
                  <code>{`${f.path}.json`}</code>
                </a>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="查询接口">
          <Paragraph>
            所有接口均为 {code('GET')} 请求，返回 {code('UTF-8')} 编码的 JSON；参数有误时返回 400 和指明参数的中文说明。
          </Paragraph>
          {API.map((e) => (
            <section key={e.path} className="open-data-endpoint">
              <Title level={2} style={{ fontSize: 16 }}>
                <code>{e.path}</code>
              </Title>
              <Paragraph>{e.text}</Paragraph>
              {e.params ? <ParamList params={e.params} /> : null}
            </section>
          ))}
        </Card>
        <Card title="返回字段（列表中的每一条）">
          <ParamList params={FIELDS} />
        </Card>
        <Card title="示例">
          <Paragraph>查询单位名称含「商场」、结果为发现火灾隐患的前 5 条：</Paragraph>
          <pre className="open-data-example">{`curl '${origin}/api/public/results?q=%E5%95%86%E5%9C%BA&outcome=hazards&pageSize=5'`}</pre>
          <Paragraph>返回（节选）：</Paragraph>
          <pre className="open-data-example">{`{
  "items": [
    {
      "id": "…",
      "kind": "result",
      "kindLabel": "抽查结果",
      "unitName": "某某商场有限公司",
      "uscc": "913307…",
      "brigadeName": "某某大队",
      "eventDate": "2026-11-20",
      "outcome": "hazards",
      "outcomeLabel": "发现火灾隐患",
      "summary": "发现火灾隐患 2 处",
      "withdrawn": false,
      "drawCode": "…"
    }
  ],
  "total": 1,
  "totalCapped": false,
  "page": 1,
  "pageSize": 5
}`}</pre>
          <Paragraph style={{ marginBottom: 0 }}>
            网页版：<Link to="/portal/results">抽查结果</Link>、<Link to="/portal/plans">抽查计划</Link>、
            <Link to="/portal/draws">抽取结果</Link>。
          </Paragraph>
        </Card>
      </Flex>
    </PublicLayout>
  );
}
