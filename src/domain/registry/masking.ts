/**
 * 脱敏 (masking) of natural persons' data in lists and in what is published. The rule:
 * publish the organisation, minimise the natural person (个人信息保护法第二十五条、第三十四条; 浙江省行政处罚
 * 结果信息网上公开暂行办法 hides contact details, ID numbers and names of persons other than the party).
 *
 * Every function is total: empty input gives '', and input it cannot parse is masked more, never less.
 */
import { checkPhone, splitPhoneList } from './phone.ts';
import { foldFullWidth, stripInvisible } from './text.ts';

const STAR = '*';

/** Keeps the last `keep` characters of `value` and stars the rest. */
function keepLast(value: string, keep: number): string {
  if (value.length <= keep || keep <= 0) return STAR.repeat(value.length);
  return STAR.repeat(value.length - keep) + value.slice(value.length - keep);
}

function maskOnePhone(phone: string): string {
  const check = checkPhone(phone);
  if (check.valid) {
    const n = check.normalized;
    if (check.kind === 'mobile') return `${n.slice(0, 3)}****${n.slice(7)}`;
    if (check.kind === 'service') return n; // 400/800 numbers belong to organisations.
    const [main = '', extension] = n.split('转');
    const dash = main.indexOf('-');
    const area = dash >= 0 ? main.slice(0, dash + 1) : '';
    const local = dash >= 0 ? main.slice(dash + 1) : main;
    return `${area}${keepLast(local, 4)}${extension === undefined ? '' : `转${STAR.repeat(extension.length)}`}`;
  }
  const digits = stripInvisible(foldFullWidth(phone)).replace(/\D/g, '');
  return keepLast(digits, digits.length > 6 ? 4 : 0);
}

/**
 * 138****5678 for a mobile; a landline keeps its area code and last four digits (0579-****5678), an
 * extension is starred; 400/800 service numbers are shown as they are. Several numbers in one cell are
 * masked one by one and joined with "、". Unrecognised input keeps at most its last four digits.
 */
export function maskPhone(phone: string | null): string {
  if (phone === null) return '';
  return splitPhoneList(phone).map(maskOnePhone).join('、');
}

/**
 * 1101**********1234: the first four (province and prefecture) and the last four characters of a 居民身份证
 * number; the 15-digit old form and other documents likewise. Eight characters or fewer are starred entirely.
 */
export function maskIdNumber(id: string | null): string {
  if (id === null) return '';
  const value = stripInvisible(foldFullWidth(id)).replace(/\s+/g, '').toUpperCase();
  if (value.length <= 8) return STAR.repeat(value.length);
  return `${value.slice(0, 4)}${STAR.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** 复姓 (compound surnames) from the 百家姓 list: their two characters stay visible. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳',
  '太史',
  '端木',
  '上官',
  '司马',
  '东方',
  '独孤',
  '南宫',
  '万俟',
  '闻人',
  '夏侯',
  '诸葛',
  '尉迟',
  '公羊',
  '赫连',
  '澹台',
  '皇甫',
  '宗政',
  '濮阳',
  '公冶',
  '太叔',
  '申屠',
  '公孙',
  '慕容',
  '仲孙',
  '钟离',
  '长孙',
  '宇文',
  '司徒',
  '鲜于',
  '司空',
  '闾丘',
  '子车',
  '亓官',
  '司寇',
  '巫马',
  '公西',
  '颛孙',
  '壤驷',
  '公良',
  '漆雕',
  '乐正',
  '宰父',
  '谷梁',
  '拓跋',
  '夹谷',
  '轩辕',
  '令狐',
  '段干',
  '百里',
  '呼延',
  '东郭',
  '南门',
  '羊舌',
  '微生',
  '公户',
  '公玉',
  '公仪',
  '梁丘',
  '公仲',
  '公上',
  '公门',
  '公山',
  '公坚',
  '左丘',
  '公伯',
  '西门',
  '公祖',
  '第五',
  '公乘',
  '贯丘',
  '公皙',
  '南荣',
  '东里',
  '东宫',
  '仲长',
  '子书',
  '子桑',
  '即墨',
  '达奚',
  '褚师',
]);

/**
 * 张三 → 张*, 张三丰 → 张**, 欧阳修 → 欧阳*: the surname stays (two characters for a compound surname of a
 * name longer than two), every other character becomes *. Separators stay: 买买提·艾力 → 买**·**; a Latin
 * name keeps its first letter and its spaces. A one-character name becomes *.
 */
export function maskPersonName(name: string | null): string {
  if (name === null) return '';
  const chars = [...stripInvisible(name).trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return STAR;
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.map((ch, i) => (i < keep || /[\s·•・.-]/.test(ch) ? ch : STAR)).join('');
}
