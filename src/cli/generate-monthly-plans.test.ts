import { describe, expect, it } from 'vitest';
import { CliError } from './args.ts';
import { parseGenerateOptions } from './generate-monthly-plans.ts';

describe('plans-generate options', () => {
  it('reads --month as a year and a month, and --date as a calendar date', () => {
    expect(parseGenerateOptions(['--month', '2026-12'])).toEqual({ month: { year: 2026, month: 12 } });
    expect(parseGenerateOptions(['--date', '2028-02-29'])).toEqual({ date: '2028-02-29' });
    expect(parseGenerateOptions([])).toEqual({});
  });

  it('refuses a month that is not YYYY-MM, naming the option', () => {
    for (const month of ['2026-13', '2026-1', '2026-00', '2026-12-01']) {
      expect(() => parseGenerateOptions(['--month', month])).toThrow(new CliError('参数 --month：应为 YYYY-MM 格式的月份'));
    }
  });

  it('refuses a date that does not exist instead of rolling it over', () => {
    for (const date of ['2026-02-30', '2027-02-29', '2026-04-31', '2026-13-01', '20260301']) {
      expect(() => parseGenerateOptions(['--date', date])).toThrow(new CliError('参数 --date：应为 YYYY-MM-DD 格式的有效日期'));
    }
  });
});
