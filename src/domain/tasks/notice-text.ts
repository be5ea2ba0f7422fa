/**
 * The words of a pre-notice (检查前告知), pure. The message names the brigade, the day and a link to the notice page;
 * never an inspector's name or phone (the unit confirms the visit with the brigade, and the page carries no people).
 */
export const NOTICE_PREPARE = [
  '消防安全责任人或管理人（或其授权的人员）到场陪同检查',
  '消防安全制度、灭火和应急疏散预案及演练记录',
  '防火巡查、检查记录和消防设施维护保养、年度检测报告',
  '消防控制室值班记录及值班人员资格证书（设有消防控制室的）',
  '建筑消防验收或备案、公众聚集场所投入使用营业前消防安全检查等相关文件',
];

/** A 复查 (decision 0023) is announced as such: it checks the corrections a notice ordered, it is not a 双随机 draw. */
export function noticeMessageText(input: { brigadeName: string; unitName: string; visitDate: string; link: string; kind?: 'draw' | 'reinspection' }): string {
  const [y, m, d] = input.visitDate.split('-');
  const what = input.kind === 'reinspection' ? '消防监督复查（核查责令限期改正的隐患整改情况）' : '消防监督抽查（双随机）';
  return (
    `【${input.brigadeName}】${input.unitName}：我队定于${Number(y)}年${Number(m)}月${Number(d)}日对贵单位进行${what}，` +
    `请安排人员陪同并备好消防安全管理资料。告知书：${input.link}`
  );
}

const SHORT_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A short code from random bytes (the caller's source of randomness): 10 characters without look-alikes (0/O, 1/l/I). */
export function shortCodeFrom(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += SHORT_CODE_ALPHABET[(bytes[i] ?? 0) % SHORT_CODE_ALPHABET.length];
  return out;
}
