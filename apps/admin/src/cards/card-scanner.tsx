import { Alert, Button } from '@unionhall/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Whether this browser can read QR codes itself (the Shape Detection API). */
export function canScan(): boolean {
  return (
    typeof BarcodeDetector !== 'undefined' &&
    typeof navigator.mediaDevices?.getUserMedia === 'function'
  );
}

/**
 * The camera, reading QR codes until one is found. Uses the browser's own BarcodeDetector,
 * so no decoder is downloaded; browsers without it use the text field instead.
 */
export function CardScanner({
  onCode,
  onClose,
}: {
  onCode: (code: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const Detector = typeof BarcodeDetector === 'undefined' ? undefined : BarcodeDetector;
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const detector = new Detector({ formats: ['qr_code'] });

    const look = async () => {
      const element = video.current;
      if (!live || !element) return;
      if (element.readyState >= 2) {
        const found = await detector.detect(element).catch(() => []);
        const code = found[0]?.rawValue;
        if (code && live) {
          onCode(code);
          return;
        }
      }
      timer = setTimeout(() => void look(), 250);
    };

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        stream = media;
        if (!live || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        void look();
      })
      .catch(() => {
        if (live) setFailed(true);
      });

    return () => {
      live = false;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onCode]);

  return (
    <div className="verify-card__scanner">
      {failed ? (
        <Alert tone="warning">{t('verifyCard.cameraFailed')}</Alert>
      ) : (
        <video
          ref={video}
          className="verify-card__video"
          muted
          playsInline
          aria-label={t('verifyCard.cameraView')}
        />
      )}
      <Button size="sm" onClick={onClose}>
        {t('verifyCard.stopCamera')}
      </Button>
    </div>
  );
}
