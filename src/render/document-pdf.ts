import type { DocumentContent } from '../domain/documents/document-types.ts';

/** One document as printed: its content, hash and status (a voided document prints with a 「作废」 mark). */
export type PrintableDocument = { content: DocumentContent; contentHash: string; voided: boolean };

/**
 * Renders documents as one A4 PDF (a batch prints each document from a new page), Chinese font embedded and subset to
 * the glyphs used. `publicBaseUrl` makes the QR code's link: <publicBaseUrl>/portal/documents/<checkCode>.
 * (Stub: the renderer lands with the rendering work of issue 14.)
 */
export async function renderDocumentsPdf(docs: readonly PrintableDocument[], options: { publicBaseUrl: string }): Promise<Uint8Array> {
  void docs;
  void options;
  throw new Error('renderDocumentsPdf: not implemented yet');
}
