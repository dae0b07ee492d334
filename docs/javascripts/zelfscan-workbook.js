/*
 * Zelfscan workbook: lays out the workbook model (zelfscan-workbook-model.js) as a real .xlsx file with
 * ExcelJS, in the browser. ExcelJS (MIT, vendored from npm as published: vendor/exceljs.bare.min.js, the
 * bundle without polyfills for older browsers) is chosen because it writes everything a colleague's
 * workbook needs from one API: several sheets, column widths, wrapped text, a drop-down list (data
 * validation), print setup (landscape, fit to the page's width, header rows repeated on every page) and
 * hyperlinks; SheetJS's npm release is old and its free edition writes no styles or print setup, and the
 * small writers (write-excel-file and the like) have no data validation or print titles.
 * The library is large (about 0.9 MB), so it is loaded from this site only when the button is pressed,
 * through a script element (the bundle is UMD and sets globalThis.ExcelJS); never at page load.
 */
import { h } from "./dom.js";
import { BASE } from "./zelfscan-view.js";

export const LIBRARY = "javascripts/vendor/exceljs.bare.min.js";
export const MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let loading = null;

/** ExcelJS, loaded once, the first time a workbook is made. */
function excelJs() {
  if (globalThis.ExcelJS) return Promise.resolve(globalThis.ExcelJS);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = h("script", { src: `${BASE}${LIBRARY}` });
      script.addEventListener("load", () => resolve(globalThis.ExcelJS));
      script.addEventListener("error", () => {
        loading = null; // a later press tries again
        script.remove();
        reject(new Error("ExcelJS"));
      });
      document.head.append(script);
    });
  }
  return loading;
}

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7EEF4" } };
const TOP_WRAPPED = { vertical: "top", wrapText: true };
const LINK_FONT = { color: { argb: "FF0563C1" }, underline: true };

function cellValue(cell) {
  if (cell && typeof cell === "object") return { text: cell.text, hyperlink: cell.url };
  return cell === undefined ? null : cell;
}

/** One sheet of the model: the intro lines, the header row and the rows, set up to work in and print. */
function addSheet(workbook, sheet) {
  const headerRow = sheet.intro.length ? sheet.intro.length + 2 : 1;
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: "frozen", ySplit: headerRow }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });
  sheet.columns.forEach((column, index) => {
    worksheet.getColumn(index + 1).width = column.width;
  });
  sheet.intro.forEach(([label, value], index) => {
    const row = worksheet.getRow(index + 1);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = TOP_WRAPPED;
    row.getCell(2).value = cellValue(value);
    row.getCell(2).alignment = TOP_WRAPPED;
    if (value && typeof value === "object") row.getCell(2).font = LINK_FONT;
  });
  const header = worksheet.getRow(headerRow);
  header.values = sheet.columns.map((column) => column.header);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = TOP_WRAPPED;
  });
  sheet.rows.forEach((cells, index) => {
    const row = worksheet.getRow(headerRow + 1 + index);
    cells.forEach((cell, column) => {
      const target = row.getCell(column + 1);
      target.value = cellValue(cell);
      target.alignment = TOP_WRAPPED;
      if (cell && typeof cell === "object") target.font = LINK_FONT;
    });
  });
  // One validation for the whole range: given cell by cell, ExcelJS 4.4.0 merges them into overlapping
  // ranges (it sorts "M10" before "M2"), which Excel then offers to repair.
  for (const list of sheet.lists) {
    const letter = worksheet.getColumn(list.column + 1).letter;
    worksheet.dataValidations.add(`${letter}${headerRow + 1}:${letter}${headerRow + list.rows}`, {
      type: "list",
      allowBlank: true,
      formulae: [`"${list.values.join(",")}"`],
    });
  }
  worksheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + Math.max(sheet.rows.length, 1), column: sheet.columns.length },
  };
}

/** The .xlsx file of a workbook model, as a Blob. */
export async function workbookBlob(model) {
  const ExcelJS = await excelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Infobox Werken aan Veiligheid";
  for (const sheet of model.sheets) addSheet(workbook, sheet);
  return new Blob([await workbook.xlsx.writeBuffer()], { type: MIME });
}
