import { Suspense, type ReactNode } from 'react';
import { requireRequestedRoute } from '@/lib/auth/current-user';
import type { AppRoute } from '@/lib/auth/permissions';
import { LoadingStatus } from './loading-status';

/**
 * The layout of a segment whose lists can be slow: the role of the route requested is checked
 * first, then a list shows a loading state while the server prepares it. Only the lists: a
 * loading state makes the response start with status 200 before the page runs, so a detail page
 * below (/clients/[number]) would answer its notFound() with 200 instead of 404. That is also why
 * this is a Suspense boundary chosen by route here rather than a loading.tsx, which would wrap
 * every page of the segment.
 */
export async function ListLoading({ segment, lists, children }: { segment: AppRoute; lists: AppRoute[]; children: ReactNode }) {
  const route = await requireRequestedRoute(segment);
  return lists.includes(route) ? <Suspense fallback={<LoadingStatus />}>{children}</Suspense> : children;
}
