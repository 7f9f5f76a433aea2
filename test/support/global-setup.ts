/**
 * Integration tests run against a real PostgreSQL server: a throwaway cluster started here
 * (or TEST_DATABASE_URL), with a template database migrated once; each test file copies it.
 */
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '@/db/index';
import { startPgCluster } from './pg-cluster';
import { withDatabase } from './database-url';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = process.env.TEST_DATABASE_URL ? null : await startPgCluster();
  const serverUrl = process.env.TEST_DATABASE_URL ?? cluster!.url;
  const template = `test_template_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${template}`);
  await admin.unsafe(`create database ${template}`);
  const app = openPostgres(withDatabase(serverUrl, template), { max: 1 });
  await app.migrate();
  await app.close();
  project.provide('pgServerUrl', serverUrl);
  project.provide('templateDatabase', template);

  return async () => {
    await admin.unsafe(`drop database if exists ${template} with (force)`).catch(() => {});
    await admin.end();
    cluster?.stop();
  };
}
