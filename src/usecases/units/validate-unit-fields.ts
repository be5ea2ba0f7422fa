import type { UnitCategory, UnitSource } from '../../domain/registry/unit-rules.ts';
import { duplicateKey } from '../../domain/registry/unit-rules.ts';
import { isKnownCountyCode } from '../../domain/registry/divisions.ts';
import { checkPhone } from '../../domain/registry/phone.ts';
import { checkUscc } from '../../domain/uscc.ts';
import { DomainError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { activeDictionaryCodes, type DictionaryKind } from '../../db/dictionary-queries.ts';

/** The editable fields of a unit after the HTTP boundary (see UnitFields in src/contracts/units.ts). */
export type UnitFieldValues = {
  name: string;
  uscc: string;
  registeredAddress?: string | null | undefined;
  address?: string | null | undefined;
  districtCode?: string | null | undefined;
  street?: string | null | undefined;
  community?: string | null | undefined;
  category: UnitCategory;
  isCrowded: boolean;
  isFlammable: boolean;
  isHighRise: boolean;
  industry?: string | null | undefined;
  buildingScale?: string | null | undefined;
  riskLevel?: string | null | undefined;
  creditLevel?: string | null | undefined;
  tags: string[];
  legalRepresentative?: string | null | undefined;
  contactName?: string | null | undefined;
  contactPhone?: string | null | undefined;
  safetyOwner?: string | null | undefined;
  safetyManager?: string | null | undefined;
  source: UnitSource;
};

const DICTIONARY_FIELDS: [keyof UnitFieldValues, DictionaryKind, string][] = [
  ['industry', 'industry', '行业'],
  ['buildingScale', 'building_scale', '建筑规模'],
  ['riskLevel', 'risk_level', '风险等级'],
  ['creditLevel', 'credit_level', '信用等级'],
];

const invalid = (field: string, message: string) => new DomainError('VALIDATION_FAILED', message, { field });

/**
 * Applies the registry rules the HTTP schema cannot: the credit-code check character (mandatory;
 * the GB 11714 check only warns), a known county code, dictionary codes, a phone number that dials.
 * Returns the values to store (normalised code and phone, the duplicate key) and the warnings.
 */
export async function validateUnitFields(db: DbOrTx, input: UnitFieldValues) {
  const uscc = checkUscc(input.uscc);
  if (!uscc.valid) throw invalid('uscc', `统一社会信用代码：${uscc.errors[0]}`);
  if (input.districtCode && !isKnownCountyCode(input.districtCode, { allowRetired: true })) {
    throw invalid('districtCode', `行政区划：「${input.districtCode}」不是有效的县级行政区划代码`);
  }
  const dictionaries = await activeDictionaryCodes(db);
  for (const [field, kind, label] of DICTIONARY_FIELDS) {
    const value = input[field];
    if (typeof value === 'string' && !dictionaries.get(kind)?.has(value)) throw invalid(field, `${label}：「${value}」不在字典中`);
  }
  const tags = [...new Set(input.tags)];
  const unknownTag = tags.find((t) => !dictionaries.get('special_tag')?.has(t));
  if (unknownTag) throw invalid('tags', `标签：「${unknownTag}」不在字典中`);
  let contactPhone = input.contactPhone ?? null;
  if (contactPhone) {
    const phone = checkPhone(contactPhone);
    if (!phone.valid) throw invalid('contactPhone', `联系电话：${phone.errors[0]}`);
    contactPhone = phone.normalized;
  }
  const values = {
    ...input,
    uscc: uscc.normalized,
    tags,
    contactPhone,
    // isHighRise and the 高层建筑 tag say the same thing; keep them consistent.
    duplicateKey: duplicateKey(input.name, input.address ?? null),
  };
  return { values, warnings: uscc.warnings };
}
