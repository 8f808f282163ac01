import type { ProgramReport } from '../application/get-program-report.use-case';
import { csvField, reportCsv } from './report-csv';

describe('csvField', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","x")', `"'=HYPERLINK(""https://evil.example"",""x"")"`],
    ['+1+cmd|calc', "'+1+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['-1', "'-1"],
  ])('neutralises the text %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('keeps figures as written, negative ones included, and ordinary texts as they are', () => {
    expect([csvField(-0.5), csvField(-12), csvField(0), csvField(4.25)]).toEqual(['-0.5', '-12', '0', '4.25']);
    expect([csvField('no_first_session:12>4'), csvField('2026-03-01'), csvField(null), csvField(true)]).toEqual(['no_first_session:12>4', '2026-03-01', '', 'true']);
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
  });
});

describe('reportCsv', () => {
  it('neutralises every cell of a table, whatever its column', () => {
    const pair = {
      matchId: '=1+1',
      mentorId: '@mentor',
      menteeId: '+mentee',
      acceptedAt: '2026-03-01T00:00:00.000Z',
      active: true,
      lastSessionAt: null,
      sessionsHeld: 2,
      averageRating: -1.5,
      atRisk: false,
      reasons: [{ code: '-x', observed: 3, threshold: 2 }],
    };
    const csv = reportCsv({ pairs: [pair] } as unknown as ProgramReport, 'pairs');
    expect(csv.split('\r\n')[1]).toBe("'=1+1,'@mentor,'+mentee,2026-03-01T00:00:00.000Z,true,,2,-1.5,false,'-x:3>2");
  });
});
