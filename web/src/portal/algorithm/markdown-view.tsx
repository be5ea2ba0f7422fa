import type { Token, Tokens } from 'marked';
import type { ReactNode } from 'react';
import { Fragment } from 'react';
import { isHeading, outlineOf, splitSectionRefs } from './markdown-outline.ts';
import './markdown-view.css';

/**
 * A lexed Markdown document (marked's tokens) as React elements. Nothing is ever set as HTML: raw HTML in the
 * source shows as the text it is, links go only to this site or http(s), and a "§5.2" in the text links to its
 * heading. The document's headings carry the anchors of `outlineOf(tokens)`, which a table of contents links to.
 */
export function MarkdownView({ tokens }: { tokens: readonly Token[] }) {
  const outline = outlineOf(tokens);
  const headings = tokens.filter(isHeading);
  const headingIds = new Map<Token, string>(headings.map((h, i) => [h, outline[i]!.id]));
  return <>{blocks(tokens, { ids: new Set(headingIds.values()), headingIds })}</>;
}

type Context = { ids: ReadonlySet<string>; headingIds: ReadonlyMap<Token, string> };

function blocks(tokens: readonly Token[], ctx: Context): ReactNode[] {
  return tokens.map((token, i) => <Fragment key={i}>{block(token, ctx)}</Fragment>);
}

function block(token: Token, ctx: Context): ReactNode {
  const t = token as Tokens.Generic;
  switch (t.type) {
    case 'heading': {
      const h = token as Tokens.Heading;
      const Tag = `h${Math.min(Math.max(h.depth, 1), 6)}` as 'h1';
      return <Tag id={ctx.headingIds.get(token)}>{inline(h.tokens, ctx)}</Tag>;
    }
    case 'paragraph':
      return <p>{inline((token as Tokens.Paragraph).tokens, ctx)}</p>;
    case 'text':
      // A list item's text: inline tokens of its own.
      return t.tokens ? inline(t.tokens, ctx) : sectionLinks(String(t.text), ctx);
    case 'code':
      return (
        <pre className="markdown-code">
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote>{blocks((token as Tokens.Blockquote).tokens, ctx)}</blockquote>;
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => <li key={i}>{blocks(item.tokens, ctx)}</li>);
      return list.ordered ? <ol start={list.start === '' ? undefined : list.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return <MarkdownTable table={token as Tokens.Table} ctx={ctx} />;
    case 'hr':
      return <hr />;
    case 'space':
    case 'def':
      return null;
    default:
      // Raw HTML and anything unknown: shown as its source text, never interpreted.
      return <p>{String(t.raw ?? '')}</p>;
  }
}

function MarkdownTable({ table, ctx }: { table: Tokens.Table; ctx: Context }) {
  const align = (a: Tokens.TableCell['align']) => (a ? { textAlign: a } : undefined);
  return (
    // Wide tables scroll sideways inside their own box on a phone instead of widening the page.
    <div className="markdown-table" tabIndex={0} role="region" aria-label="表格（可左右滑动）">
      <table>
        <thead>
          <tr>
            {table.header.map((cell, i) => (
              <th key={i} style={align(cell.align)}>
                {inline(cell.tokens, ctx)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (
                <td key={i} style={align(cell.align)}>
                  {inline(cell.tokens, ctx)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function inline(tokens: readonly Token[] | undefined, ctx: Context): ReactNode[] {
  return (tokens ?? []).map((token, i) => <Fragment key={i}>{span(token, ctx)}</Fragment>);
}

/** Inline code longer than this (a hash, a formula) may break anywhere; shorter code stays whole. */
const LONG_CODE = 24;

/** Where a link may go: this site (a path or an anchor) or an http(s) address; anything else stays text. */
const SAFE_HREF = /^(?:#|\/(?!\/)|https?:\/\/)/i;

function span(token: Token, ctx: Context): ReactNode {
  const t = token as Tokens.Generic;
  switch (t.type) {
    case 'text':
      return t.tokens ? inline(t.tokens, ctx) : sectionLinks(String(t.text), ctx);
    case 'escape':
      return String(t.text);
    case 'strong':
      return <strong>{inline((token as Tokens.Strong).tokens, ctx)}</strong>;
    case 'em':
      return <em>{inline((token as Tokens.Em).tokens, ctx)}</em>;
    case 'del':
      return <del>{inline((token as Tokens.Del).tokens, ctx)}</del>;
    case 'codespan': {
      const code = (token as Tokens.Codespan).text;
      return <code className={code.length > LONG_CODE ? 'markdown-code-long' : undefined}>{code}</code>;
    }
    case 'br':
      return <br />;
    case 'link': {
      const link = token as Tokens.Link;
      if (!SAFE_HREF.test(link.href)) return inline(link.tokens, ctx);
      const external = /^https?:/i.test(link.href);
      return (
        <a href={link.href} title={link.title ?? undefined} {...(external ? { target: '_blank', rel: 'noreferrer' } : {})}>
          {inline(link.tokens, ctx)}
        </a>
      );
    }
    default:
      // Inline HTML, images and anything unknown: their source text.
      return String(t.raw ?? '');
  }
}

/** Plain text, with each "§5.2" that names a heading of the document as a link to it. */
function sectionLinks(text: string, ctx: Context): ReactNode {
  return splitSectionRefs(text, ctx.ids).map((part, i) =>
    typeof part === 'string' ? (
      part
    ) : (
      <a key={i} href={`#${part.id}`}>
        {part.section}
      </a>
    ),
  );
}
