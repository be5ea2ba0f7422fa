import os from 'node:os';

export function describeMachine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export type Figure = { name: string; value: number; unit: string; target?: string; ok?: boolean };

export function printFigures(title: string, figures: Figure[]): void {
  console.log(`\n## ${title}`);
  for (const f of figures) {
    const verdict = f.ok === undefined ? '' : f.ok ? '  ✓' : '  ✗ (over target)';
    console.log(`  ${f.name.padEnd(46)} ${String(f.value).padStart(10)} ${f.unit.padEnd(4)}${f.target ? `  target ${f.target}` : ''}${verdict}`);
  }
}
