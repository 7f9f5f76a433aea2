import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The application's link: Next.js's, without prefetching. By default a link prefetches its page as
 * soon as it scrolls into view, and every page here is dynamic (it reads the session), so each
 * prefetch is a render of the layout on the server that the person may never open: a client
 * search of 50 rows, with its sort headers and the menu, sent some 65 of them (about 530 ms of the
 * server's CPU per page view, against 18 ms for the page itself). A page is read when it is
 * opened, once.
 */
export function Link(props: Omit<ComponentProps<typeof NextLink>, 'prefetch'>) {
  return <NextLink {...props} prefetch={false} />;
}
