/**
 * The choices the profile offers, named in the reader's language by the
 * browser (`Intl.DisplayNames`). The service checks the codes; these lists
 * only spare the person from typing them.
 */

/** ISO 3166-1 alpha-2, the codes the service accepts for a country (the browser also names regions that are not countries). */
const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

type Option = { value: string; label: string };

function named(codes: readonly string[], name: (code: string) => string, language: string): Option[] {
  return codes.map((code) => ({ value: code, label: name(code) })).sort((a, b) => a.label.localeCompare(b.label, language));
}

export function countryOptions(language: string): Option[] {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  return named(COUNTRY_CODES, (code) => names.of(code) ?? code, language);
}

/** A language's name as a heading would write it ("Anglais", not "anglais"). */
export function languageName(code: string, language: string): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

export function languageOptions(codes: readonly string[], language: string): Option[] {
  return named(codes, (code) => languageName(code, language), language);
}

/** The zones the browser knows, and the person's own even if it is an alias the browser does not list. */
export function timeZoneOptions(current: string | null): Option[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  if (current) zones.add(current);
  return [...zones].sort().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}
