import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  itemCitation,
  itemId,
  itemLabel,
  readMarker,
  splitInlineList,
  toChineseNumeral,
  type PathStep,
} from '../../src/domain/numbering.ts';

describe('chineseNumeral', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十一', 21],
    ['三十二', 32],
    ['九十九', 99],
    ['两', 2],
    ['一百', 100],
    ['一百零五', 105],
    ['一百二十六', 126],
  ])('%s is %i', (text, n) => {
    expect(chineseNumeral(text)).toBe(n);
  });

  it.each(['', '零', '十一五', '一一', '十十', '百十', '一百零', '一百五', '二十零', 'a', '一是'])('refuses %j', (text) => {
    expect(chineseNumeral(text)).toBeUndefined();
  });

  it('round-trips every number from 1 to 999 through toChineseNumeral', () => {
    for (let n = 1; n <= 999; n += 1) expect(chineseNumeral(toChineseNumeral(n))).toBe(n);
  });

  it('writes numerals as documents do', () => {
    expect([1, 10, 12, 20, 21, 99, 100, 105, 110, 1001].map(toChineseNumeral)).toEqual([
      '一',
      '十',
      '十二',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零五',
      '一百一十',
      '一千零一',
    ]);
    expect(() => toChineseNumeral(0)).toThrow(RangeError);
  });
});

describe('readMarker', () => {
  const cases: [string, string, number, number, string, string][] = [
    ['一、突出责任主体', 'chapter', 1, 1, '一、', '突出责任主体'],
    ['十二、其他', 'chapter', 1, 12, '十二、', '其他'],
    ['三．整改要求', 'chapter', 1, 3, '三．', '整改要求'],
    ['（一）党委落实党建工作主体责任。', 'paren-cn', 2, 1, '（一）', '党委落实党建工作主体责任。'],
    ['(二十一)问题', 'paren-cn', 2, 21, '(二十一)', '问题'],
    ['1.建立健全党建工作责任制', 'arabic', 3, 1, '1.', '建立健全党建工作责任制'],
    ['12、加强管理', 'arabic', 3, 12, '12、', '加强管理'],
    ['３．加强党费管理', 'arabic', 3, 3, '３．', '加强党费管理'],
    ['  2. 前面有空格', 'arabic', 3, 2, '2.', '前面有空格'],
    ['（1）召开支部大会', 'paren-arabic', 4, 1, '（1）', '召开支部大会'],
    ['（１０）全角数字', 'paren-arabic', 4, 10, '（１０）', '全角数字'],
    ['(3)半角括号', 'paren-arabic', 4, 3, '(3)', '半角括号'],
    ['①建立台账', 'circled', 5, 1, '①', '建立台账'],
    ['⑳第二十项', 'circled', 5, 20, '⑳', '第二十项'],
    ['㉑第二十一项', 'circled', 5, 21, '㉑', '第二十一项'],
    ['二是完善制度。', 'ordinal-is', 6, 2, '二是', '完善制度。'],
  ];
  it.each(cases)('%s', (line, style, level, ordinal, text, rest) => {
    expect(readMarker(line)).toEqual({ marker: { style, level, ordinal, text }, rest });
  });

  it.each(['2023年6月底前完成', '1.5万元', '一些党支部', '就是说', '第一书记', '（注：X同志）', '12月底前', '整改措施：1.', ''])(
    'finds no marker in %j',
    (line) => {
      expect(readMarker(line)).toBeUndefined();
    },
  );
});

describe('splitInlineList', () => {
  it('splits 一是……二是……三是 with the lead before it', () => {
    expect(splitInlineList('具体表现：一是学习不深入。二是制度不落实，就是说没有落实。三是作风不实。')).toEqual({
      lead: '具体表现：',
      items: [
        { ordinal: 1, text: '学习不深入。' },
        { ordinal: 2, text: '制度不落实，就是说没有落实。' },
        { ordinal: 3, text: '作风不实。' },
      ],
    });
  });

  it('takes items separated by commas and semicolons', () => {
    const { items } = splitInlineList('一是召开大会，二是设立栏目；三是利用显示屏。');
    expect(items.map((i) => i.text)).toEqual(['召开大会，', '设立栏目；', '利用显示屏。']);
  });

  it('needs them in order and at the start of a clause', () => {
    expect(splitInlineList('二是先出现，一是后出现').items).toEqual([]);
    expect(splitInlineList('统一是原则，二是其次').items).toEqual([]);
    expect(splitInlineList('只有一是没有后续').items).toEqual([]);
  });

  it('counts past ten', () => {
    const text = Array.from({ length: 12 }, (_, i) => `${toChineseNumeral(i + 1)}是第${i + 1}条。`).join('');
    const { items } = splitInlineList(text);
    expect(items.map((i) => i.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(items[10]!.text).toBe('第11条。');
  });
});

describe('ids and labels', () => {
  const path: PathStep[] = [
    { style: 'chapter', ordinal: 2 },
    { style: 'paren-cn', ordinal: 3 },
    { style: 'arabic', ordinal: 4 },
  ];

  it('makes ids from the ordinals', () => {
    expect(itemId([2, 3])).toBe('2-3');
    expect(itemId(path)).toBe('2-3-4');
    expect(() => itemId([])).toThrow(RangeError);
  });

  it('labels in the document numbering', () => {
    expect(itemLabel(path.slice(0, 2))).toBe('二（三）');
    expect(itemLabel(path)).toBe('二（三）4');
    expect(
      itemLabel([
        { style: 'arabic', ordinal: 1 },
        { style: 'arabic', ordinal: 2 },
        { style: 'paren-arabic', ordinal: 3 },
        { style: 'circled', ordinal: 4 },
        { style: 'ordinal-is', ordinal: 5 },
      ]),
    ).toBe('1.2（3）④五是');
  });

  it('cites with the nouns of the plan', () => {
    expect(itemCitation(path.slice(1), ['问题', '项'])).toBe('问题（三）第4项');
    expect(itemCitation(path, ['方面', '问题', '项'])).toBe('第二方面问题（三）第4项');
  });
});
