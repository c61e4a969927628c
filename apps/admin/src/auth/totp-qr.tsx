import { useEffect, useState } from 'react';

/**
 * The otpauth link as a QR code for an authenticator app, drawn as an inline SVG path (no
 * script or style injected, so the CSP holds). The encoder loads only on the enrolment page.
 */
export function TotpQr({ uri, label }: { uri: string; label: string }) {
  const [qr, setQr] = useState<{ size: number; path: string } | null>(null);

  useEffect(() => {
    let live = true;
    void import('uqr').then(({ encode }) => {
      const { data, size } = encode(uri, { ecc: 'M', border: 2 });
      let path = '';
      data.forEach((row, y) =>
        row.forEach((dark, x) => {
          if (dark) path += `M${x} ${y}h1v1h-1z`;
        }),
      );
      if (live) setQr({ size, path });
    });
    return () => {
      live = false;
    };
  }, [uri]);

  if (!qr) return <div className="auth__qr" aria-hidden="true" />;
  return (
    <svg
      className="auth__qr"
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
