/**
 * Masking for publication (decision 0024; docs/publication.md): the portal publishes the organisation and
 * minimises the person. Pure string functions the public presenters apply to every text they publish:
 * - a mobile number 138****5678, a landline 0579-****5678;
 * - an ID number 1101**********1234;
 * - a bank account (12–19 digits) ****5678;
 * - a natural person's name 张* (the first character kept), unless the policy publishes the punished party's name.
 * The field-by-field masks (a phone, an ID number, a person's name) are the registry's (src/domain/registry/masking.ts);
 * `maskText` finds the numbers inside free text. Names inside free text cannot be found by pattern, which is why the
 * published hazards use the checklist's standard wording and never the inspector's description.
 */
import { maskPersonName } from '../registry/masking.ts';

const MOBILE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;
const ID_NUMBER = /(?<![\dA-Za-z])(\d{4})(\d{10})(\d{3}[\dXx])(?![\dA-Za-z])/g;
const LANDLINE = /(?<!\d)(0\d{2,3})([-－ ]?)(\d{3,4})(\d{4})(?!\d)/g;
const LONG_DIGITS = /(?<!\d)(\d{8,15})(\d{4})(?!\d)/g;

/** Every ID number, mobile and landline number and long digit run (a bank account) inside a text, masked. */
export function maskText(text: string): string {
  return text
    .replace(ID_NUMBER, (_m, a: string, b: string, c: string) => `${a}${'*'.repeat(b.length)}${c}`)
    .replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
    .replace(LANDLINE, (_m, area: string, sep: string, mid: string, last: string) => `${area}${sep}${'*'.repeat(mid.length)}${last}`)
    .replace(LONG_DIGITS, (_m, head: string, last: string) => `${'*'.repeat(head.length)}${last}`);
}

/** The punished party's name as published: an organisation's in full; a person's in full only where policy allows. */
export function publishedPartyName(party: { kind: 'organisation' | 'person'; name: string }, publishPersonName: boolean): string {
  if (party.kind === 'organisation') return maskText(party.name);
  return publishPersonName ? maskText(party.name) : maskPersonName(party.name);
}
