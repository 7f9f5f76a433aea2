import path from 'node:path';
import { Font } from '@react-pdf/renderer';
import { rememberEmbeddedFonts } from './font-cache';
import { FONT_FAMILY } from './templates/styles';

/**
 * The fonts of every PDF, shipped in the repository (public/fonts, DejaVu Sans, free licence)
 * and never fetched at render time. They draw French accents and the spaces of fr-CA numbers.
 */
let isRegistered = false;

export function registerPdfFonts(): void {
  if (isRegistered) return;
  rememberEmbeddedFonts();
  const folder = path.join(process.cwd(), 'public', 'fonts');
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: path.join(folder, 'DejaVuSans.ttf'), fontWeight: 'normal' },
      { src: path.join(folder, 'DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
    ],
  });
  // Words are never cut with hyphens in invoices.
  Font.registerHyphenationCallback((word) => [word]);
  isRegistered = true;
}
