/**
 * The simulator's Excel tables (ListObjects): worksheet.tables.add(range or address, hasHeaders),
 * a table's name and style, and the workbook's table collection (load "items/name"). Excel's rules
 * are enforced: names unique in the workbook (case-insensitive), start with a letter or
 * underscore, no spaces; a table never overlaps another; headers become unique text.
 */
import { overlaps, parseRange } from "./a1";
import { invalidArgument, SimClientObject } from "./simBase";
import type { SimRange, SimRequestContext } from "./excelSimulator";
import type { SimSheet, SimTable } from "./workbookModel";

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;

/** Excel.TableCollection of a worksheet (add only) or, with no sheet, of the workbook (load). */
export class SimTableCollection extends SimClientObject {
  protected readonly entity = "TableCollection";
  protected readonly scalars: readonly string[] = ["count"];

  constructor(
    context: SimRequestContext,
    private readonly sheet?: () => SimSheet
  ) {
    super(context);
  }

  private all(): SimTable[] {
    const sheets = this.sheet ? [this.sheet()] : this.context.book.sheets;
    return sheets.flatMap((s) => s.tables);
  }

  protected fetch(): unknown {
    return this.all().length;
  }

  /** The tables, after load("items/name") and a sync. */
  get items(): SimTableObject[] {
    return this.fetchedValue("items");
  }

  protected override loadNavigation(head: string, rest: string): void {
    const sub = head === "items" ? rest : head;
    this.context.enqueue(() => {
      const items = this.all().map((t) => new SimTableObject(this.context, () => t));
      for (const item of items) item.loadNow(sub || undefined);
      this.preset("items", items);
    });
  }

  /**
   * Adds a table over a range (or an A1 address on this sheet) whose first row is the header:
   * empty headers become "Column1", "Column2", …, repeats get a number, as in Excel. (Without
   * headers Excel inserts a header row; the add-in never asks for that, the simulator refuses.)
   */
  add(address: SimRange | string, hasHeaders: boolean): SimTableObject {
    if (!this.sheet) throw invalidArgument("add tables through a worksheet's tables");
    if (!hasHeaders) throw invalidArgument("the simulator makes tables with headers only");
    const sheetOf = this.sheet;
    let made: SimTable | undefined;
    const table = new SimTableObject(this.context, () => {
      if (!made) throw invalidArgument("the table was not added", "TableCollection.add");
      return made;
    });
    this.context.enqueue(() => {
      const target =
        typeof address === "string"
          ? { sheet: sheetOf(), rect: parseRange(address) }
          : address.locate();
      const rect = target.rect;
      if (!rect) throw invalidArgument(`not an A1 range: "${address}"`, "TableCollection.add");
      if (target.sheet !== sheetOf()) {
        throw invalidArgument("the range is on another sheet", "TableCollection.add");
      }
      const book = this.context.book;
      if (
        book.sheets.some((s) =>
          s.tables.some((t) => t.sheet === target.sheet && overlaps(t.rect, rect))
        )
      ) {
        throw invalidArgument("A table can't overlap another table.", "TableCollection.add");
      }
      const seen = new Set<string>();
      for (let c = 0; c < rect.columnCount; c++) {
        const cell = target.sheet.cellForWrite(rect.row, rect.column + c);
        let header = cell.value === "" ? `Column${c + 1}` : String(cell.value);
        for (let k = 2; seen.has(header.toLowerCase()); k++) header = `${cell.value}${k}`;
        seen.add(header.toLowerCase());
        cell.value = header;
        cell.formula = undefined;
      }
      let n = 1;
      while (book.tableNamed(`Table${n}`)) n++;
      made = { name: `Table${n}`, sheet: target.sheet, rect, style: "TableStyleMedium2" };
      target.sheet.tables.push(made);
      book.changed("cells", target.sheet);
    });
    return table;
  }
}

/** Excel.Table: name (unique in the workbook) and style. */
export class SimTableObject extends SimClientObject {
  protected readonly entity = "Table";
  protected readonly scalars: readonly string[] = ["name", "style"];

  constructor(
    context: SimRequestContext,
    private readonly table: () => SimTable
  ) {
    super(context);
  }

  /** Fills in properties at once (a collection's load, already inside a sync). */
  loadNow(path?: string): void {
    for (const name of path === undefined ? this.scalars : [path]) {
      if (!this.scalars.includes(name)) {
        throw invalidArgument(`The property '${name}' cannot be loaded on Table.`);
      }
      this.preset(name, this.fetch(name));
    }
  }

  protected fetch(name: string): unknown {
    const t = this.table();
    return name === "name" ? t.name : t.style;
  }

  get name(): string {
    return this.fetchedValue("name");
  }

  set name(value: string) {
    this.setProperty("name", value, () => {
      const t = this.table();
      const other = this.context.book.tableNamed(value);
      if (!TABLE_NAME.test(value) || /^[A-Za-z]{1,3}\d+$/.test(value) || /^[rc]$/i.test(value)) {
        throw invalidArgument(`"${value}" is not a valid table name`, "Table.name");
      }
      if (other && other !== t) {
        throw invalidArgument(`A table named "${value}" already exists.`, "Table.name");
      }
      t.name = value;
    });
  }

  get style(): string {
    return this.fetchedValue("style");
  }

  set style(value: string) {
    this.setProperty("style", value, () => {
      this.table().style = value;
      this.context.book.changed("cells", this.table().sheet);
    });
  }
}
