/**
 * The Shape Detection API's BarcodeDetector (Chromium on Android and ChromeOS, Safari 17+),
 * not yet in TypeScript's DOM library. Declared optional: the page checks for it first.
 */
interface DetectedBarcode {
  rawValue: string;
  format: string;
}

interface BarcodeDetectorInstance {
  detect(source: ImageBitmapSource): Promise<DetectedBarcode[]>;
}

interface BarcodeDetectorConstructor {
  new (options?: { formats: string[] }): BarcodeDetectorInstance;
  getSupportedFormats(): Promise<string[]>;
}

declare const BarcodeDetector: BarcodeDetectorConstructor | undefined;
