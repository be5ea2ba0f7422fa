/** The page sizes a list offers (the contracts' `PageQuery` allows up to 200). */
export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];

/** 「共 1,234 家单位」, or 「共 20,000+ 家单位（请缩小筛选范围）」 when the server stopped counting (`Page.totalCapped`). */
export function pageTotalText(total: number, unit: string, capped = false): string {
  const count = total.toLocaleString('zh-CN');
  return capped ? `共 ${count}+ ${unit}（请缩小筛选范围）` : `共 ${count} ${unit}`;
}
