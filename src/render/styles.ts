/** How each named cell style looks, shared by the Office.js and exceljs renderers. */
import { CellStyle } from "../core/report/sheetModel";

export interface StyleLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** Font colour, #RRGGBB. */
  color?: string;
  /** Fill colour, #RRGGBB. */
  fill?: string;
}

export const STYLE_LOOKS: Readonly<Record<CellStyle, StyleLook>> = {
  title: { bold: true, size: 14, color: "#0B5345" },
  subtitle: { italic: true, color: "#595959" },
  section: { bold: true, color: "#FFFFFF", fill: "#117A65" },
  header: { bold: true, fill: "#D0ECE7" },
  label: { bold: false },
  total: { bold: true, fill: "#F2F3F4" },
  note: { italic: true, color: "#595959" },
  warning: { bold: true, color: "#9C0006", fill: "#FFC7CE" },
};
