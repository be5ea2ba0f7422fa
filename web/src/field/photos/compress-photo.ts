import { sha256Hex } from '../lib/hash.ts';
import { encodeUnder, fitWithin } from './photo-size.ts';

export type CompressedPhoto = {
  bytes: ArrayBuffer;
  mime: 'image/jpeg';
  sha256: string;
  width: number;
  height: number;
  quality: number;
  thumb: string;
};

const THUMB_SIDE = 240;

function toBlob(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('图片编码失败'))), type, quality),
  );
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    // The camera's EXIF orientation applied, so a photo taken upright is stored upright.
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return createImageBitmap(file);
  }
}

/**
 * Shrinks a camera photo on the device (field rule 6): longest side at most 2,000 px, JPEG at the highest
 * quality that stays under 500 KB, hashed with SHA-256; a 240-px thumbnail for the screen. Decoding uses
 * createImageBitmap (not an <img> with a blob: URL, which the page's content policy forbids).
 */
export async function compressPhoto(file: Blob): Promise<CompressedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await decode(file);
  } catch {
    throw new Error('无法读取这张照片：请重新拍摄（只支持 JPEG、PNG、WebP、HEIC 等常见照片格式）');
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('此浏览器无法处理照片');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const { result, quality } = await encodeUnder((q) => toBlob(canvas, 'image/jpeg', q));
    const bytes = await result.arrayBuffer();

    const thumbSize = fitWithin(size.width, size.height, THUMB_SIDE);
    const thumbCanvas = document.createElement('canvas');
    thumbCanvas.width = thumbSize.width;
    thumbCanvas.height = thumbSize.height;
    thumbCanvas.getContext('2d')?.drawImage(canvas, 0, 0, thumbSize.width, thumbSize.height);
    const thumb = thumbCanvas.toDataURL('image/jpeg', 0.7);
    canvas.width = 0;
    canvas.height = 0;
    return { bytes, mime: 'image/jpeg', sha256: await sha256Hex(bytes), width: size.width, height: size.height, quality, thumb };
  } finally {
    bitmap.close();
  }
}

/** The bytes of a `data:…;base64,` URL (a signature drawn on the canvas). */
export function bytesOfDataUrl(dataUrl: string): ArrayBuffer {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}
