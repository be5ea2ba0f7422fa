import type { DocumentContent } from '@contracts/documents.ts';
import './document-paper.css';

/**
 * A document's printed content as HTML, laid out like the paper: brigade, title, number, addressee, the blocks in
 * order, and the check line (code and the first 16 digits of the hash) the paper carries beside its QR code.
 */
export function DocumentPaper({ content, printedHash, voided }: { content: DocumentContent; printedHash: string; voided: boolean }) {
  return (
    <article className={`document-paper${voided ? ' document-paper-voided' : ''}`} aria-label={content.title}>
      {voided ? <div className="document-paper-stamp">作废</div> : null}
      <div className="document-paper-org">{content.orgName}</div>
      <h2 className="document-paper-title">{content.title}</h2>
      <div className="document-paper-number">{content.number}</div>
      {content.replaces ? <div className="document-paper-replaces">（本文书更正 {content.replaces}）</div> : null}
      <p className="document-paper-addressee">{content.addressee}</p>
      {content.blocks.map((block, i) => {
        switch (block.kind) {
          case 'paragraph':
            return (
              <p key={i} className="document-paper-paragraph">
                {block.text}
              </p>
            );
          case 'items':
            return (
              <ol key={i} className="document-paper-items">
                {block.rows.map((row) => (
                  <li key={row.no}>
                    <span>
                      {row.no}. {row.text}
                    </span>
                    {row.note ? <span className="document-paper-note">{row.note}</span> : null}
                  </li>
                ))}
              </ol>
            );
          case 'fields':
            return (
              <dl key={i} className="document-paper-fields">
                {block.rows.map((row) => (
                  <div key={row.label}>
                    <dt>{row.label}</dt>
                    <dd>{row.value}</dd>
                  </div>
                ))}
              </dl>
            );
          case 'signatures':
            return (
              <div key={i} className="document-paper-signatures">
                {block.rows.map((row, j) => (
                  <div key={j}>
                    <span className="document-paper-role">{row.role}：</span>
                    <span>{row.name ?? '＿＿＿＿＿＿'}</span>
                    {row.date ? <span className="document-paper-date">{row.date}</span> : null}
                  </div>
                ))}
              </div>
            );
        }
      })}
      {content.receipt ? (
        <div className="document-paper-receipt">
          <div>送达回执：受送达人签名＿＿＿＿＿＿{'\u3000\u3000\u3000'}年{'\u3000\u3000'}月{'\u3000\u3000'}日</div>
        </div>
      ) : null}
      <div className="document-paper-check">
        核验码 {content.checkCode} · 内容摘要 {printedHash}
      </div>
    </article>
  );
}
