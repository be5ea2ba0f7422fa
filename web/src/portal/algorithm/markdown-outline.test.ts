import { lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import specification from '../../../../docs/draw-algorithm.md?raw';
import { headingIdOf, outlineOf, sectionId, splitSectionRefs } from './markdown-outline.ts';

describe('the algorithm page’s outline', () => {
  it('anchors a numbered heading by its number and any other by its position', () => {
    expect(headingIdOf('5.2 排名规则', 3)).toBe('s5-2');
    expect(headingIdOf('7. 结果、结果包与验证', 3)).toBe('s7');
    expect(headingIdOf('XF-SRS/1 抽取算法公开规范', 0)).toBe('h0');
    expect(sectionId('3.3')).toBe('s3-3');
  });

  it('gives every heading of the published specification its own anchor, with the text a reader sees', () => {
    const outline = outlineOf(lexer(specification));
    expect(new Set(outline.map((h) => h.id)).size).toBe(outline.length);
    expect(outline).toContainEqual({ depth: 3, text: '6.4 随机流与 uniformInt', id: 's6-4' });
    expect(outline.filter((h) => h.depth === 2).map((h) => h.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9']);
  });

  it('finds a heading for every “§” the specification refers to', () => {
    const ids = new Set(outlineOf(lexer(specification)).map((h) => h.id));
    const refs = [...specification.matchAll(/§(\d+(?:\.\d+)*)/g)].map((m) => sectionId(m[1]!));
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('links a section reference only when the document has that section', () => {
    const ids = new Set(['s5-2', 's6']);
    expect(splitSectionRefs('见 §5.2 与 §6，不是 §9.9。', ids)).toEqual([
      '见 ',
      { section: '§5.2', id: 's5-2' },
      ' 与 ',
      { section: '§6', id: 's6' },
      '，不是 §9.9。',
    ]);
    expect(splitSectionRefs('没有引用', ids)).toEqual(['没有引用']);
  });
});
