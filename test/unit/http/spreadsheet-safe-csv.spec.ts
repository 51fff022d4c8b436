import { expect } from 'chai';
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafeCsv } from '../../../resource-provider/http/spreadsheet-safe-csv';

describe('CSV an admin opens in a spreadsheet', () => {
  // The CSV of one row, against csv-stringify's own of the cells expected.
  const csvOf = (row: (string | number)[]) => spreadsheetSafeCsv([row]);

  it('shows a cell a spreadsheet would run as a formula as its text', () => {
    expect(csvOf(['=HYPERLINK("http://x.example","pay")', '+1+2', '-2+3', '@SUM(A1:A9)', '\tx', '\rx'])).to.equal(stringify([[
      `'=HYPERLINK("http://x.example","pay")`, "'+1+2", "'-2+3", "'@SUM(A1:A9)", "'\tx", "'\rx",
    ]]));
  });

  it('leaves amounts, negative ones too, as numbers, and other text as it is', () => {
    expect(csvOf(['-5.00', '-12', '26.20', 0, 3, 'Plan base fee', 'a=b', ''])).to.equal('-5.00,-12,26.20,0,3,Plan base fee,a=b,\n');
  });
});
