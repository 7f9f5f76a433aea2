// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM files from its own package folder: bundling it breaks the paths.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', '@react-pdf/renderer'],
  experimental: {
    authInterrupts: true,
  },
  poweredByHeader: false,
};

module.exports = withNextIntl(nextConfig);
