/**
 * What the delivery needs to know of a kind of document (an invoice, a statement of account):
 * how a selection finds its documents, where each one's e-mail goes, how it is rendered, and how
 * it is marked sent or printed. The queue, its retries and resends, the progress of a batch and
 * the print (lib/delivery/email-queue.ts, lib/delivery/print.ts) are written once, for any kind;
 * a new kind of document is one more description in lib/delivery/kinds/.
 */
import type { SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Executor, Tx } from '@/db/index';
import type { AppError } from '@/lib/errors';
import type { CompanySettings } from '@/lib/settings/company-settings';

/** The columns of `deliveries` and of the documents' tables that name a kind's documents. */
export type DocumentTable =
  | { table: 'invoices'; deliveryColumn: 'invoice_id' }
  | { table: 'statements'; deliveryColumn: 'statement_id' }
  | { table: 'portal_invitations'; deliveryColumn: 'portal_invitation_id' }
  | { table: 'call_contests'; deliveryColumn: 'call_contest_id' };

/** A document of a selection as the delivery lists it: its id once recorded, where its e-mail goes. */
export type ListedDocument = { documentId: number | null; recipients: string[] };

/** A document's e-mail: its subject and body, in the client's language, and its PDF (none for an invitation). */
export type DocumentEmail = { subject: string; text: string; attachment: { filename: string; content: Buffer } | null };

/** The part of a description the e-mail worker needs, whatever the kind. */
export type EmailedKind = DocumentTable & {
  /** On a pending `deliveries` row: its document may still be sent (an invoice voided meanwhile may not). */
  isSendable: SQL;
  /** The e-mail of the document `documentId`. */
  emailOf: (db: Db, documentId: number, company: CompanySettings | null) => Promise<DocumentEmail>;
};

export type DocumentKind<Selection, Key, Row extends ListedDocument> = EmailedKind & {
  /** The selection a batch's form posts, parsed on the server. */
  selection: z.ZodType<Selection>;
  /** What names one document to resend. */
  key: z.ZodType<Key>;
  /** The selection's documents to send by `channel`, in their order, each with where its e-mail goes. */
  listDocuments: (db: Executor, selection: Selection, channel: 'email' | 'print') => Promise<Row[]>;
  /**
   * Within `tx`, the selection's documents to e-mail, as a query of (id, recipients) rows, locked
   * as the kind requires; with `isSending`, documents that exist only once sent (statements) are
   * recorded first. `withoutAddress` counts the selection's documents that have nowhere to go.
   */
  emailDocuments: (tx: Tx, actorId: number, selection: Selection, isSending: boolean) => Promise<{ rows: SQL; withoutAddress: number }>;
  /** Within `tx`, the document a clerk asks to send again, or the AppError that says why it cannot be. */
  resendDocument: (tx: Tx, actorId: number, key: Key) => Promise<{ id: number; recipients: string[] }>;
  /** The error when the document's e-mail is already waiting. */
  alreadyQueued: (key: Key) => AppError;
  /** The documents of a print batch as one PDF, each on its own pages with its own page numbers. */
  printedPdf: (db: Db, documents: Row[], selection: Selection) => Promise<AsyncGenerator<Uint8Array>>;
  /** Records the documents of a print batch printed, once the whole file was written out. */
  recordPrinted: (db: Db, actorId: number, documents: Row[], selection: Selection) => Promise<void>;
};
