import { describe, expect, it } from 'vitest';
import { TASK_STATUS_OPTIONS } from '../shared/draws/labels.ts';
import {
  AVAILABILITY_KIND_OPTIONS,
  INSPECTOR_ROLE_OPTIONS,
  INSPECTOR_STATUS_OPTIONS,
  UNIT_CATEGORY_OPTIONS,
  UNIT_STATUS_OPTIONS,
} from './registry-labels.ts';

const pairs = (options: { value: string; label: string }[]) => options.map((o) => `${o.value}=${o.label}`);

describe('the labels the web takes from the contracts', () => {
  it('offer the same choices, in the same order and words, as when the web kept its own copies', () => {
    expect(pairs(UNIT_CATEGORY_OPTIONS)).toEqual(['key=重点单位', 'general=一般单位', 'small_venue=九小场所', 'other=其他']);
    expect(pairs(UNIT_STATUS_OPTIONS)).toEqual(['active=正常', 'suspended=停业', 'deregistered=注销', 'relocated=迁出', 'not_found=查无此单位']);
    expect(pairs(INSPECTOR_ROLE_OPTIONS)).toEqual(['lead=主办', 'assistant=协办']);
    expect(pairs(INSPECTOR_STATUS_OPTIONS)).toEqual(['active=在岗', 'transferred=调离', 'retired=退休']);
    expect(pairs(AVAILABILITY_KIND_OPTIONS)).toEqual(['leave=请假', 'seconded=抽调', 'frozen=冻结']);
    expect(pairs(TASK_STATUS_OPTIONS)).toEqual([
      'assigned=待检查',
      'notified=已告知',
      'in_progress=检查中',
      'done=已检查',
      'unable=无法检查',
      'closed=已办结',
      'replaced=已递补',
      'cancelled=已取消',
    ]);
  });
});
