import { readFile } from 'node:fs/promises';
import { type BytesVerification, verifyBundleBytes } from '../domain/draw/bundle-bytes.ts';
import { CliError } from './args.ts';

/**
 * `draw-verify <bundle.json> [--result-hash HEX]`: recomputes a published draw offline from its bundle alone
 * (no database) and prints every check. Exit 0 when all pass, 1 otherwise.
 */
export async function runVerifyDraw(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) throw new CliError('请给出结果包路径：npm run cli -- draw-verify <bundle.json> [--result-hash 哈希]');
  const hashIndex = argv.indexOf('--result-hash');
  const resultHash = hashIndex >= 0 ? argv[hashIndex + 1] : undefined;
  let verified: BytesVerification;
  try {
    // From the bytes: the portal's JCS text is hashed as it is; any other JSON text of a bundle is parsed in full.
    verified = verifyBundleBytes(await readFile(file), resultHash ? { resultHash } : {});
  } catch (e) {
    throw new CliError(`无法读取结果包 ${file}：${e instanceof Error ? e.message : String(e)}`);
  }
  const { verification, bundle } = verified;
  for (const c of verification.checks) console.log(`${c.ok ? '✓' : '✗'} ${c.label} (${c.name})：${c.detail}`);
  console.log(verification.ok ? `验证通过 / verified: ${bundle.manifest?.drawId ?? ''} resultHash ${verification.resultHash}` : '验证失败 / verification FAILED');
  return verification.ok ? 0 : 1;
}
