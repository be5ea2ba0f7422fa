/**
 * An amount of whole yuan in Chinese capitals (大写金额) as printed on a penalty decision: 5000 → 「伍仟元整」,
 * 10500 → 「壹万零伍佰元整」, 30000 → 「叁万元整」. Pure. Only whole yuan: fines are decided in whole yuan.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;
const SECTIONS = ['', '万', '亿', '万亿'] as const;

/** One group of four digits (0–9999) without its section word; zeros between digits read as one 「零」. */
function groupInCapitals(group: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(group / 10 ** place) % 10;
    if (digit === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[digit]! + PLACES[place]!;
  }
  return out;
}

export function yuanInCapitals(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`amount must be a whole, non-negative number of yuan, got ${amount}`);
  if (amount >= 10_000 ** SECTIONS.length) throw new RangeError(`amount too large: ${amount}`);
  if (amount === 0) return '零元整';
  const groups: number[] = [];
  for (let rest = amount; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let zeroPending = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group === 0) {
      if (out !== '') zeroPending = true;
      continue;
    }
    if (out !== '' && (zeroPending || group < 1000)) out += '零';
    zeroPending = false;
    out += groupInCapitals(group) + SECTIONS[i]!;
  }
  return `${out}元整`;
}
