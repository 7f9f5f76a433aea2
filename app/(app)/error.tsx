'use client';

import { ErrorState } from '@/components/error-state';

/** A signed-in screen that failed: the message inside the application's frame (menu kept). */
export default function SignedInError(props: { error: unknown; retry: () => void }) {
  return <ErrorState {...props} />;
}
