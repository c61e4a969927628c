import { encode } from 'uqr';
import { useMemo } from 'react';

/**
 * A QR code drawn as one inline SVG path (no script or style injected, so the CSP holds).
 * The encoder ships with the card page's own chunk, so the first download stays small.
 */
export function QrCode({
  value,
  label,
  className,
}: {
  value: string;
  label: string;
  className?: string;
}) {
  const qr = useMemo(() => {
    // Low error correction: a code on a lit screen is not torn or smudged like paper, and
    // fewer, larger modules scan more easily from a cracked or dim phone screen.
    const { data, size } = encode(value, { ecc: 'L', border: 2 });
    let path = '';
    data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) path += `M${x} ${y}h1v1h-1z`;
      }),
    );
    return { size, path };
  }, [value]);

  return (
    <svg
      className={className}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
