/**
 * The route that prints a kind of document (lib/delivery/document-kind.ts) as one PDF, streamed
 * as it is written: a POST (the screen's form) prints the selection and records it printed once
 * the whole file was taken; a GET, where the route offers one, previews it and records nothing.
 */
import type { z } from 'zod';
import type { FileRoute } from '@/lib/auth/file-routes';
import type { DocumentKind, ListedDocument } from '@/lib/delivery/document-kind';
import { printDocuments } from '@/lib/delivery/print';
import { defineFileRoute, type FileRouteSpec } from './define-file-route';

export function definePrintRoute<S, K, R extends ListedDocument>(spec: {
  route: FileRoute;
  kind: DocumentKind<S, K, R>;
  /** The selection as the route reads it (the kind's, unless the route adds to it). */
  input?: z.ZodType<S>;
  messages: FileRouteSpec<z.ZodType<S>>['messages'];
  logAs: string;
  /** The file's name, from its documents. */
  fileName: (documents: R[], selection: S) => string;
}) {
  return defineFileRoute({
    route: spec.route,
    input: spec.input ?? spec.kind.selection,
    messages: spec.messages,
    logAs: spec.logAs,
    file: async ({ db, user, input, request }) => {
      const isPreview = request.method === 'GET' || request.method === 'HEAD';
      const printed = await printDocuments(db, spec.kind, input, isPreview ? null : user.id);
      if (!printed) return null;
      return {
        body: printed.stream,
        contentType: 'application/pdf',
        name: spec.fileName(printed.documents, input),
        disposition: isPreview ? 'inline' : 'attachment',
      };
    },
  });
}
