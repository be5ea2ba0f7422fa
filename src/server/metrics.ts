import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Upper bounds (seconds) of the request-duration histogram. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Few, fixed groups: a label per route would let a crawler of random paths grow the metrics without end. */
export type RouteGroup = 'public' | 'admin' | 'field' | 'unit' | 'web';

export function routeGroupOf(url: string): RouteGroup {
  if (url.startsWith('/api/public/') || url.startsWith('/api/health')) return 'public';
  if (url.startsWith('/api/field/')) return 'field';
  if (url.startsWith('/api/unit/') || url.startsWith('/api/unit-access/')) return 'unit';
  if (url.startsWith('/api/')) return 'admin';
  return 'web';
}

type Series = { count: number; sum: number; buckets: number[] };

/**
 * What this instance counts about itself for the metrics endpoint (decision 0029): requests by group and status class
 * with a duration histogram, and the event loop's delay. Per instance: a monitoring system scrapes every instance and
 * adds them up.
 */
export class RequestMetrics {
  private readonly series = new Map<string, Series>();
  private readonly loop = monitorEventLoopDelay({ resolution: 20 });
  readonly startedAt = Date.now();

  constructor() {
    this.loop.enable();
  }

  observe(group: RouteGroup, status: number, seconds: number): void {
    const key = `${group}|${Math.floor(status / 100)}xx`;
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) }));
    s.count += 1;
    s.sum += seconds;
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) s.buckets[i]! += 1;
  }

  /** The Prometheus text format of the counted series. */
  render(): string[] {
    const lines = [
      '# HELP xf_http_requests_total HTTP requests answered, by route group and status class.',
      '# TYPE xf_http_requests_total counter',
    ];
    const sorted = [...this.series.entries()].sort(([a], [b]) => a.localeCompare(b));
    for (const [key, s] of sorted) {
      const [group, status] = key.split('|');
      lines.push(`xf_http_requests_total{group="${group}",status="${status}"} ${s.count}`);
    }
    lines.push('# HELP xf_http_request_duration_seconds Time to answer, by route group.', '# TYPE xf_http_request_duration_seconds histogram');
    const byGroup = new Map<string, Series>();
    for (const [key, s] of sorted) {
      const group = key.split('|')[0]!;
      const g = byGroup.get(group) ?? { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
      g.count += s.count;
      g.sum += s.sum;
      s.buckets.forEach((n, i) => (g.buckets[i]! += n));
      byGroup.set(group, g);
    }
    for (const [group, g] of byGroup) {
      BUCKETS.forEach((le, i) => lines.push(`xf_http_request_duration_seconds_bucket{group="${group}",le="${le}"} ${g.buckets[i]}`));
      lines.push(`xf_http_request_duration_seconds_bucket{group="${group}",le="+Inf"} ${g.count}`);
      lines.push(`xf_http_request_duration_seconds_sum{group="${group}"} ${g.sum.toFixed(6)}`);
      lines.push(`xf_http_request_duration_seconds_count{group="${group}"} ${g.count}`);
    }
    const memory = process.memoryUsage();
    lines.push(
      '# HELP process_resident_memory_bytes Resident memory of this instance.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${memory.rss}`,
      '# HELP nodejs_heap_used_bytes JavaScript heap in use.',
      '# TYPE nodejs_heap_used_bytes gauge',
      `nodejs_heap_used_bytes ${memory.heapUsed}`,
      '# HELP process_uptime_seconds Seconds since this instance started.',
      '# TYPE process_uptime_seconds gauge',
      `process_uptime_seconds ${((Date.now() - this.startedAt) / 1000).toFixed(0)}`,
      '# HELP nodejs_eventloop_delay_p99_seconds 99th percentile of the event loop delay since start.',
      '# TYPE nodejs_eventloop_delay_p99_seconds gauge',
      `nodejs_eventloop_delay_p99_seconds ${(this.loop.percentile(99) / 1e9).toFixed(6)}`,
    );
    return lines;
  }

  /** Counts every answer from now on. */
  register(app: FastifyInstance): void {
    app.addHook('onResponse', async (request: FastifyRequest, reply) => {
      this.observe(routeGroupOf(request.url), reply.statusCode, reply.elapsedTime / 1000);
    });
  }
}
