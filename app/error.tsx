'use client';

import { ErrorState } from '@/components/error-state';

/** A failure outside the signed-in screens, or in their frame itself (app/(app)/layout.tsx). */
export default function RootError(props: { error: unknown; retry: () => void }) {
  return (
    <main className="page narrow" id="content">
      <ErrorState {...props} />
    </main>
  );
}
