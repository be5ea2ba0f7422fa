import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CreateAccountRequest, UpdateAccountRequest } from '../contracts/accounts.ts';
import { HolidayDayInput } from '../contracts/calendar.ts';
import {
  HOSTILE_DATES,
  HOSTILE_TEXT,
  issueMessages,
  LINE_BREAKS,
  NAMES_THE_FIELD,
  SPOOFING,
  stringLeaves,
  ZERO_WIDTH,
} from '../contracts/contract-test-helpers.ts';
import { FreezeDrawRequest } from '../contracts/draws.ts';
import { UploadUnitsQuery } from '../contracts/imports.ts';
import { CreateInspectorRequest, SaveExternalPersonRequest } from '../contracts/inspectors.ts';
import { CreateOrgRequest, SaveCollaborationZoneRequest, UpdateOrgRequest } from '../contracts/orgs.ts';
import { CampaignRequest, CreateAnnualPlanRequest, StratumRuleInput } from '../contracts/plans.ts';
import { CreateUnitRequest, UpdateUnitRequest } from '../contracts/units.ts';

/*
 * The server reads every request through a contract (src/contracts, decision 0015). These sweep all of them at once,
 * found by listing the directory, so a contract added later is covered without editing this file. (They live here,
 * not beside the contracts, because listing a directory needs Node and the web type-checks src/contracts.)
 */

const CONTRACTS_DIR = path.resolve(import.meta.dirname, '../contracts');

/** Every request schema every contract module exports, by 「file: export」 (what the server answers is not input). */
async function everyContractSchema(): Promise<[string, z.ZodType][]> {
  const files = fs
    .readdirSync(CONTRACTS_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'contract-test-helpers.ts');
  const found: [string, z.ZodType][] = [];
  for (const file of files) {
    const module = (await import(path.join(CONTRACTS_DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (value !== null && typeof value === 'object' && '_zod' in value && !name.endsWith('Response'))
        found.push([`${file}: ${name}`, value as z.ZodType]);
    }
  }
  return found;
}

describe('every contract', () => {
  it('refuses NUL, lone surrogates and control characters in every string it reads, and dates out of range', async () => {
    const schemas = await everyContractSchema();
    expect(schemas.length).toBeGreaterThan(60);
    const accepted: string[] = [];
    for (const [name, schema] of schemas) {
      for (const leaf of stringLeaves(schema)) {
        const format = (leaf.schema as unknown as { _zod: { def: { format?: string } } })._zod.def.format;
        for (const bad of format === 'date' ? [...HOSTILE_TEXT, ...HOSTILE_DATES] : HOSTILE_TEXT) {
          if (leaf.schema.safeParse(bad).success) accepted.push(`${name} ${leaf.at} = ${JSON.stringify(bad)}`);
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('refuses bidi controls, zero-width characters and line breaks in the names of units, people, accounts, orgs, observers and published plans', () => {
    const observers = FreezeDrawRequest.shape.observers.element.shape;
    const names: [string, z.ZodType][] = [
      ['单位名称', CreateUnitRequest.shape.name],
      ['单位名称 (update)', UpdateUnitRequest.shape.name],
      ['法定代表人', CreateUnitRequest.shape.legalRepresentative],
      ['联系人', CreateUnitRequest.shape.contactName],
      ['消防安全责任人', CreateUnitRequest.shape.safetyOwner],
      ['消防安全管理人', CreateUnitRequest.shape.safetyManager],
      ['检查人员姓名', CreateInspectorRequest.shape.name],
      ['专家姓名', SaveExternalPersonRequest.shape.name],
      ['专家工作单位', SaveExternalPersonRequest.shape.organization],
      ['账号姓名', CreateAccountRequest.shape.displayName],
      ['账号姓名 (update)', UpdateAccountRequest.shape.displayName],
      ['机构名称', CreateOrgRequest.shape.name],
      ['机构简称', CreateOrgRequest.shape.shortName],
      ['机构名称 (update)', UpdateOrgRequest.shape.name],
      ['协作区名称', SaveCollaborationZoneRequest.shape.name],
      ['监督人姓名', observers.name],
      ['计划名称', CreateAnnualPlanRequest.shape.name],
      ['专项检查名称', CampaignRequest.shape.name],
      ['分层名称', StratumRuleInput.shape.name],
      ['节日名称', HolidayDayInput.shape.name],
      ['文件名', UploadUnitsQuery.shape.fileName],
    ];
    const wrong: string[] = [];
    for (const [label, schema] of names) {
      if (!schema.safeParse('阿依古丽·买买提').success) wrong.push(`${label} refuses an ordinary name`);
      for (const c of [...SPOOFING, ...ZERO_WIDTH, ...LINE_BREAKS]) {
        const messages = issueMessages(schema, `张${c}三`);
        if (messages.length === 0) wrong.push(`${label} accepts U+${c.codePointAt(0)!.toString(16).toUpperCase()}`);
        else if (!messages.every((m) => NAMES_THE_FIELD.test(m))) wrong.push(`${label}: ${messages.join(' / ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
