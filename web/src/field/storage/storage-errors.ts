/**
 * A Chinese message for a failed IndexedDB write. Quota errors arrive wrapped (Dexie raises `AbortError` or its own
 * error with the browser's `QuotaExceededError` as `inner`), so the whole chain is searched.
 */
export function describeStorageError(error: unknown): string {
  if (isQuotaError(error)) return '手机存储空间不足，无法保存：请先发送待发送的记录，或清理手机空间后重试。已保存的内容不受影响。';
  const name = nameOf(error);
  if (name === 'InvalidStateError' || name === 'DatabaseClosedError') {
    return '本机数据库已关闭（可能在其他窗口中升级了应用）：请关闭其他窗口后重新打开本应用。';
  }
  if (name === 'VersionError') return '本机数据来自更新版本的应用：请刷新页面以使用最新版本。';
  return '本机保存失败：请重试；如反复出现，请重新打开应用（已保存的内容不受影响）。';
}

export function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const name = nameOf(current);
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    const code = (current as { code?: unknown }).code;
    if (code === 22 || code === 1014) return true;
    current = (current as { inner?: unknown }).inner ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

function nameOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : undefined;
}

/** `12.3 MB` / `850 KB`: a byte count as the storage notice shows it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Whether the device is nearly out of room for this app: below 50 MB left or 90 % used. */
export function isStorageLow(estimate: { usage: number; quota: number }): boolean {
  if (estimate.quota <= 0) return false;
  return estimate.quota - estimate.usage < 50 * 1024 * 1024 || estimate.usage / estimate.quota > 0.9;
}
