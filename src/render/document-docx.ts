import type { PrintableDocument } from './document-pdf.ts';

/**
 * Renders one document as .docx for offices that edit (East Asian font set), with the same content, QR code and hash
 * line as the PDF. (Stub: the renderer lands with the rendering work of issue 14.)
 */
export async function renderDocumentDocx(doc: PrintableDocument, options: { publicBaseUrl: string }): Promise<Uint8Array> {
  void doc;
  void options;
  throw new Error('renderDocumentDocx: not implemented yet');
}
