import { Typography } from 'antd';
import { shortHash } from '../../lib/format.ts';

/**
 * A SHA-256 value in monospace with a copy button that copies the whole value. `short`: the first 12 digits (lists);
 * `large`: the manifest hash as it is read out at the draw table.
 */
export function HashText({
  hash,
  short = false,
  large = false,
  label,
}: {
  hash: string;
  short?: boolean;
  large?: boolean;
  label?: string;
}) {
  return (
    <Typography.Text
      className="hash-text"
      copyable={{ text: hash, tooltips: ['复制', '已复制'] }}
      title={short ? hash : undefined}
      aria-label={label}
      style={large ? { fontSize: 20, fontWeight: 600, letterSpacing: 0.5 } : undefined}
    >
      {short ? `${shortHash(hash)}…` : hash}
    </Typography.Text>
  );
}
