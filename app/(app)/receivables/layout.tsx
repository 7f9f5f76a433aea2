import type { ReactNode } from 'react';
import { ListLoading } from '@/components/list-loading';

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ListLoading segment={'/receivables'} lists={['/receivables', '/receivables/payments']}>
      {children}
    </ListLoading>
  );
}
