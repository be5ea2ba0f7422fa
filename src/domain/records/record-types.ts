/** One checklist line as it stood when a record was made: the check-item version, the line's code and texts. */
export type SnapshotLine = {
  versionId: string;
  itemCode: string;
  itemName: string;
  version: number;
  code: string;
  text: string;
  basis: string | null;
};

/** What an inspection record was made against (decision 0020: the texts are copied, never looked up later). */
export type RecordSnapshot = { lines: SnapshotLine[] };
