import { canonicalJson } from '../canonical-json.ts';
import { sha256Hex } from '../crypto/sha256.ts';
import type { RecordBody } from '../../contracts/field.ts';

/**
 * The body hash of an inspection record (decision 0020): SHA-256, lower-case hex, of the RFC 8785 canonical JSON of
 * the body. The device computes the same over the same body before anyone signs; every signature carries it, so a
 * change after signing shows as a signature over another hash. Key order and Unicode normalisation do not matter.
 */
export function recordBodyHash(body: RecordBody): string {
  return sha256Hex(canonicalJson(body));
}

/** The hash of a whole submission (body, signatures, correction): the same record id with another one is refused. */
export function submissionHash(submission: { body: RecordBody; signatures: unknown; corrects: unknown }): string {
  return sha256Hex(canonicalJson({ body: submission.body, signatures: submission.signatures, corrects: submission.corrects }));
}
