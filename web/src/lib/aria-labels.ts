/**
 * A few accessible names antd writes in English whatever the locale (the table's selection checkboxes, a select's
 * clear button): a Chinese screen-reader user would hear 「Select all」. They are renamed as they appear. The mapping
 * is pure; `localizeAriaLabels` watches the page.
 */
const EXACT: Record<string, string> = {
  'Select all': '全选本页',
  'Custom selection': '选择方式',
  Clear: '清除',
};

/** The Chinese name for one of antd's English accessible names, or null when it is not one of them. */
export function chineseAriaLabel(label: string): string | null {
  if (Object.hasOwn(EXACT, label)) return EXACT[label]!;
  const row = /^Select row (\d+)$/.exec(label);
  if (row) return `选择第 ${row[1]} 行`;
  const selected = /^Row (\d+) selected$/.exec(label);
  if (selected) return `第 ${selected[1]} 行已选中`;
  return null;
}

function rename(root: ParentNode): void {
  for (const el of root.querySelectorAll('[aria-label]')) {
    const chinese = chineseAriaLabel(el.getAttribute('aria-label') ?? '');
    if (chinese !== null) el.setAttribute('aria-label', chinese);
  }
}

/** Renames antd's English accessible names in `root` now and whenever they appear or change. */
export function localizeAriaLabels(root: HTMLElement): void {
  rename(root);
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'attributes' && m.target instanceof Element) {
        const chinese = chineseAriaLabel(m.target.getAttribute('aria-label') ?? '');
        if (chinese !== null) m.target.setAttribute('aria-label', chinese);
      } else if (m.target instanceof Element || m.target instanceof DocumentFragment) {
        for (const node of m.addedNodes)
          if (node instanceof Element) {
            const chinese = chineseAriaLabel(node.getAttribute('aria-label') ?? '');
            if (chinese !== null) node.setAttribute('aria-label', chinese);
            rename(node);
          }
      }
    }
  }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
}
