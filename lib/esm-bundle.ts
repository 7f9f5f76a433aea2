import path from 'node:path';

/**
 * The module `entry` and the project modules it imports as one ECMAScript module at `outfile`,
 * packages left to node_modules: how code using react-pdf (which loads only as an ECMAScript
 * module) runs outside Next.js's bundles, in the PDF threads and the benchmark's processes.
 */
export async function bundleEsm(entry: string, outfile: string): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(process.cwd(), entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    jsx: 'automatic',
    outfile,
    logLevel: 'warning',
  });
}
