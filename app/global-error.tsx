'use client';

import { useEffect } from 'react';
import './globals.css';

/**
 * The last resort, when the root layout itself failed (for instance the database unreachable
 * while reading the user's language): neither the language nor the messages can be known, so
 * the text is in both languages, French first.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <html lang="fr-CA">
      <body>
        <main className="page narrow" id="content">
          <div className="error-state" role="alert">
            <h1>Une erreur est survenue</h1>
            <p>L’application n’a pas pu s’afficher. Réessayez dans un instant ; si le problème persiste, avisez un administrateur.</p>
            <p lang="en-CA">Something went wrong: the application could not be shown. Try again in a moment.</p>
            <p className="error-actions">
              <button type="button" onClick={() => retry()}>
                Réessayer / Try again
              </button>
              {/* A full page load: the root layout is what failed. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a href="/">Retour à l’accueil / Back to home</a>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
