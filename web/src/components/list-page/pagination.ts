/** The page sizes a list offers (the contracts' `PageQuery` allows up to 200). */
export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];

/**
 * 「共 1,234 家单位」: the exact total the server counted; 「超过 10,000 家单位，请用筛选条件缩小范围」 when more match than
 * the list counts (`capped`: the total is the cap, and the pages stop there).
 */
export function pageTotalText(total: number, unit: string, capped = false): string {
  return capped ? `超过 ${total.toLocaleString('zh-CN')} ${unit}，请用筛选条件缩小范围` : `共 ${total.toLocaleString('zh-CN')} ${unit}`;
}
