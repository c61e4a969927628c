/**
 * Registers the service worker from a module, not an inline script (the CSP forbids those).
 * With registerType "autoUpdate" a new version activates and the page reloads by itself.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const { registerSW } = await import('virtual:pwa-register');
  registerSW({ immediate: true });
}
