/** The units import's fields as the generic column-mapping rules see them. */
import type { ImportFieldSpec } from './column-mapping.ts';
import {
  REQUIRED_UNIT_IMPORT_FIELDS,
  UNIT_IMPORT_FIELD_LABELS,
  UNIT_IMPORT_FIELDS,
  type UnitImportField,
} from './unit-import-fields.ts';

export const UNIT_IMPORT_SPEC: ImportFieldSpec<UnitImportField> = {
  fields: UNIT_IMPORT_FIELDS,
  labels: UNIT_IMPORT_FIELD_LABELS,
  required: REQUIRED_UNIT_IMPORT_FIELDS,
};
