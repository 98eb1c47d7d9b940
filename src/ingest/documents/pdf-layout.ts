/**
 * A PDF page's text items (as pdf.js places them) back into lines in reading order. Items on
 * one baseline make a line; a wide gap between items splits it into cells. An official
 * document's two-column blocks (issuer | nation, "Nơi nhận" | signature) are read column by
 * column; a table's row (three cells or more) stays one line, its cells joined by " | ", and
 * a cell wrapped over several lines is put back in its row. Running headers and footers
 * (the same line at the top or the foot of most pages) and page numbers go.
 */

export interface PlacedText {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

interface Cell {
  x: number;
  /** Where its last item ends. */
  end: number;
  text: string;
}

interface Line {
  y: number;
  fontSize: number;
  cells: Cell[];
}

/** A gap wider than this many font sizes between two items separates cells, not words. */
const CELL_GAP = 1.5;

/** Items of one page → lines, top to bottom, each with its items left to right. */
function rowsOf(items: PlacedText[]): PlacedText[][] {
  const sorted = items.filter((item) => item.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Array<{ y: number; items: PlacedText[] }> = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row.y - item.y) <= Math.max(2, item.fontSize * 0.4)) row.items.push(item);
    else rows.push({ y: item.y, items: [item] });
  }
  return rows.map((row) => row.items.sort((a, b) => a.x - b.x));
}

/** A row's items as cells: a wide gap starts a new one, and so does a table's column edge ("… công nghiệp" | "Sở Kế hoạch …"). */
function cellsOf(items: PlacedText[], columns: number[] = []): Cell[] {
  const cells: Cell[] = [];
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    const cell = cells.at(-1);
    const atColumn = columns.some((x) => Math.abs(x - item.x) < 3) && gap > item.fontSize * 0.1;
    if (!cell || gap > item.fontSize * CELL_GAP || atColumn) cells.push({ x: item.x, end: item.x + item.width, text: item.str.trim() });
    else {
      cell.text += (gap > item.fontSize * 0.15 || /\s$/.test(cell.text) ? ' ' : '') + item.str.trim();
      cell.end = item.x + item.width;
    }
    end = item.x + item.width;
  }
  return cells.map((c) => ({ ...c, text: c.text.replace(/\s+/g, ' ') }));
}

function linesOf(items: PlacedText[]): Line[] {
  let columns: number[] = [];
  return rowsOf(items).map((row) => {
    const cells = cellsOf(row, columns);
    // A table's columns, from its first row of three cells or more, guide the rows under it.
    if (cells.length >= 3 && columns.length === 0) columns = cells.map((c) => c.x);
    else if (cells.length < 2 && cells.every((c) => !columns.some((x) => Math.abs(x - c.x) < 3))) columns = [];
    return { y: row[0]!.y, fontSize: row[0]!.fontSize, cells };
  });
}

/** "Trang 3", "- 3 -", "3/12": a page number alone on its line. */
const PAGE_NUMBER = /^(?:trang|page)?\s*[-–]?\s*\d{1,4}\s*(?:\/\s*\d{1,4})?\s*[-–]?$/iu;

const shape = (line: Line) => line.cells.map((c) => c.text).join(' ').replace(/\d+/g, '#').toLowerCase();

/** The page's lines without the running header, the footer and the page number. */
function withoutPageFurniture(pages: Line[][]): Line[][] {
  const edgeShapes = new Map<string, number>();
  const edges = (lines: Line[]) => [...lines.slice(0, 2), ...lines.slice(-2)];
  for (const lines of pages) for (const s of new Set(edges(lines).map(shape))) edgeShapes.set(s, (edgeShapes.get(s) ?? 0) + 1);
  const running = (line: Line) => pages.length >= 2 && (edgeShapes.get(shape(line)) ?? 0) >= Math.max(2, pages.length * 0.4);
  return pages.map((lines) => {
    const edge = new Set(edges(lines));
    return lines.filter((line) => !(edge.has(line) && (running(line) || PAGE_NUMBER.test(line.cells.map((c) => c.text).join(' ')))));
  });
}

/** A line that starts a block of its own: a numbered or lettered heading, a list item. */
const BLOCK_START = /^(?:[IVX]+\.|\d+(?:\.\d+)*[.)]|[a-zđ]\)|[-–•+*])\s/u;

/**
 * Lines of running text joined into paragraphs, as the page sets them: a line that reaches the
 * right margin goes on in the next (unless that one starts a block); centred lines of one size
 * (a title over several lines) are one block.
 */
class Paragraphs {
  private open: { text: string; line: Line; centred: boolean; full: boolean } | null = null;

  constructor(
    private readonly out: string[],
    private readonly left: number,
    private readonly right: number,
  ) {}

  add(line: Line): void {
    const cell = line.cells[0]!;
    const width = this.right - this.left;
    const centred = cell.x > this.left + 15 && Math.abs(cell.x - this.left - (this.right - cell.end)) < 15;
    const full = cell.end >= this.right - width * 0.08;
    const open = this.open;
    const continues =
      open !== null &&
      !BLOCK_START.test(cell.text) &&
      Math.abs(open.line.fontSize - line.fontSize) < 0.5 &&
      ((open.full && !open.centred && !centred) || (open.centred && centred));
    if (continues) {
      open.text += ` ${cell.text}`;
      open.line = line;
      open.full = full;
      return;
    }
    this.flush();
    this.open = { text: cell.text, line, centred, full };
  }

  flush(): void {
    if (this.open) this.out.push(this.open.text);
    this.open = null;
  }
}

/** Where running text starts and ends: the margins most long lines keep (a header column may stick out further). */
function textMargins(lines: Line[]): { left: number; right: number } {
  const long = lines.filter((line) => line.cells.length === 1 && line.cells[0]!.text.length >= 40).map((line) => line.cells[0]!);
  if (long.length === 0) return { left: 0, right: Infinity };
  const starts = long.map((c) => Math.round(c.x)).sort((a, b) => a - b);
  const ends = long.map((c) => c.end).sort((a, b) => a - b);
  return { left: starts[Math.floor(starts.length * 0.1)]!, right: ends[Math.floor(ends.length * 0.9)]! };
}

/** Text lines of the pages: paragraphs whole, columns read one after the other, table rows kept whole. */
export function layoutPages(pages: PlacedText[][]): string[] {
  const all = pages.flat().filter((item) => item.str.trim() !== '');
  if (all.length === 0) return [];
  const left = Math.min(...all.map((i) => i.x));
  const right = Math.max(...all.map((i) => i.x + i.width));
  const middle = left + (right - left) * 0.45;
  const out: string[] = [];
  const pagesLines = withoutPageFurniture(pages.map(linesOf));
  const margins = textMargins(pagesLines.flat());
  const paragraphs = new Paragraphs(out, margins.left, margins.right);
  let column: { left: string[]; right: string[] } | null = null;
  let table: { xs: number[]; cells: string[] } | null = null;
  const flushColumn = () => {
    if (column) out.push(...column.left, ...column.right);
    column = null;
  };
  const flushTable = () => {
    if (table) out.push(table.cells.join(' | '));
    table = null;
  };
  for (const lines of pagesLines) {
    for (const line of lines) {
      const { cells } = line;
      const twoColumns = cells.length === 2 && cells[1]!.x >= middle && cells[0]!.x < middle;
      const rightOnly = cells.length === 1 && cells[0]!.x >= middle;
      if (table && cells.length < table.xs.length && cells.every((c) => table!.xs.slice(1).some((x) => Math.abs(x - c.x) < 4))) {
        // A cell wrapped onto the next line: back into its column of the row above.
        for (const cell of cells) {
          const at = table.xs.findIndex((x) => Math.abs(x - cell.x) < 4);
          table.cells[at] = `${table.cells[at]} ${cell.text}`.trim();
        }
        continue;
      }
      flushTable();
      if (twoColumns || (rightOnly && column)) {
        paragraphs.flush();
        column ??= { left: [], right: [] };
        if (twoColumns) column.left.push(cells[0]!.text);
        column.right.push(cells.at(-1)!.text);
        continue;
      }
      flushColumn();
      if (cells.length >= 3) {
        paragraphs.flush();
        table = { xs: cells.map((c) => c.x), cells: cells.map((c) => c.text) };
        continue;
      }
      if (cells.length === 1) paragraphs.add(line);
      else {
        paragraphs.flush();
        out.push(cells.map((c) => c.text).join(' '));
      }
    }
  }
  flushTable();
  flushColumn();
  paragraphs.flush();
  return out;
}
