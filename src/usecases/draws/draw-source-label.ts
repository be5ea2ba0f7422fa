/** How a draw's plan is named everywhere (lists, the draw page, the portal): 「2026 年 12 月月度抽查计划」 or 「专项检查：…」. */
export function drawSourceLabel(source: { campaignName: string | null; planYear: number | null; planMonth: number | null }): string {
  if (source.campaignName !== null) return `专项检查：${source.campaignName}`;
  return source.planYear !== null && source.planMonth !== null ? `${source.planYear} 年 ${source.planMonth} 月月度抽查计划` : '抽查计划';
}
