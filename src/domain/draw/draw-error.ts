/**
 * Why a draw cannot be computed. A closed union like `DomainError`'s (../errors.ts); the draw use case maps
 * INVALID_MANIFEST and INVALID_INPUTS to VALIDATION_FAILED and UNFILLED to CONFLICT.
 *
 * - INVALID_MANIFEST: `validateManifest` found problems (in `details.problems`).
 * - INVALID_INPUTS: the reveals or external values do not match the manifest's observers and references.
 * - UNFILLED: a task found nobody to draw for a role (§6 step 1); `details` names the unit, role and slot.
 */
export type DrawErrorCode = 'INVALID_MANIFEST' | 'INVALID_INPUTS' | 'UNFILLED';

export class DrawError extends Error {
  readonly code: DrawErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DrawErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DrawError';
    this.code = code;
    this.details = details;
  }
}

export function isDrawError(e: unknown): e is DrawError {
  return e instanceof DrawError;
}
