import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Flex, FloatButton, Grid, Typography } from 'antd';
import { lexer } from 'marked';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
// The public specification itself, as the repository keeps it: built into this page and offered as the file.
import specification from '../../../../docs/draw-algorithm.md?raw';
import specificationUrl from '../../../../docs/draw-algorithm.md?url';
import { PublicLayout } from '../layout/public-layout.tsx';
import type { OutlineEntry } from './markdown-outline.ts';
import { isHeading, outlineOf, plainTextOf } from './markdown-outline.ts';
import { MarkdownView } from './markdown-view.tsx';

const TOKENS = lexer(specification);
const TITLE_TOKEN = TOKENS.filter(isHeading).find((h) => h.depth === 1);
const TITLE = TITLE_TOKEN ? plainTextOf(TITLE_TOKEN.tokens, TITLE_TOKEN.text) : 'XF-SRS/1 抽取算法公开规范';
/** The document without its title, which heads the page's first card. */
const BODY = TOKENS.filter((t) => t !== TITLE_TOKEN);
const CONTENTS = outlineOf(BODY).filter((h) => h.depth === 2 || h.depth === 3);

/** The table of contents: the numbered sections and their subsections. */
function Contents({ entries }: { entries: readonly OutlineEntry[] }) {
  return (
    <ul className="algorithm-toc">
      {entries.map((h) => (
        <li key={h.id} className={h.depth === 3 ? 'algorithm-toc-sub' : undefined}>
          <a href={`#${h.id}`}>{h.text}</a>
        </li>
      ))}
    </ul>
  );
}

/**
 * /portal/algorithm: the public specification of the draw (docs/draw-algorithm.md) as a page to read — contents,
 * headings, tables and code — and the file to download. A "#s5-2" in the address opens section 5.2.
 */
export default function PortalAlgorithmPage() {
  const { hash } = useLocation();
  const wide = Grid.useBreakpoint().lg === true;
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);

  return (
    <PublicLayout title="抽取算法">
      <Flex vertical gap={16}>
        <Card>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
            {TITLE}
          </Typography.Title>
          <Typography.Paragraph>
            每一次随机抽取都按本规范计算：结果只由抽取前公布的清单、监督人的密钥和彩票开奖号码决定，没有服务器自己产生的随机数。
            抽取结果页上的「在浏览器中验证」运行的就是按本规范实现的代码；懂编程的读者也可以只凭本文写一个自己的验证程序。
          </Typography.Paragraph>
          <Flex gap={16} wrap align="center">
            <Button icon={<DownloadOutlined />} href={specificationUrl} download="XF-SRS-1-抽取算法公开规范.md">
              下载规范原文（Markdown）
            </Button>
            <Link to="/portal/draws">
              <SafetyCertificateOutlined /> 去验证一次抽取
            </Link>
          </Flex>
        </Card>
        <Flex gap={16} align="flex-start">
          {wide ? (
            <nav aria-label="目录" className="algorithm-toc-side">
              <Card size="small" title="目录">
                <Contents entries={CONTENTS} />
              </Card>
            </nav>
          ) : null}
          <Flex vertical gap={16} style={{ flex: 1, minWidth: 0 }}>
            {wide ? null : (
              <nav aria-label="目录">
                <Collapse items={[{ key: 'contents', label: '目录', children: <Contents entries={CONTENTS} /> }]} />
              </nav>
            )}
            <Card className="algorithm-article">
              <article className="markdown-body">
                <MarkdownView tokens={BODY} />
              </article>
            </Card>
          </Flex>
        </Flex>
      </Flex>
      <FloatButton.BackTop tooltip="回到顶部" aria-label="回到顶部" />
    </PublicLayout>
  );
}
