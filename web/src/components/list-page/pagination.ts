/** The page sizes a list offers (the contracts' `PageQuery` allows up to 200). */
export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];

/** 「共 1,234 家单位」: the exact total the server counted. */
export function pageTotalText(total: number, unit: string): string {
  return `共 ${total.toLocaleString('zh-CN')} ${unit}`;
}
