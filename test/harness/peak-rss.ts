/**
 * A process's resident memory and its peak, from /proc (Linux): the peak ("high-water mark", VmHWM) can be reset to
 * the current value (clear_refs 5, Linux ≥ 4.0), so the peak over a stretch of work is measured exactly, worker
 * threads included, however briefly it lasted. Where /proc is missing or the reset is refused, the peak is sampled
 * every 5 ms instead.
 */
import fs from 'node:fs';

const MIB = 1024 * 1024;

function status(pid: number | 'self'): { rss: number; peak: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** Starts measuring; `stop()` gives the RSS at the start and the peak since, in MiB. */
export function measurePeakRss(pid: number | 'self' = 'self'): { stop: () => { baselineMiB: number; peakMiB: number } } {
  let exact = false;
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    exact = status(pid) !== null;
  } catch {
    exact = false;
  }
  const now = () => (pid === 'self' ? process.memoryUsage().rss : (status(pid)?.rss ?? 0));
  const baseline = now();
  let sampled = baseline;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, now());
  }, 5);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      const peak = Math.max(sampled, now(), exact ? (status(pid)?.peak ?? 0) : 0);
      return { baselineMiB: Math.round(baseline / MIB), peakMiB: Math.round(peak / MIB) };
    },
  };
}
