/**
 * The report as a Word file in the layout of Party and government documents (GB/T 9704-2012,
 * 党政机关公文格式): A4; 版心 156 × 225 mm with 天头 37 mm and 订口 28 mm, hence margins
 * 37 / 35 / 28 / 26 mm (top, bottom, left, right); title in 2号 方正小标宋简体; body in 3号
 * 仿宋_GB2312 on a fixed 28.95 pt line (22 lines a page); first-level headings 一、 in 黑体,
 * second-level （一） in 楷体_GB2312; page numbers “— 1 —” in 4号 宋体 below the text, at the
 * outer edge (right on odd pages, left on even ones). Fonts are named, not embedded: the
 * office's Windows PC has them, and LibreOffice substitutes its own CJK fonts.
 */
import {
  AlignmentType,
  convertMillimetersToTwip,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import { reportBlocks } from './blocks.ts';
import type { ProgressReport } from './model.ts';

/** Font sizes in half-points, by their Chinese size names. */
const SIZE = { 二号: 44, 三号: 32, 四号: 28 } as const;
const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', pageNumber: '宋体' } as const;
/** One character of body text (三号, 16 pt) in twentieths of a point, for indents. */
const CHAR = 320;
/** 28.95 pt (579 twips): 22 lines of 三号 text fill the 225 mm 版心, as the standard asks. */
const LINE_TWIPS = 579;
const LINE = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT } as const;

/** Width in characters of body text: Chinese characters count one, Latin letters and digits half. */
const widthInChars = (text: string) => [...text].reduce((sum, c) => sum + (/[\u0000-\u00ff]/.test(c) ? 0.5 : 1), 0);

/** The same font for Chinese and Latin text, so digits and letters match the line. */
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // 一字线 on both sides of the number, one character in from the outer edge.
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ font: font(FONT.pageNumber), size: SIZE.四号, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

const body = (text: string, extra: IRunOptions = {}) => new TextRun({ text, ...extra });

/**
 * @example await reportDocx(report) // a Buffer holding the .docx
 */
export async function reportDocx(report: ProgressReport): Promise<Buffer> {
  const children: Paragraph[] = [];
  for (const block of reportBlocks(report)) {
    switch (block.kind) {
      case 'title':
        children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [body(block.text)] }));
        break;
      case 'recipient':
        // 主送机关 starts at the left edge (顶格), one blank line below the title.
        children.push(new Paragraph({ children: [body(block.text)] }));
        break;
      case 'heading':
        children.push(
          new Paragraph({ heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [body(block.text)] }),
        );
        break;
      case 'paragraph':
        children.push(new Paragraph({ indent: { firstLine: 2 * CHAR }, children: [body(block.text)] }));
        break;
      case 'item':
        children.push(
          new Paragraph({
            indent: { firstLine: 2 * CHAR, left: block.depth * 2 * CHAR },
            children: [body(`${block.label}${block.title}。`, { bold: true }), body(block.facts)],
          }),
        );
        break;
      case 'signature': {
        // 成文日期 (Arabic numerals) four characters in from the right; 发文机关署名 centred over it,
        // as for a document that will carry the office's seal (加盖印章的公文).
        const issuerIndent = Math.max(0, 4 + (widthInChars(block.date) - widthInChars(block.issuer)) / 2);
        children.push(
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: Math.round(issuerIndent * CHAR) },
            spacing: { before: 2 * LINE_TWIPS, ...LINE },
            children: [body(block.issuer)],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR }, children: [body(block.date)] }),
        );
        break;
      }
    }
  }

  const doc = new Document({
    title: report.title,
    ...(report.issuer ? { creator: report.issuer } : {}),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONT.body), size: SIZE.三号 },
          paragraph: { spacing: LINE, alignment: AlignmentType.JUSTIFIED },
        },
        title: {
          run: { font: font(FONT.title), size: SIZE.二号, bold: false, color: '000000' },
          // A two-line title stays readable at 2号; one blank line follows it.
          paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT, after: LINE_TWIPS } },
        },
        heading1: {
          run: { font: font(FONT.heading1), size: SIZE.三号, bold: false, color: '000000' },
          paragraph: { indent: { firstLine: 2 * CHAR }, spacing: { ...LINE, before: 0, after: 0 }, keepNext: true },
        },
        heading2: {
          run: { font: font(FONT.heading2), size: SIZE.三号, bold: false, italics: false, color: '000000' },
          paragraph: { indent: { firstLine: 2 * CHAR }, spacing: { ...LINE, before: 0, after: 0 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // Word's own A4 (210 × 297 mm), so it shows the paper as A4 rather than a custom size.
            size: { width: 11906, height: 16838 },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              // The page number sits about 7 mm below the 版心.
              footer: convertMillimetersToTwip(21),
              header: convertMillimetersToTwip(15),
            },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
