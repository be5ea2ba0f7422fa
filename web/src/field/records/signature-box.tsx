import { useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import { Button } from '../components/ui.tsx';

/**
 * A handwriting pad (signature_pad) sized to the device's pixels; 「确认签名」 hands the PNG data URL up. The pad is
 * cleared after each confirmation: the stored image is what counts.
 */
export function SignatureBox({ label, onConfirm, disabled }: { label: string; onConfirm: (pngDataUrl: string) => Promise<void>; disabled?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const resize = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const data = pad.current?.toData();
      element.width = element.offsetWidth * ratio;
      element.height = element.offsetHeight * ratio;
      element.getContext('2d')?.scale(ratio, ratio);
      pad.current?.clear();
      if (data && pad.current) pad.current.fromData(data);
    };
    pad.current = new SignaturePad(element, { penColor: '#111', minWidth: 0.8, maxWidth: 2.6, backgroundColor: 'rgba(255,255,255,0)' });
    pad.current.addEventListener('endStroke', () => setEmpty(pad.current?.isEmpty() ?? true));
    resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      pad.current?.off();
      pad.current = null;
    };
  }, []);

  return (
    <div className="signature-box">
      <canvas ref={canvas} className="signature-canvas" aria-label={`${label}签名区`} role="img" />
      <div className="signature-actions">
        <Button
          onClick={() => {
            pad.current?.clear();
            setEmpty(true);
          }}
          disabled={empty || busy}
        >
          重写
        </Button>
        <Button
          kind="primary"
          disabled={empty || busy || disabled}
          onClick={async () => {
            if (!pad.current || pad.current.isEmpty()) return;
            setBusy(true);
            try {
              await onConfirm(pad.current.toDataURL('image/png'));
              pad.current?.clear();
              setEmpty(true);
            } finally {
              setBusy(false);
            }
          }}
        >
          确认{label}签名
        </Button>
      </div>
    </div>
  );
}
