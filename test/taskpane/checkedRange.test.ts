/** The checked range in words, and a range that is part of a larger block. */
import { describeChecked, partialRange } from "../../src/taskpane/checkedRange";

describe("partialRange", () => {
  const range = { originRow: 1, originColumn: 0, rows: 150, columns: 12 };
  it("says where the current region goes beyond the range", () => {
    expect(
      partialRange(range, {
        address: "Holdings!A1:L301",
        rowIndex: 0,
        columnIndex: 0,
        rowCount: 301,
        columnCount: 12,
      })
    ).toBe("the data continues below row 150 to row 301");
    expect(
      partialRange(
        { originRow: 3, originColumn: 1, rows: 10, columns: 2 },
        { address: "S!A2:D12", rowIndex: 1, columnIndex: 0, rowCount: 11, columnCount: 4 }
      )
    ).toBe(
      "the data starts above row 3, at row 2; the data continues right of column C to column D; " +
        "the data starts left of column B, at column A"
    );
  });

  it("is empty when the range is the whole region", () => {
    const whole = {
      address: "H!A1:L150",
      rowIndex: 0,
      columnIndex: 0,
      rowCount: 150,
      columnCount: 12,
    };
    expect(partialRange(range, whole)).toBe("");
  });
});

test("describeChecked: address, rows and the time of the check", () => {
  const at = new Date(2025, 0, 2, 14, 2, 30);
  const text = describeChecked({
    address: "Holdings!A1:L301",
    rows: 300,
    usable: 300,
    at,
    settlement: 45659,
    partial: "",
    extent: { originRow: 1, originColumn: 0, rows: 301, columns: 12 },
    exclusion: {
      rows: [],
      summary: {
        rowsChecked: 300,
        inTotals: 300,
        leftOut: 0,
        leftOutValue: 0,
        unknownValues: 0,
        bookValue: 1,
        share: 0,
      },
      currency: "USD",
    },
  });
  expect(text).toBe("Holdings!A1:L301, 300 rows, checked 14:02");
});
